"""The communes a call is limited to, when a sentence of its text says where projects must be: « Ateliers situés à
Thiers ou à Ambert », « réservé aux sites implantés à Graulhet, à Mazamet et à Labruguière ».

A list counts only after a place cue that ends on « à » and only when every member of the list is a commune the
commune table knows by its name within the call's coverage (models/communes.py: a name that several comparable
communes of the coverage bear designates none; « Saint-Claude » in a Jura call is the Jura's); otherwise it gives
nothing (« implantés à proximité d'un port »), nor does a sentence that leaves the place out (« Les projets situés à
Paris ne sont pas retenus », « hors entreprises installées à… »). Pure: folded sentences in, COG codes out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crawlers.normalise.departement_limits import LEAVING_OUT
from crawlers.normalise.region_limits import EXCLUDED_AFTER
from models import communes, geo

_CUE = re.compile(
    r"\b(?:situee?s?|implantee?s?|localisee?s?|installee?s?|etablie?s?|basee?s?|realisee?s?|domiciliee?s?) a "
    r"(?!(?:proximite|moins|plus|l'|la |le |les |au |aux |titre|condition|hauteur|partir)\b)"
)
_NAME = r"[a-z][a-z'-]*(?: (?:sur|sous|en|les|le|la|de|du|des|d'|l')?\s?[a-z][a-z'-]*){0,4}?"
_LIST = re.compile(rf"(?P<first>{_NAME})(?P<rest>(?:\s*(?:,|\bou\b|\bet\b)\s*(?:a\s+)?{_NAME})*)(?=\s*(?:[.;:,)]|$))")
_SEPARATOR = re.compile(r"\s*(?:,|\bou\b|\bet\b)\s*(?:a\s+)?")
_MOST = 12


def limited_to_communes(sentences: Iterable[str], coverage: list[str]) -> list[str]:
    """`COM-` codes of the communes a sentence limits the call to (none when no sentence does)."""
    for sentence in sentences:
        if EXCLUDED_AFTER.search(sentence):
            continue  # « Les projets situés à Paris ne sont pas retenus »: left out, not the coverage
        for cue in _CUE.finditer(sentence):
            if LEAVING_OUT.search(sentence, 0, cue.start()):
                continue
            found = _communes_listed(sentence, cue.end(), coverage)
            if found:
                return found
    return []


def _communes_listed(sentence: str, at: int, coverage: list[str]) -> list[str]:
    listed = _LIST.match(sentence, at)
    if listed is None:
        return []
    names = [n for n in _SEPARATOR.split(listed.group()) if n.strip()]
    inside = (lambda code: bool(geo.covers(coverage, [], [f"COM-{code}"]))) if coverage else None
    codes = [communes.commune_named(name, inside) for name in names[:_MOST]]
    if not codes or None in codes or len(names) > _MOST:
        return []
    found = [f"COM-{code}" for code in codes if code]
    if coverage and not all(geo.covers(coverage, [], [code]) for code in found):
        return []
    return list(dict.fromkeys(found))
