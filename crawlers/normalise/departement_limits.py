"""The départements a call is limited to, when a sentence of its text says so.

A regional call is often open in part of its region only: « Sont éligibles les projets situés dans les
départements de l'Ariège (09), de l'Aude (11) et du Gers (32) », « Le dispositif est réservé aux territoires
de la Corrèze (19) et de la Creuse (23) », « … dans tous les départements de la région hors Savoie (73) et
Haute-Savoie (74) ». A sentence counts when it says where projects must be (a place cue) and names
départements with their own number, « Nom (NN) » (crawlers/spiders/departement_coverage.py reads them too), or
after a preposition of place (« implantés en Essonne ou dans le Val-d'Oise »); a département met in passing
(« un site du Tarn »), or a part of one (« dans le nord de l'Essonne »), gives nothing. A list of two départements
or more named as places says where the call applies with no cue (« les bâtiments de Gironde, des Landes et des
Pyrénées-Atlantiques »); a list may open on a bare « de » (« aux Départements de Seine-et-Marne, des Yvelines… »).
The départements named after « hors » / « sauf » are left out of the coverage. A wider coverage (a national call)
is narrowed to the régions a sentence with a place cue names (« situé en Hauts-de-France ou en Normandie »); a name
inside a longer one (the Loire of « Pays de la Loire ») is not a place of its own. Pure: folded sentences in, COG
codes out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from functools import cache

from crawlers.normalise import region_limits
from crawlers.normalise.region_limits import EXCLUDED_AFTER, regions_left_out
from crawlers.normalise.text import fold
from models import geo

PLACE_CUE = re.compile(
    r"\b(?:situee?s?|implantee?s?|localisee?s?|realisee?s?) (?:dans|sur|en|a)\b|\breservee?s? aux? (?:territoires?"
    r"|departements?|projets?|communes?|sites?)\b|(?<!^le )\b(?:territoires?|departements?) (?:de la |de l'|du |des |de )"
    r"|\b(?:uniquement|exclusivement|seul(?:e|s|es)?)\b.{0,40}\b(?:dans|en|sur)\b"
    r"|\blimitee? (?:au|aux|a la|a l')|\bperimetre\b|^(?:territoires?|zones? geographiques?|secteurs? geographiques?)\s*:|\bouverte?s? (?:dans|en|sur)\b|\bciblee?s? (?:sur|en)\b"
    r"|\bconcerne(?:nt)?\b|\b(?:sont|est) concernee?s?\b|\breservee?s? (?:exclusivement |uniquement )?aux?\b"
    r"|\b(?:etablie?s?|installee?s?|basee?s?|domiciliee?s?|immatriculee?s?|enregistree?s?) (?:dans|en|sur|a)\b"
    r"|\b(?:ayant|dispos\w+ d'|possed\w+) (?:un|une|leur|son|sa|ses|des)"
    r" (?:etablissements?|sieges?|sites?|implantations?)(?: \w+)? (?:dans|en|sur|a)\b"
    r"|\b(?:dont|leurs?|son|sa|ses) (?:le |la |les |l')?(?:etablissements?|sieges?|sites?|implantations?|ateliers?|usines?)"
    r"(?: de \w+| \w+)? (?:est|sont|se trouvent|se trouve) (?:situee?s? |implantee?s? )?(?:dans|en|sur|a)\b"
    r"|\bcouvr(?:e|ent)\b|\bne (?:sont|est|seront|sera) pas (?:concernee?s?|couverte?s?|eligibles?)\b"
    r"|\bs'appliquen?t? (?:a|au|aux|sur|dans|en)\b"
)
"""A sentence that says where a project or its applicant must be, or where the call does not apply (folded)."""
_RIVER = re.compile(r"\b(?:le long|vallee|bords?|rives?|estuaire|embouchure|fleuve|riviere|gorges)"
                    r"(?:\s+(?:de la|du|de l'|des|de|d'))?\s*$")
"""« le long de la Loire moyenne », « la vallée du Lot »: a river, not the département of its name."""
_EVERYWHERE_WORDS = (
    r"\bpartout en france\b|\bsur tout le territoire national\b|\bdans toute la france\b|\bfrance entiere\b"
    r"|^(?:offre|dispositif|aide|programme|appel a projets) nationale?\b(?! (?:de|d'|du|des)\b)"  # « Offre nationale. »
)
_EVERYWHERE = re.compile(_EVERYWHERE_WORDS)
"""Phrases that name the whole country as where the call applies, with no other cue needed."""
_OPEN = re.compile(r"\bouverte?s?\b|\beligibles?\b|\baccessibles?\b")
"""« Le concours est ouvert aux sites de toute la France »: with a whole-country phrase, the call's coverage."""
_PRIORITY = re.compile(
    r"\benveloppes? (?:complementaire|specifique|dediee|reservee|supplementaire)|\battention particuliere\b|\bpriorit"
    r"|\bbonifi|\bmajor(?:e|ation)|\bbonus\b"
)
"""« Une enveloppe complémentaire est réservée aux projets situés dans les Hauts-de-France », « une attention
particulière sera portée aux projets situés dans le Cantal »: a preference within the coverage, not a limit."""
NUMBERED = re.compile(r"\((?P<code>2[ab]|97\d|\d{2})\)")
"""A département number in brackets, after its name: « Gers (32) »."""
_PLACE_PREPOSITION = (
    r"(?:en|dans (?:le |la |les |l')|sur (?:le |la |les |l')|du |de la |de l'|des |au |aux |a la |a l'|a |(?:hors|sauf) (?:le |la |les |l')?"
    r"|(?<=: )(?:le |la |les |l')?|(?<=exception )(?:de |d')|(?<=exclusion )(?:de |d')"
    r"|(?<=\bconcerne )(?:le |la |les |l')|(?<=\bconcernent )(?:le |la |les |l')"
    r"|(?<=\bcouvre )(?:le |la |les |l')|(?<=\bcouvrent )(?:le |la |les |l'))\s*"
)
_LEAD = r"(?:\bde |\bd')"
"""« de Seine-et-Marne », « d'Indre-et-Loire »: a place only after « départements » or at the head of a list."""
_AFTER_DEPARTEMENTS = re.compile(r"\b(?:departements?|territoires?) $")
_PART_OF = re.compile(r"(?:(?:\bl'|\ble |\bla |\bdu |\bau )(?:nord|sud|est|ouest|centre)(?:-\w+)?|\bpartie|\bmoitie|\breste"
                      r"|\bfrontiere|\bla limite)\s*$")
