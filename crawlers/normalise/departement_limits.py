"""The départements a call is limited to, when a sentence of its text says so.

A regional call is often open in part of its region only: « Sont éligibles les projets situés dans les
départements de l'Ariège (09), de l'Aude (11) et du Gers (32) », « Le dispositif est réservé aux territoires
de la Corrèze (19) et de la Creuse (23) », « … dans tous les départements de la région hors Savoie (73) et
Haute-Savoie (74) ». A sentence counts when it says where projects must be (a place cue) and names
départements with their own number, « Nom (NN) » (crawlers/spiders/departement_coverage.py reads them too), or
after a preposition of place (« implantés en Essonne ou dans le Val-d'Oise »); a département met in passing
(« un site du Tarn »), or a part of one (« dans le nord de l'Essonne »), gives nothing. The départements named after « hors » /
« sauf » are left out of the coverage. Pure: folded sentences in, COG codes out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from functools import cache

from crawlers.normalise.region_limits import EXCLUDED_AFTER, regions_left_out
from crawlers.normalise.text import fold
from models import geo

PLACE_CUE = re.compile(
    r"\b(?:situee?s?|implantee?s?|localisee?s?|realisee?s?) (?:dans|sur|en)\b|\breservee?s? aux? (?:territoires?"
    r"|departements?|projets?|communes?|sites?)\b|\b(?:territoires?|departements?) (?:de la |de l'|du |des |de )"
    r"|\b(?:uniquement|exclusivement|seul(?:e|s|es)?)\b.{0,40}\b(?:dans|en|sur)\b"
    r"|\blimitee? (?:au|aux|a la|a l')|\bperimetre\b"
)
"""A sentence that says where a project must be (folded)."""
NUMBERED = re.compile(r"\((?P<code>2[ab]|97\d|\d{2})\)")
"""A département number in brackets, after its name: « Gers (32) »."""
_PLACE_PREPOSITION = r"(?:en|dans (?:le |la |les |l')|du |de la |de l'|des |au |aux |a la |a l'|hors |sauf )\s*"
_PART_OF = re.compile(r"\b(?:nord|sud|est|ouest|centre|partie|moitie|reste|frontiere|la limite)\s*$")
"""« dans le nord de l'Essonne »: a part of a département is no limit the coverage can say."""
_NUMBER = re.compile(r"2[ab]|97\d|\d{2}")
_NUMBER_LIST = re.compile(
    r"\bdepartements?\s+(?:n[°o]s?\s*)?(?P<numbers>(?:2[ab]|97\d|\d{2})(?:\s*(?:,|et|ou)\s*(?:2[ab]|97\d|\d{2}))*)(?![\d%])"
)
_LIST_LINK = re.compile(
    r"(?:\s*\(\s*(?:2[ab]|97\d|\d{2})\s*\))?(?:\s*,\s*|\s+(?:et|ou)\s+)(?:(?:en|dans)\s+)?"
    r"(?:le |la |les |l'|du |des |de la |de l'|de )?\s*"
)
"""What joins two départements of one list: « , la », « ou la », « et de la », « et le »."""
_SEGMENT_END = re.compile(r"[;:]")
LEAVING_OUT = re.compile(r"\b(?:hors|sauf|excepte|a l'exception d|a l'exclusion d|exception faite d)")


def limited_coverage(sentences: Iterable[str], coverage: list[str]) -> tuple[list[str], list[str]] | None:
    """(codes, exclusions) of the call once its text's limits apply to `coverage`; None when no sentence
    limits it. Named départements outside the coverage are ignored (a sentence about another place)."""
    kept: dict[str, None] = {}
    left_out: dict[str, None] = {}
    for sentence in sentences:
        left_out.update(dict.fromkeys(r for r in regions_left_out(sentence) if geo.FRANCE in coverage or r in coverage))
        if not PLACE_CUE.search(sentence):
            continue
        for code, start in departements_at(sentence):
            if _within(code, coverage):
                leaving = LEAVING_OUT.search(sentence, 0, start) or _excluded_after(sentence, start)
                (left_out if leaving else kept)[code] = None
    if kept:
        return list(kept), []
    if left_out:
        return _all_but(coverage, list(left_out))
    return None


def _excluded_after(sentence: str, start: int) -> bool:
    """« Les départements de l'Aube et de la Marne … ne sont pas couverts » (up to the end of the clause)."""
    end = _SEGMENT_END.search(sentence, start)
    return bool(EXCLUDED_AFTER.search(sentence, start, end.start() if end else len(sentence)))


