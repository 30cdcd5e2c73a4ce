"""Company sizes named by a headcount: « moins de 250 salariés », « effectif inférieur à 50 », « jusqu'à 5 000
salariés », « de 10 à 249 salariés », « 250 salariés et plus ». Patterns match folded text (text.fold)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from models.vocab import Beneficiary as B

HEADCOUNT_CEILINGS = ((B.TPE, 9), (B.PME, 249), (B.ETI, 4999), (B.GE, 10**9))
"""Largest headcount of each size (EU thresholds: TPE < 10, PME < 250, ETI < 5 000), for « moins de 250 salariés »;
a band that reaches a size at its first headcount only (« jusqu'à 250 salariés ») does not admit that size."""

_PEOPLE = r"(?:salaries|personnes|employes|emplois|etp|collaborateurs)"
_N = r"\d{1,3}(?: ?\d{3})*"
_BOUNDS = {
    # A headcount threshold → the group its number fills: `low` (smallest headcount), `high` (largest),
    # `under` (largest + 1), `over` (smallest - 1).
    r"(?:moins de|inferieure? a|strictement inferieure? a)": "under",
    r"(?:inferieure? ou egale? a|jusqu'a|au plus|au maximum|maximum|(?:ne depass|n'exced)\w* pas)": "high",
    r"(?:plus de|superieure? a|strictement superieure? a)": "over",
    r"(?:au moins|d'au moins|a partir de|superieure? ou egale? a|minimum)": "low",
}
_RULES = [
    # Headcount phrases: a threshold then a number of people, or « effectif » … threshold … number.
    *(rf"\b{bound} (?P<{group}>{_N}) {_PEOPLE}" for bound, group in _BOUNDS.items()),
    *(rf"\beffectifs?\b[^.;:,]{{0,40}}?\b{bound} (?P<{group}>{_N})\b" for bound, group in _BOUNDS.items()),
    rf"\b(?:de|entre) (?P<low>{_N}) (?:a|et) (?P<high>{_N}) {_PEOPLE}",
    rf"\beffectifs?\b[^.;:,]{{0,40}}?\b(?:de|entre) (?P<low>{_N}) (?:a|et) (?P<high>{_N})\b",
    rf"\b(?P<low>{_N}) {_PEOPLE} (?:et|ou) plus\b",
    rf"\b(?P<high>{_N}) {_PEOPLE} (?:au plus|maximum|au maximum)\b",
]
_COMPILED = [re.compile(pattern) for pattern in _RULES]


@dataclass(frozen=True)
class Headcount:
    """A headcount phrase of a sentence."""

    start: int
    end: int
    sizes: tuple[B, ...]
    """Company sizes whose headcount band meets the phrase's band."""
    whole: tuple[B, ...] = ()
    """Company sizes whose whole band lies within the phrase's: what excluding the phrase removes (« les
    entreprises de moins de 50 salariés sont exclues » removes the TPE, not the PME of 50 to 249)."""


def headcounts_in(sentence: str) -> list[Headcount]:
    """Every headcount phrase of a folded sentence (overlapping ones included)."""
    return [Headcount(m.start(), m.end(), *_sizes(m)) for pattern in _COMPILED for m in pattern.finditer(sentence)]


def _sizes(match: re.Match[str]) -> tuple[tuple[B, ...], tuple[B, ...]]:
    """(sizes the band meets, sizes the band holds whole)."""
    groups = {k: int(v.replace(" ", "")) for k, v in match.groupdict().items() if v}
    low = groups.get("low", groups["over"] + 1 if "over" in groups else 0)
    high = groups.get("high", groups["under"] - 1 if "under" in groups else math.inf)
    floor = 0
    sizes, whole = [], []
    for size, ceiling in HEADCOUNT_CEILINGS:
        if low <= ceiling and (high > floor or floor == 0):
            sizes.append(size)
        if low <= floor and ceiling <= high:
            whole.append(size)
        floor = ceiling + 1
    return tuple(sizes), tuple(whole)