"""« dans le nord de l'Essonne »: a part of a département is no limit the coverage can say."""
_NUMBER = re.compile(r"2[ab]|97\d|\d{2}")
_NUMBER_LIST = re.compile(
    r"\bdepartements?\s+(?:n[°o]s?\s*)?(?P<numbers>(?:2[ab]|97\d|\d{2})(?:\s*(?:,|et|ou)\s*(?:2[ab]|97\d|\d{2}))*)(?![\d%])"
)
_LIST_LINK = re.compile(
    r"(?:\s*\([^()]{1,40}\))?(?:\s*,\s*|\s+(?:et|ou)\s+)(?:(?:en|dans|a|sur)\s+)?"
    r"(?:le |la |les |l'|du |des |de la |de l'|de )?\s*"
)
"""What joins two départements of one list: « , la », « ou la », « et de la », « et le », « ou à »."""
_LIST_GOES_ON = re.compile(r"\s+(?:et|ou)\s+(?:le |la |les |l'|du |des |de la |de l'|de |en |dans )?\s*\w")
"""After the last département of a list: one more item, which is no département."""
_SEGMENT_END = re.compile(r"[;:]")
_WHOLE_COUNTRY = re.compile(
    rf"\ben france\b|\btoute la france\b|\b(?:tout|ensemble) (?:le|du) territoire|\bterritoire national\b|{_EVERYWHERE_WORDS}"
)
"""« implantées en France, y compris en Corse »: the régions such a sentence names are examples, not limits."""
_WHOLE_COVERAGE = re.compile(
    r"\b(?:departements|regions|collectivites) (?:et (?:les )?(?:regions|departements) )?d'outre-mer\b"
    r"|\btous les departements\b|\bl'ensemble (?:des departements|du territoire|de la region)\b"
)
"""« les départements et les régions d'outre-mer, …, et le Département de Mayotte »: a sentence that names the
whole coverage names its départements as examples or as applicants, not as limits."""
LEAVING_OUT = re.compile(region_limits.LEAVING_OUT)
_NAMED_BODY = re.compile(r"\s*le departement (?:de la |de l'|du |des |de )")
"""« Le Département de l'Yonne aide les communes… » opening a sentence: a body, not a place, save for a call whose
coverage is unknown (then the Département that speaks is where it applies); « Le département du Nord participe au
suivi technique » says nothing of a regional call's coverage."""
_OPENS_LEAVING_OUT = re.compile(r"\W*" + region_limits.LEAVING_OUT + r"\w*\s*(?:le |la |les |l'|du |de la |de l'|des |de |d')?")
"""A sentence that opens on « Hors » (« Hors Moselle, couverte par un programme départemental. »): it says where the
call does not apply, with no other place cue."""


