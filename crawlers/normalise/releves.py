"""Every relève / wave / deadline date named in a call's text (France 2030 cahiers des charges…).

A cue ("relèves", "vague", "session", "date limite", "clôture", "jusqu'au", "au plus tard"…) is
followed by one date, or by a list of dates for the plural cues ("aux dates de relèves suivantes :
• 9 novembre 2022 à 12h00 (midi) • 8 mars 2023 …"). Dates are `DD/MM/YYYY` or French
("1er décembre 2025", "16 nov. 2026, 13:00:00 UTC+1", "14 janvier, 15 avril et 9 septembre 2026":
a date without a year takes the year of the next dated one). Times ("à 12h", "midi") are ignored:
a deadline is a Paris day. Accents may be missing, spaces may be non-breaking.
A month table is enough for these forms, so no dateparser here (it is slow to load and to call).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from crawlers.normalise.text import fold

_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_TOKEN = re.compile(
    rf"(?<![\d/.-])(?:(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}})(?![\d/])"
    rf"|(\d{{1,2}})(?:er|ere|eme)?\s+({_MONTH_NAMES})\b\.?(?:\s+(\d{{4}})\b)?)"
)
# Folded text: no accents, lower case. Plural cues introduce a list of dates.
_LIST_CUES = r"releves?|vagues?|sessions?(?! d.information)|dates? (?:de depot|suivantes)|calendrier|echeances?"
_ONE_CUES = (
    r"date limite|date de (?:fin|cloture)|clotures?|jusqu'au|au plus tard|fin de (?:depot|publication)"
    r"|depot des (?:dossiers|candidatures|projets)|deadline"
)
_CUE = re.compile(rf"\b(?:(?P<many>{_LIST_CUES})|(?P<one>{_ONE_CUES}))\b")
_FIRST_REACH = 160
"""Characters allowed between a cue and its first date."""
_NEXT_REACH = 90
"""Characters allowed between two dates of one list."""
_SENTENCE_END = re.compile(r"[.;!?]\s+[a-z]{3,}\s[a-z]")
_RANGE_START = re.compile(r"\bdu\s*$")
_NOT_DEADLINE = re.compile(r"ouverture|ouvert(?:e|s)? (?:le|du|a partir)|lancement|a partir d|webinaire|reunion|information")
"""Words that make the next date an opening or an event, not a deadline ("calendrier : ouverture le …")."""


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    day: int
    month: int
    year: int | None


def find_releves(text: str) -> list[date]:
    """Every deadline the text names after a cue, sorted, without duplicates."""
    folded = _prepare(text)
    tokens = _with_years(_tokens(folded))
    found: set[date] = set()
    for cue in _CUE.finditer(folded):
        found.update(_dates_after(folded, cue, tokens))
    return sorted(found)


def dates_in(text: str) -> list[date]:
    """Every date in the text, in reading order (yearless ones take the next year written)."""
    return [d for d in (_as_date(t) for t in _with_years(_tokens(_prepare(text)))) if d]


def date_range(text: str) -> tuple[date | None, date | None]:
    """(start, end) of "17/04/2025 au 02/06/2026" or "du 17 janvier 2022 au 09 septembre 2025"."""
    found = dates_in(text)
    if not found:
        return None, None
    return (found[0], found[1]) if len(found) > 1 else (found[0], None)


def _prepare(text: str) -> str:
    return fold(re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text or ""))


def _tokens(folded: str) -> list[_Token]:
    tokens = []
    for m in _DAY_TOKEN.finditer(folded):
        if m[1]:
            tokens.append(_Token(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3])))
        else:
            year = int(m[6]) if m[6] else None
            tokens.append(_Token(m.start(), m.end(), int(m[4]), _MONTHS[m[5]], year))
    return tokens


def _with_years(tokens: list[_Token]) -> list[_Token]:
    """A yearless date takes the year of the next dated token (else of the previous one)."""
    filled: list[_Token] = []
    for i, token in enumerate(tokens):
        year = token.year
        if year is None:
            later = next((t for t in tokens[i + 1:] if t.year), None)
            earlier = next((t for t in reversed(filled) if t.year), None)
            if later is not None:  # "15 novembre et 15 janvier 2027": November of 2026
                year = later.year - (token.month > later.month) if later.year else None
            elif earlier is not None:
                year = earlier.year
        if year is not None:
            filled.append(_Token(token.start, token.end, token.day, token.month, year))
    return filled


def _dates_after(folded: str, cue: re.Match[str], tokens: list[_Token]) -> list[date]:
    position, dates = cue.end(), []
    reach = _FIRST_REACH
    for token in (t for t in tokens if t.start >= cue.end()):
        gap = folded[position:token.start]
        if len(gap) > reach or _SENTENCE_END.search(gap):
            break
        if _NOT_DEADLINE.search(gap):
            position = token.end
            continue
        if _RANGE_START.search(folded[:token.start]) and not cue["many"]:
            position = token.end  # "du 1er mars au 30 avril": the deadline is the end of the range
            continue
        day = _as_date(token)
        if day:
            dates.append(day)
        if not cue["many"]:
            break
        position, reach = token.end, _NEXT_REACH
    return dates


def _as_date(token: _Token) -> date | None:
    try:
        return date(token.year or 0, token.month, token.day)
    except ValueError:
        return None
