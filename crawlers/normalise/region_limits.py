"""The régions a national call leaves out, when a sentence of its text says so.

« sur tout le territoire national, hors Île-de-France », « Les projets franciliens ne sont pas éligibles », « Les
départements et régions d'outre-mer ainsi que la Corse sont exclus », « L'appel couvre la France métropolitaine
continentale » (no overseas région, no Corse). A région is left out when a leaving-out word comes before its name
in the sentence, or an exclusion verb after it. Pure: folded sentences in, COG codes out.
"""

from __future__ import annotations

import re
from functools import cache

from crawlers.normalise.text import fold
from models import geo

LEAVING_OUT = r"\b(?:hors|sauf|excepte|a l'exception d|a l'exclusion d|exception faite d)"
EXCLUDED_AFTER = re.compile(
    r"\b(?:sont|est|seront|sera) (?:exclue?s?|exclus)\b"
    r"|\b(?:ne|n') ?(?:sont|seront|est|sera|peu(?:t|vent)|pourront|pourra) pas (?:etre )?(?:couverte?s?|concernee?s?"
    r"|eligibles?|retenue?s?|recevables?|acceptee?s?|financee?s?|aidee?s?|soutenue?s?|subventionnee?s?|admise?s?"
    r"|pris en compte|prises en compte)\b"
    r"|\brelev\w* d'(?:un|une) autre|\bne releve\w* pas d"
    r"|\brelev\w* d'(?:un|une) (?:programme|dispositif|appel|fonds)|\bne peu(?:t|vent) pas (?:candidater|deposer|adherer"
    r"|beneficier|participer|postuler)"
)
"""After the place, in its sentence: the place is left out (« …, rattachés à un autre bassin, ne sont pas couverts »,
« Les projets situés à Paris ne sont pas retenus », « … ne peuvent pas être financés »)."""
OVERSEAS = ("01", "02", "03", "04", "06")
_OVERSEAS_WORDS = r"outre-mer|ultramarin\w*|\bdrom\b|\bdrom-com\b"
DEMONYMS = {"11": r"francilien\w*", "53": r"breton(?:ne)?s?", "28": r"normand(?:e|s|es)?", "94": r"corse"}
"""Adjectives of a région (« les projets franciliens »)."""
_MAINLAND = re.compile(
    r"\bfrance metropolitaine(?P<continental> continentale)?\b|\b(?:uniquement|seulement) en metropole\b"
    r"|\ben metropole (?:uniquement|seulement)\b"
)
"""« la France métropolitaine (continentale) », « uniquement en métropole »: no overseas région (nor Corse)."""


def regions_left_out(sentence: str) -> list[str]:
    """REG codes a folded sentence leaves out."""
    found = [code for code, pattern in _named() if _left_out(sentence, pattern)]
    if _left_out(sentence, re.compile(_OVERSEAS_WORDS)):
        found += OVERSEAS
    mainland = _MAINLAND.search(sentence)
    if mainland and not re.search(rf"\bet (?:en |l')?(?:{_OVERSEAS_WORDS})", sentence):
        found += [*OVERSEAS, *(["94"] if mainland["continental"] else [])]
    return [f"REG-{code}" for code in dict.fromkeys(found)]


def _left_out(sentence: str, place: re.Pattern[str]) -> bool:
    for match in place.finditer(sentence):
        if re.search(rf"{LEAVING_OUT}\w*\s+(?:[\w']+\s+){{0,3}}(?:l'|d')?$", sentence[: match.start()]):
            return True
        end = re.search(r"[.;:]", sentence[match.end():])
        if EXCLUDED_AFTER.search(sentence, match.end(), match.end() + (end.start() if end else len(sentence))):
            return True
    return False


@cache
def _named() -> list[tuple[str, re.Pattern[str]]]:
    names = [(code, rf"(?<![\w-]){re.escape(fold(name))}(?![\w-])") for code, name in geo.regions().items()]
    demonyms = [(code, rf"(?<![\w-]){pattern}(?![\w-])") for code, pattern in DEMONYMS.items()]
    return [(code, re.compile(pattern)) for code, pattern in [*names, *demonyms]]