def limited_coverage(sentences: Iterable[str], coverage: list[str]) -> tuple[list[str], list[str]] | None:
    """(codes, exclusions) of the call once its text's limits apply to `coverage`; None when no sentence
    limits it. Named départements outside the coverage are ignored (a sentence about another place). With no
    coverage at all, a sentence that opens the call to the whole country gives it (« ouvert sur tout le territoire
    national, à l'exception de Mayotte »)."""
    sentences = [s for s in sentences if not _PRIORITY.search(s)]
    if not coverage and any(_EVERYWHERE.search(s) or (PLACE_CUE.search(s) or _OPEN.search(s)) and _WHOLE_COUNTRY.search(s)
                            for s in sentences):
        coverage = [geo.FRANCE]
        return limited_coverage(sentences, coverage) or (coverage, [])
    kept: dict[str, None] = {}
    left_out: dict[str, None] = {}
    regions: dict[str, None] = {}
    for sentence in sentences:
        left_out.update(dict.fromkeys(r for r in regions_left_out(sentence) if geo.FRANCE in coverage or r in coverage))
        cue = PLACE_CUE.search(sentence) or (not coverage and _NAMED_BODY.match(sentence))
        for code, start in departements_at(sentence) if cue else _listed_or_left_out(sentence):
            leaving = _leaving(sentence, start)
            if _within(code, coverage) and (leaving or not _WHOLE_COVERAGE.search(sentence)):
                (left_out if leaving else kept)[code] = None
        if cue and not _WHOLE_COUNTRY.search(sentence) and not _WHOLE_COVERAGE.search(sentence):
            regions.update(dict.fromkeys(c for c, start in named_regions(sentence)
                                         if _narrows(c, coverage) and not _leaving(sentence, start)))
    regions = {r: None for r in regions if r not in left_out}  # a région the text leaves out is no limit
    if kept:
        return [*kept, *(r for r in regions if not any(geo.ancestors(k)[1] == r for k in kept))], []
    if regions:
        return _all_but(list(regions), list(left_out)) if left_out else (list(regions), [])
    if left_out:
        return _all_but(coverage, list(left_out))
    return None


def _listed_or_left_out(sentence: str) -> list[tuple[str, int]]:
    """Without a place cue: a list of départements (`listed_together`), those of a sentence that opens on « Hors »,
    and the départements the rest of their clause leaves out (« Les communes des Pyrénées-Atlantiques relèvent d'un
    autre opérateur et sont exclues »)."""
    found = listed_together(sentence)
    found += [(code, start) for code, start in _opening_left_out(sentence) if (code, start) not in found]
    if EXCLUDED_AFTER.search(sentence):
        found += [(code, start) for code, start in departements_at(sentence)
                  if _excluded_after(sentence, start) and (code, start) not in found]
    return found


def _opening_left_out(sentence: str) -> list[tuple[str, int]]:
    """The list of départements right after a « Hors » that opens the sentence (not « Hors taxes, … en Moselle »)."""
    opening = _OPENS_LEAVING_OUT.match(sentence)
    chain: list[tuple[str, int, int]] = []
    for code, start, end in _named(sentence, "DEP") if opening else []:
        if start == opening.end() if not chain else _LIST_LINK.fullmatch(sentence, chain[-1][2], start):
            chain.append((code, start, end))
    return [(code, start) for code, start, _ in chain]


def _narrows(region: str, coverage: list[str]) -> bool:
    """A région named in a wider coverage (the country, several régions) narrows it; the coverage's own does not."""
    return coverage != [region] and _within(region, coverage)


