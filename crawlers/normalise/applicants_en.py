"""Who may apply to an EU topic, read from its English text (the Funding & Tenders portal writes in English).

Only a sentence that says who may apply counts (« Eligible applicants: consortia of at least three SMEs … »,
« The call is open to research organisations and universities »); a topic that says nothing leaves its
applicants unknown. Types follow Vigie's vocabulary, as the French reader's do
(crawlers/normalise/applicants.py): « SMEs » are TPE and PME, universities are schools.
"""

from __future__ import annotations

import re

from crawlers.normalise.text import fold, html_to_text
from models.vocab import Beneficiary as B

# ── What is read (folded: lower case) ───────────────────────────────────────────────────────────
CUE = re.compile(
    r"\beligible (?:applicants?|entities|organisations?|organizations?|beneficiaries|participants)\b"
    r"|\bapplicants? (?:must|should|shall) be\b|\b(?:is|are) open to\b|\bonly\b.{0,30}\bmay apply\b|\bmay apply\b"
    r"|\bco-?beneficiar(?:y|ies)\b"
    r"|\b(?:coordinators?|lead partners?|beneficiaries)\b[^.;:]{0,40}\b(?:must|should|shall) be\b"
    r"|\bmay (?:join|participate|take part)\b[^.;]{0,60}\bbeneficiar(?:y|ies)\b|\bare beneficiaries of the grant\b"
    r"|^eligibility\s*:|\b(?:submitted|presented) by\b"
    r"|\bconsortium (?:must|should|shall) (?:be composed of|include|consist of|comprise)\b"
)
NOT_APPLYING = re.compile(
    r"\bsubcontractors?\b|\bassociated partners?\b|\bwithout (?:receiving )?(?:any )?(?:eu )?funding\b"
    r"|\bcannot receive\b|\bnot (?:be )?beneficiar|\bletters? of support\b|\bdo not receive\b"
)
"""A part of a sentence whose types take part without applying (subcontractors, associated partners)."""
TYPES: list[tuple[str, tuple[B, ...]]] = [
    (r"\bmicro,? small,? (?:and|or) medium[- ]sized enterprises?", (B.TPE, B.PME)),
    (r"\bsmes?\b|small and medium[- ]sized enterprises?", (B.TPE, B.PME)),
    (r"\bmid-?caps?\b", (B.ETI,)),
    (r"\bmicro[- ]enterprises?\b", (B.TPE,)),
    (r"\blarge (?:enterprises?|compan(?:y|ies))\b", (B.GE,)),
    (r"\bfarmers?\b|\bfarm(?:ing)? (?:businesses|holdings|enterprises)\b|\bagricultural holdings?\b", (B.AGRICULTEUR,)),
    (r"\b(?:enterprises?|compan(?:y|ies)|business(?:es)?|for-profit)\b", (B.ENTREPRISE,)),
    (r"\bresearch(?: and technology)? (?:organisations?|organizations?|centres?|centers?|institutes?)\b|\brtos?\b",
     (B.RECHERCHE,)),
    (r"\buniversit(?:y|ies)\b|higher[- ]education", (B.ETABLISSEMENT_ENSEIGNEMENT,)),
    (r"\b(?:groupings?|associations?|unions?) of municipalities\b|\binter-?municipal\b", (B.EPCI,)),
    (r"\bmunicipalit(?:y|ies)\b", (B.COMMUNE,)),
    (r"\blocal and regional (?:public )?authorit(?:y|ies)\b(?!\s*[(:])", (B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION)),
    (r"\bregional (?:public )?authorit(?:y|ies)\b(?!\s*[(:])", (B.REGION,)),
    (r"\b(?:local|public) authorit(?:y|ies)\b(?!\s*[(:])", (B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION)),
    (r"\b(?:provinces?|counties)\b", (B.DEPARTEMENT,)),
    (r"\bregions\b", (B.REGION,)),
    (r"\bpublic (?:entit(?:y|ies)|bod(?:y|ies))\b(?!\s*:)", (B.ETABLISSEMENT_PUBLIC,)),
    (r"\bchambers?\b(?: of (?:commerce|industry|crafts|agriculture))?", (B.CHAMBRE_CONSULAIRE,)),
    (r"\bvet providers?\b|\b(?:vocational|training) (?:education )?(?:providers?|institutions?|schools?)\b",
     (B.ETABLISSEMENT_ENSEIGNEMENT,)),
    (r"\bnon-?profit\b|\bngos?\b|civil society organi[sz]ations?", (B.ASSOCIATION,)),
]
SERVED = re.compile(r"\b(?:supporting|helping|serving|assisting|advising)\s+(?:\w+\s+)?$")
"""Right before a type: the applicants work for it."""
CO_APPLYING = re.compile(r"\bco-?beneficiar(?:y|ies)\b|\bmay (?:join|participate|take part)\b[^.;]{0,60}\bbeneficiar")
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n+")
_LIST_GOES_ON = re.compile(r";\s*$")
"""A part that ends on « ; »: when it says who may apply (« … drawn from: SMEs that process natural fibres; »), the
next part goes on with its list (« cluster organisations and business associations; training providers »)."""
# ────────────────────────────────────────────────────────────────────────────────────────────────
_TYPES = [(re.compile(pattern), targets) for pattern, targets in TYPES]


def english_applicants(text: str) -> list[B]:
    """The applicants the English text's sentences on who may apply name, in reading order; [] if none."""
    found: dict[B, None] = {}
    listing = False
    for sentence in SENTENCE_END.split(fold(html_to_text(text or ""))):
        cued = listing or bool(CUE.search(sentence))
        if cued and not (NOT_APPLYING.search(sentence) and not CO_APPLYING.search(sentence)):
            found.update(dict.fromkeys(_types_in(sentence)))
        listing = cued and bool(_LIST_GOES_ON.search(sentence))
    sized = any(b in (B.TPE, B.PME, B.GE) for b in found)
    return [b for b in found if not (sized and b == B.ENTREPRISE)]


def _types_in(sentence: str) -> list[B]:
    """Types named, each phrase once: the longer, earlier phrase wins over a word inside it; a type the applicants
    serve (« non-profit organisations supporting tourism businesses ») is none."""
    spans: list[tuple[int, int, tuple[B, ...]]] = []
    for pattern, targets in _TYPES:
        spans += [(m.start(), m.end(), targets) for m in pattern.finditer(sentence)
                  if not SERVED.search(sentence, 0, m.start())]
    kept: list[tuple[int, int, tuple[B, ...]]] = []
    for span in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return [b for _, _, targets in kept for b in targets]
