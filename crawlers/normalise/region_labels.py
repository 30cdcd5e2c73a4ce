"""Coverage labels ("Toutes les Régions", "Occitanie, Nouvelle-Aquitaine", "La Réunion") → COG codes.

A label counts only when it is made of région names and nothing else:
- "Toutes les Régions", "France entière", "National" → the whole country (PAYS-99100);
- "Outre-mer" → the five overseas régions; "France métropolitaine" → the thirteen others;
- names joined by commas, semicolons, slashes or "et" → each région's code, from the région table of
  models/geo.py (case, accents, dashes and spaces ignored: "Ile de France", "Grand-Est"), with the
  common short forms ("Réunion", "PACA", "Région Sud", "AURA").
Anything else ("11 régions dont La Réunion", a sentence that names a région in passing) gives nothing:
a partial or unclear coverage stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crawlers.normalise.text import fold
from models import geo

_WHOLE_COUNTRY = re.compile(
    r"(?:toutes (?:les )?regions(?: de france)?|toute la france|france entiere|(?:dispositif |territoire )?nationale?"
    r"|tout le territoire(?: national)?)"
)
_OVERSEAS = re.compile(r"(?:l')?outre-?mer|drom|regions d'outre-mer|dom")
_MAINLAND = re.compile(r"france metropolitaine|metropole|hexagone")
_SEPARATORS = re.compile(r"\s*(?:[,;/|•]|\bet\b|\s[-–]\s)\s*")
_PREFIX = re.compile(r"^(?:(?:en|la) )?region ")
_SHORT_FORMS = {"reunion": "04", "ile de la reunion": "04", "paca": "93", "sud": "93", "aura": "84", "idf": "11"}


def region_codes_of_label(label: str) -> list[str]:
    """The COG codes a coverage label names, in reading order; [] when it is not wholly a coverage label."""
    folded = " ".join(fold(label).strip(" .:-–").split())
    if not folded:
        return []
    whole = _whole_label(folded)
    if whole is not None:
        return whole
    codes = [_region_code(part) for part in _SEPARATORS.split(folded) if part]
    if not codes or None in codes:
        return []
    return list(dict.fromkeys(code for code in codes if code))


def region_codes_of_labels(labels: Iterable[str]) -> list[str]:
    """The codes of every label that is wholly a coverage label (others ignored), without duplicates."""
    found: dict[str, None] = {}
    for label in labels:
        found.update(dict.fromkeys(region_codes_of_label(label)))
    return [geo.FRANCE] if geo.FRANCE in found else list(found)


def _whole_label(folded: str) -> list[str] | None:
    if _WHOLE_COUNTRY.fullmatch(folded):
        return [geo.FRANCE]
    if _OVERSEAS.fullmatch(folded):
        return [f"REG-{code}" for code in sorted(_overseas())]
    if _MAINLAND.fullmatch(folded):
        return [f"REG-{code}" for code in sorted(set(geo.regions()) - _overseas())]
    return None


def _region_code(part: str) -> str | None:
    name = _PREFIX.sub("", part)
    if name in _SHORT_FORMS:
        return f"REG-{_SHORT_FORMS[name]}"
    return None if name.isdigit() else geo.find_region(name)  # "76" alone is a number, not a label


def _overseas() -> set[str]:
    return {d.region for d in geo.departements().values() if d.code.startswith("97")}