def numbered_departements(line: str) -> list[tuple[str, int]]:
    """(DEP code, position) of the départements a folded line writes « Nom (NN) », the name matching the number."""
    found = []
    for match in NUMBERED.finditer(line):
        departement = geo.departements().get(match["code"].upper())
        if departement and name_key(line[: match.start()]).endswith(name_key(departement.nom)):
            found.append((f"DEP-{departement.code}", match.start()))
    return found


def departements_at(sentence: str) -> list[tuple[str, int]]:
    """(DEP code, position) of the départements a folded sentence names: « Nom (NN) », « départements 54, 55 et
    57 », or names after a preposition of place."""
    return numbered_departements(sentence) or listed_numbers(sentence) or named_departements(sentence)


def listed_numbers(sentence: str) -> list[tuple[str, int]]:
    """« sur les départements 54, 55, 57 et 88 »: bare numbers right after the word « départements »."""
    found = []
    for listing in _NUMBER_LIST.finditer(sentence):
        for number in _NUMBER.finditer(listing["numbers"]):
            departement = geo.departements().get(number[0].upper())
            if departement:
                found.append((f"DEP-{departement.code}", listing.start("numbers") + number.start()))
    return found


def named_departements(sentence: str) -> list[tuple[str, int]]:
    """(DEP code, position) of the départements a folded sentence names after a preposition of place, without
    their number (« implantés en Essonne, en Seine-Saint-Denis ou dans le Val-d'Oise »), and those that follow
    such a name in the same list (« dans l'Ain, la Savoie ou la Haute-Savoie », « du Cantal et de la Lozère »)."""
    found = _outermost(_matches(sentence, _named_patterns()))
    following = _outermost(_matches(sentence, _listed_patterns()))
    ends = {end for _, _, end in found}
    for code, start, end in sorted(following, key=lambda f: f[1]):
        if any(e < start and _LIST_LINK.fullmatch(sentence, e, start) for e in ends):
            found.append((code, start, end))
            ends.add(end)
    return sorted({(code, start) for code, start, _ in found}, key=lambda f: f[1])


def _matches(sentence: str, patterns: list[tuple[str, re.Pattern[str]]]) -> list[tuple[str, int, int]]:
    return [(f"DEP-{code}", match.start("name"), match.end("name"))
            for code, pattern in patterns for match in pattern.finditer(sentence)
            if not _PART_OF.search(sentence, 0, match.start())]


def _outermost(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """« Haute-Savoie » wins over the « Savoie » inside it."""
    return [f for f in found if not any(o[1] <= f[1] and f[2] <= o[2] and o != f for o in found)]


@cache
def _named_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(d.code, re.compile(rf"\b{_PLACE_PREPOSITION}(?P<name>{re.escape(fold(d.nom))})(?![\w-])(?! d[eu's])"))
            for d in geo.departements().values()]


@cache
def _listed_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(d.code, re.compile(rf"(?<![\w-])(?P<name>{re.escape(fold(d.nom))})(?![\w-])(?! d[eu's])"))
            for d in geo.departements().values()]


def name_key(text: str) -> str:
    """Letters and digits only, folded: how a département's name is compared."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def departements_in(sentence: str) -> list[str]:
    """DEP codes a folded sentence names, with their number or after a preposition of place."""
    return [code for code, _ in departements_at(sentence)]


@cache
def departement_by_name() -> dict[str, str]:
    """Name key → département code."""
    return {name_key(d.nom): d.code for d in geo.departements().values()}


def _within(code: str, coverage: list[str]) -> bool:
    return not coverage or any(c in coverage for c in geo.ancestors(code))


def _all_but(coverage: list[str], excluded: list[str]) -> tuple[list[str], list[str]]:
    """A region's other départements; a wider coverage keeps its codes and lists the exclusions; a région of
    several left out is dropped from them."""
    if any(code in coverage for code in excluded):
        kept = [c for c in coverage if c not in excluded]
        rest = [c for c in excluded if c not in coverage]
        return (_all_but(kept, rest) if rest else (kept, [])) if kept else (coverage, excluded)
    regions = [c for c in coverage if c.startswith("REG-")]
    if len(regions) == len(coverage) and regions:
        others = [f"DEP-{d.code}" for d in geo.departements().values()
                  if f"REG-{d.region}" in regions and f"DEP-{d.code}" not in excluded]
        return others, []
    return list(coverage), excluded
