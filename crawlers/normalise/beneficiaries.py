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