def _leaving(sentence: str, start: int) -> bool:
    return bool(LEAVING_OUT.search(sentence, 0, start)) or _excluded_after(sentence, start)


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
    such a name in the same list (« dans l'Ain, la Savoie ou la Haute-Savoie », « du Cantal et de la Lozère »,
    « aux Départements de Seine-et-Marne, des Yvelines et de l'Essonne »)."""
    return [(code, start) for code, start, _ in _named(sentence, "DEP")]


def named_regions(sentence: str) -> list[tuple[str, int]]:
    """(REG code, position) of the régions a folded sentence names as places, the way `named_departements`
    reads départements (« situé en Hauts-de-France ou en Normandie »)."""
    return [(code, start) for code, start, _ in _named(sentence, "REG")]


def listed_together(sentence: str) -> list[tuple[str, int]]:
    """(DEP code, position) of two départements or more named as places in one list (« les bâtiments de Gironde,
    des Landes et des Pyrénées-Atlantiques »): such a list says where the call applies, cue or not; not a list that
    goes on with places of other kinds (« dans l'Aude, le Tarn et les Cévennes »)."""
    chains: list[list[tuple[str, int, int]]] = []
    for code, start, end in _named(sentence, "DEP"):
        if chains and _LIST_LINK.fullmatch(sentence, chains[-1][-1][2], start):
            chains[-1].append((code, start, end))
        else:
            chains.append([(code, start, end)])
    return [(code, start) for chain in chains if len(chain) > 1 and not _LIST_GOES_ON.match(sentence, chain[-1][2])
            for code, start, _ in chain]


def _named(sentence: str, kind: str) -> list[tuple[str, int, int]]:
    """(code, start, end) of the places of one kind named after a preposition, their list's other items and the
    head of such a list written after a bare « de » (« de Gironde, des Landes »), in reading order."""
    if not _any_name(kind).search(sentence):
        return []
    inside = _within_longer_names(sentence, kind)
    found = _outermost(_matches(sentence, _named_patterns(kind)))
    following = _outermost(_matches(sentence, _listed_patterns(kind)))
    found = _followed(sentence, found, following)
    found += _list_heads(sentence, _outermost(_matches(sentence, _lead_patterns(kind))), found)
    found = _followed(sentence, found, following)
    return sorted({f for f in found if not inside(f) and not _RIVER.search(sentence, 0, f[1])}, key=lambda f: f[1])


def _followed(sentence: str, found: list[tuple[str, int, int]],
              following: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """`found` and the names that follow one of them in the same list."""
    found, ends = list(found), {end for _, _, end in found}
    for code, start, end in sorted(following, key=lambda f: f[1]):
        linked = any(e < start and _LIST_LINK.fullmatch(sentence, e, start) for e in ends)
        if linked and (code, start, end) not in found:
            found.append((code, start, end))
            ends.add(end)
    return found


def _within_longer_names(sentence: str, kind: str) -> Callable[[tuple[str, int, int]], bool]:
    """Whether a name lies inside a longer name of the other kind: the Loire of « Pays de la Loire »."""
    other = _matches(sentence, _listed_patterns("REG" if kind == "DEP" else "DEP"))
    return lambda f: any(s <= f[1] and f[2] <= e and e - s > f[2] - f[1] for _, s, e in other)


def _list_heads(sentence: str, leads: list[tuple[str, int, int]],
                found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The names after a bare « de » that head a list of places, or follow « départements » / « territoires »."""
    heads = []
    for code, start, end in leads:
        if any(f[1] < end and start < f[2] for f in found):
            continue
        prefix = sentence[:start].removesuffix("de ").removesuffix("d'")
        if _AFTER_DEPARTEMENTS.search(prefix) or any(f[1] > end and _LIST_LINK.fullmatch(sentence, end, f[1])
                                                     for f in found):
            heads.append((code, start, end))
    return heads


def _matches(sentence: str, patterns: list[tuple[str, re.Pattern[str]]]) -> list[tuple[str, int, int]]:
    return [(code, match.start("name"), match.end("name"))
            for code, pattern in patterns for match in pattern.finditer(sentence)
            if not _PART_OF.search(sentence, 0, match.start())]


def _outermost(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """« Haute-Savoie » wins over the « Savoie » inside it."""
    return [f for f in found if not any(o[1] <= f[1] and f[2] <= o[2] and o != f for o in found)]


@cache
def _places(kind: str) -> list[tuple[str, str]]:
    """(code, folded name) of every département (DEP) or région (REG)."""
    if kind == "REG":
        return [(f"REG-{code}", re.escape(fold(name))) for code, name in geo.regions().items()]
    return [(f"DEP-{d.code}", re.escape(fold(d.nom))) for d in geo.departements().values()]


@cache
def _any_name(kind: str) -> re.Pattern[str]:
    """Any name of that kind: a sentence without one names no place of it (read first, as it is quick)."""
    names = "|".join(sorted((name for _, name in _places(kind)), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")


@cache
def _named_patterns(kind: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(code, re.compile(rf"\b{_PLACE_PREPOSITION}(?P<name>{name})(?![\w-])(?! d[eu's])"))
            for code, name in _places(kind)]


@cache
def _listed_patterns(kind: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(code, re.compile(rf"(?<![\w-])(?P<name>{name})(?![\w-])(?! d[eu's])")) for code, name in _places(kind)]


@cache
def _lead_patterns(kind: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(code, re.compile(rf"{_LEAD}(?P<name>{name})(?![\w-])(?! d[eu's])")) for code, name in _places(kind)]


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
