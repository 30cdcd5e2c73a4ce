"""The days a French text writes, and the year each one stands for.

A day is `DD/MM/YYYY` or French ("1er décembre 2025", "16 nov. 2026", "9 septembre"). A day written
without its year takes, in this order:

1. the year stated for its group earlier in the same clause ("Relèves en 2027 : 10 février /
   13 avril", "Calendrier 2027", "au titre de 2027", "pour l'année 2027", "• 2027 : …"); the next
   days of the list keep their order ("2026 : 15 novembre, 15 janvier": January 2027). A day
   written with its year ends the statement's reach;
2. else the year of the next day of its list written with a year, one less when its month comes
   later ("15 novembre, 15 janvier et 15 mars 2027": November 2026);
3. else the first year that puts it after the previous day of its list, or after the opening when
   one is known ("Ouverture le 1er octobre 2026. Relèves : 10 février": February 2027).
   A year found by rule 2 gives way to this one when it would date the day before either;
4. else its year is unknown and the day is left out: no year is borrowed from another sentence.

A list is a run of days in one sentence, each close to the previous one.
A month table is enough for these forms, so no dateparser here (it is slow to load and to call).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from crawlers.normalise.text import fold

_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}
_SHORT = ("janv", "jan", "fevr", "fev", "avr", "juil", "sept", "sep", "oct", "nov", "dec")
_FULL = "|".join(sorted((m for m in _MONTHS if m not in _SHORT), key=len, reverse=True))
_ABBREVIATED = "|".join(_SHORT)
# Only an abbreviation takes a dot: "15 juin. Résultats…" ends a sentence, "16 nov. 2026" does not.
_DAY = re.compile(
    rf"(?<![\d/.-])(?:(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}})(?![\d/])"
    rf"|(\d{{1,2}})(?:er|ere|eme)?\s+((?:{_FULL})\b|(?:{_ABBREVIATED})\b\.?)(?:\s+(\d{{4}})\b)?)"
)
_MONTH_ONLY = re.compile(rf"\b(?:fin|en|courant|d'ici fin|jusqu'a fin)\s+(?:(?:de |du mois de |d')\s*)?(?P<month>{_FULL})\s+(?P<year>20\d\d)\b")
"""A month and its year with no day, after « fin » / « en »: the month's last day."""
# Folded text: "en 2027", "Calendrier 2027", "au titre de l'annee 2027", or a year heading a list ("• 2027 :").
# "jusqu'en 2030", "France 2030 :" and "2021-2027 :" state no group's year.
_STATED_YEAR = re.compile(
    r"\b(?:(?<!')en|pour|annee|calendrier|previsionnel|titre de|campagnes?|appels?|edition|millesime"
    r"|(?:sessions?|releves?|vagues?|echeances?|dates?(?: limites?)?)(?: (?:de|des) (?:depots?|candidatures?|dossiers?))?)"
    r"\s+(?:(?:de )?l'annee\s+)?(?P<a>20\d\d)\b"
    r"|(?:^|[•*:;,(]|[–—-]\s)\s*(?P<b>20\d\d)\s*:"
)
_SENTENCE_END = re.compile(r"(?<!\.)[.!?](?=\s|$)")
"""A full stop ("…" is no sentence end: "13 avril … 15 juin" is one list)."""
_CLAUSE_END = re.compile(rf";|{_SENTENCE_END.pattern}")
"""Where a stated year stops ("projets réalisés en 2028 ; relèves : 15 mars" states none for the relèves)."""
LIST_REACH = 90
"""Characters allowed between two days of one list."""


@dataclass(frozen=True)
class Token:
    """One day written in a folded text."""

    start: int
    """Where the day starts in the folded text."""
    end: int
    """Where it ends."""
    day: int
    month: int
    year: int | None
    """None while the text leaves it out."""


def prepare(text: str) -> str:
    """The text folded (lower case, no accents), every run of spaces (non-breaking too) made one space."""
    return fold(re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text or ""))


def day_tokens(folded: str) -> list[Token]:
    """Every day written in a folded text, in reading order, years as written; a month written with its year
    and no day (« avant fin mars 2027 », « au plus tard en avril 2027 ») stands for its last day."""
    tokens = []
    for m in _DAY.finditer(folded):
        if m[1]:
            tokens.append(Token(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3])))
        else:
            month = _MONTHS[m[5].rstrip(".")]
            tokens.append(Token(m.start(), m.end(), int(m[4]), month, int(m[6]) if m[6] else None))
    taken = [(t.start, t.end) for t in tokens]
    for m in _MONTH_ONLY.finditer(folded):
        if not any(start < m.end() and m.start() < end for start, end in taken):
            month, year = _MONTHS[m["month"]], int(m["year"])
            tokens.append(Token(m.start("month"), m.end(), calendar.monthrange(year, month)[1], month, year))
    return sorted(tokens, key=lambda t: t.start)


def as_date(token: Token) -> date | None:
    """The day as a date; None for an impossible one (31/02) or an unknown year."""
    try:
        return date(token.year or 0, token.month, token.day)
    except ValueError:
        return None


def with_years(folded: str, tokens: list[Token], opened: date | None = None) -> list[Token]:
    """The tokens with their year written or inferred (rules above); those without one are left out."""
    statements = _stated_years(folded, tokens)
    found: list[Token] = []
    for run in _lists(folded, tokens):
        previous: date | None = None
        for i, token in enumerate(run):
            year = token.year or _inferred_year(
                token, run[i + 1:], previous, opened, _stated_year(folded, token, statements, tokens)
            )
            if year is not None:
                found.append(replace(token, year=year))
                previous = as_date(found[-1]) or previous
    return found


def _inferred_year(
    token: Token, later: list[Token], previous: date | None, opened: date | None, stated: int | None,
) -> int | None:
    if stated is not None:
        return _first_year_after(token, max(d for d in (previous, date(stated, 1, 1)) if d))
    floor = max((d for d in (previous, opened) if d), default=None)
    written = next((t for t in later if t.year), None)
    if written is not None and written.year is not None:
        year = written.year - ((token.month, token.day) > (written.month, written.day))
        if floor is None or (year, token.month, token.day) >= (floor.year, floor.month, floor.day):
            return year
    return _first_year_after(token, floor) if floor else None


def _first_year_after(token: Token, floor: date) -> int:
    return floor.year + ((token.month, token.day) < (floor.month, floor.day))


def _lists(folded: str, tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    for token in tokens:
        gap = folded[runs[-1][-1].end:token.start] if runs else ""
        if runs and len(gap) <= LIST_REACH and not _SENTENCE_END.search(gap):
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _stated_years(folded: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """(end, year) of each group year the text states, outside the days it writes."""
    inside = [(t.start, t.end) for t in tokens]
    statements = []
    for m in _STATED_YEAR.finditer(folded):
        group = "a" if m["a"] else "b"
        if not any(start <= m.start(group) < end for start, end in inside):
            statements.append((m.end(group), int(m[group])))
    return statements


def _stated_year(folded: str, token: Token, statements: list[tuple[int, int]], tokens: list[Token]) -> int | None:
    before = [s for s in statements if s[0] <= token.start]
    if not before:
        return None
    end, year = before[-1]
    ended = _CLAUSE_END.search(folded, end, token.start) or any(
        t.year and end <= t.start < token.start for t in tokens
    )
    return None if ended else year
