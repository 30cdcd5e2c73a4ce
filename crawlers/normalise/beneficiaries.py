"""Source labels of "who may apply" → Vigie's Beneficiary vocabulary.

Each label is folded (lower case, no accents) and the FIRST matching rule wins, so specific
rules ("collectivite ou institution - epci") come before general ones ("collectivite").
Unknown labels map to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crawlers.normalise.text import fold
from models.vocab import Beneficiary as B

COLLECTIVITIES = (B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION)

_RULES: list[tuple[str, tuple[B, ...]]] = [
    # Île-de-France "Public - précision" labels first: the part after the dash decides.
    (r"\btpe\b|micro[- ]?entreprise", (B.TPE,)),
    (r"\bpme\b", (B.PME,)),
    (r"\beti\b|taille intermediaire", (B.ETI,)),
    (r"grande[s]? entreprise|\bge\b", (B.GE,)),
    (r"\bepci\b|intercommunal|communaute[s]? (de communes|d'agglomeration|urbaine)|metropole", (B.EPCI,)),
    (r"syndicat[s]? mixte", (B.SYNDICAT_MIXTE,)),
    (r"\bpetr\b|pole d'equilibre|\bpays\b", (B.PETR,)),
    (r"\bcommunes?\b|\bmairies?\b", (B.COMMUNE,)),
    (r"departement", (B.DEPARTEMENT,)),
    (r"\bregions?\b", (B.REGION,)),
    (r"chambre[s]? (consulaire|de commerce|des metiers|d'agriculture)|\bcci\b|\bcma\b", (B.CHAMBRE_CONSULAIRE,)),
    (r"\bsem\b|economie mixte|\bspl\b", (B.SEM,)),
    (r"enseignement|\blycees?\b|universit|organisme de formation|\bcfa\b", (B.ETABLISSEMENT_ENSEIGNEMENT,)),
    (r"demandeur d.emploi|\betudiants?\b|\bjeunes?\b|\blyceens?\b|\bapprentis?\b|\bsalaries?\b", (B.PARTICULIER,)),
    (r"recherche|laboratoire", (B.RECHERCHE,)),
    (r"agriculteur|exploitant", (B.AGRICULTEUR,)),
    (r"association|fondation", (B.ASSOCIATION,)),
    (r"secteur public", COLLECTIVITIES + (B.ETABLISSEMENT_PUBLIC,)),
    (r"etablissement[s]? public|collectivite ou institution - autre|\bgip\b", (B.ETABLISSEMENT_PUBLIC,)),
    (r"collectivite", COLLECTIVITIES),
    (
        r"entreprise|professionnel|societe|start-?up|artisan|commer[cç]ant|\bgie\b|groupement d'interet economique",
        (B.ENTREPRISE,),
    ),
    (r"\bparticuliers?\b|\bmenages?\b|\bhabitants?\b", (B.PARTICULIER,)),
]
_COMPILED = [(re.compile(pattern), targets) for pattern, targets in _RULES]


def beneficiaries_of_label(label: str) -> list[B]:
    """What one source label means, or [] when the label is unknown."""
    folded = fold(label)
    for pattern, targets in _COMPILED:
        if pattern.search(folded):
            return list(targets)
    return []


def map_beneficiaries(labels: Iterable[str]) -> list[B]:
    """Every beneficiary the labels name, in first-seen order, without duplicates."""
    found: dict[B, None] = {}
    for label in labels:
        found.update(dict.fromkeys(beneficiaries_of_label(label)))
    return list(found)


# Eligibility text ("réservé aux PME", "EPCI, communes et syndicats mixtes") is scanned with a
# stricter table than labels: only words that name an applicant in running prose ("région",
# "département", "jeunes" or "recherche" say too many other things there).
_TEXT_RULES: list[tuple[str, tuple[B, ...]]] = [
    (r"\btpe\b|micro-?entreprises?", (B.TPE,)),
    (r"\bpme\b", (B.PME,)),
    (r"\beti\b|entreprises? de taille intermediaire", (B.ETI,)),
    (r"grandes? entreprises?", (B.GE,)),
    (r"\bstart-?ups?\b|\bentreprises?\b|\bsocietes?\b|\bindustriels?\b|\bconsortiums?\b|\bgie\b", (B.ENTREPRISE,)),
    (r"\bepci\b|intercommunalites?|communautes? (?:de communes|d'agglomeration|urbaines?)|metropoles?", (B.EPCI,)),
    (r"syndicats? mixtes?", (B.SYNDICAT_MIXTE,)),
    (r"\bpetr\b|poles? d'equilibre territorial", (B.PETR,)),
    (r"\bcommunes\b|\bcommune (?:de|du|d')|\bmunicipalites?\b", (B.COMMUNE,)),
    (r"conseils? departementaux|conseil departemental|\bdepartements\b", (B.DEPARTEMENT,)),
    (r"conseils? regionaux|\bregions\b", (B.REGION,)),
    (r"collectivites?(?: territoriales?| locales?)?", COLLECTIVITIES),
    (r"\bassociations?\b", (B.ASSOCIATION,)),
    (r"etablissements? publics?", (B.ETABLISSEMENT_PUBLIC,)),
    (r"(?:organismes?|laboratoires?|etablissements?|centres?) (?:publics? )?de recherche", (B.RECHERCHE,)),
    (r"chambres? (?:consulaires?|de commerce|des metiers|d'agriculture)", (B.CHAMBRE_CONSULAIRE,)),
    (r"\bsem\b|societes? d'economie mixte", (B.SEM,)),
    (r"agriculteurs?|exploitations? agricoles?|exploitants? agricoles?", (B.AGRICULTEUR,)),
]
_TEXT_COMPILED = [(re.compile(pattern), targets) for pattern, targets in _TEXT_RULES]
_EXCLUDED_BEFORE = re.compile(r"(?:\bhors\b|\bsauf\b|exclu\w*|exclusion (?:des?|du)|ne sont pas eligibles?)[^.;:]{0,40}$")


def beneficiaries_in_text(text: str) -> list[B]:
    """Applicants an eligibility text names, in reading order; excluded ones ("hors grandes entreprises") left out."""
    folded = fold(" ".join((text or "").split()))
    found: list[tuple[int, B]] = []
    for pattern, targets in _TEXT_COMPILED:
        for match in pattern.finditer(folded):
            if not _EXCLUDED_BEFORE.search(folded[max(0, match.start() - 60): match.start()]):
                found.extend((match.start(), target) for target in targets)
                break
    return list(dict.fromkeys(target for _, target in sorted(found, key=lambda pair: pair[0])))


_LABELS: dict[B, str] = {
    B.COMMUNE: "Communes", B.EPCI: "EPCI", B.DEPARTEMENT: "Département", B.REGION: "Région",
    B.SYNDICAT_MIXTE: "Syndicat mixte", B.PETR: "PETR", B.ENTREPRISE: "Entreprise", B.TPE: "TPE", B.PME: "PME",
    B.ETI: "ETI", B.GE: "Grande entreprise", B.ASSOCIATION: "Association",
    B.ETABLISSEMENT_PUBLIC: "Établissement public", B.CHAMBRE_CONSULAIRE: "Chambre consulaire", B.SEM: "SEM",
    B.ETABLISSEMENT_ENSEIGNEMENT: "Établissement d'enseignement", B.RECHERCHE: "Organisme de recherche",
    B.PARTICULIER: "Particulier", B.AGRICULTEUR: "Exploitant agricole",
}


def beneficiary_labels_in_text(text: str) -> list[str]:
    """French labels of the applicants a text names: what a spider puts in RawItem.beneficiary_labels."""
    return [_LABELS[b] for b in beneficiaries_in_text(text)]
