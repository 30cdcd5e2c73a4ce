"""Amounts and aid rates in free French text ("montant maximum de 350.000€", "70% maximum").

Deliberately simple regexes: a cue word ("jusqu'à", "plafonnée à", "montant maximum") then a
number with a unit. A text that names several ceilings keeps the largest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?"
_UNIT = r"\s*(millions? d['’]euros|millions? €|md€|m€|meur|k€|keur|€|euros?)"
_GAP = r"[^\d.;:%€]{0,40}?"
_MAX_CUES = (
    r"montant (?:maximum|maximal|plafond)|plafonn[ée]+s? à|plafond de|plafond|jusqu['’]à|dans la limite de"
    r"|maximum de|au maximum|au plus|peut atteindre|pouvant atteindre"
    r"|n['’]exc[ée]dant pas|limit[ée]+s? à|ne peut d[ée]passer"
)
_MIN_CUES = r"montant (?:minimum|minimal|plancher)|minimum de|au moins|plancher de|[àa] partir de"
_RATE_CUES = (
    r"jusqu['’]à|à hauteur de|hauteur maximale de|taux(?: d['’]aide| d['’]intervention)?(?: maximum| maximal)?"
    r"|plafonn[ée]+s? à|maximum de|au maximum|dans la limite de|peut atteindre|pouvant atteindre"
)
_AMOUNT_MAX = re.compile(rf"(?:{_MAX_CUES}){_GAP}{_NUMBER}{_UNIT}", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(rf"{_NUMBER}{_UNIT}\s*(?:maximum|max\b|au maximum|au plus)", re.IGNORECASE)
_AMOUNT_MIN = re.compile(rf"(?:{_MIN_CUES}){_GAP}{_NUMBER}{_UNIT}", re.IGNORECASE)
_RATE_BEFORE = re.compile(rf"(?:{_RATE_CUES}){_GAP}{_NUMBER}\s*%", re.IGNORECASE)
_RATE_AFTER = re.compile(rf"{_NUMBER}\s*%\s*(?:maximum|max\b|au maximum|au plus)", re.IGNORECASE)
# "de 50 k€ à 2 M€", "entre 50 000 et 200 000 €" (a unit written once counts for both ends), "de 30 % à 60 %".
_AMOUNT_RANGE = re.compile(
    rf"(?:\bde|\bentre)\s+{_NUMBER}(?:{_UNIT})?\s*(?:à|a|et)\s+{_NUMBER}{_UNIT}", re.IGNORECASE
)
_RATE_RANGE = re.compile(rf"(?:taux|aide|subvention|financ\w*|intervention|hauteur)[^.;%\d]{{0,40}}?(?:\bde|\bentre)\s+{_NUMBER}\s*%?\s*(?:à|a|et)\s+{_NUMBER}\s*%", re.IGNORECASE)
_MULTIPLIERS = {"k€": 1e3, "keur": 1e3, "m€": 1e6, "meur": 1e6, "md€": 1e9}


@dataclass(frozen=True)
class Amounts:
    """What a text says about money."""

    amount_min: float | None = None
    """Euros."""
    amount_max: float | None = None
    """Euros."""
    rate_max: float | None = None
    """Percent of eligible costs."""


def extract_amounts(text: str) -> Amounts:
    """The floor, ceiling and maximum rate named in `text` (None for what it does not say)."""
    maxima = [_euros(m) for regex in (_AMOUNT_MAX, _AMOUNT_AFTER) for m in regex.finditer(text)]
    minima = [_euros(m) for m in _AMOUNT_MIN.finditer(text)]
    for low, high in _ranges(text):
        minima.append(low)
        maxima.append(high)
    rates = [_number(m[1], m[2]) for regex in (_RATE_BEFORE, _RATE_AFTER) for m in regex.finditer(text)]
    rates += [_number(m[3], m[4]) for m in _RATE_RANGE.finditer(text)]
    rates = [r for r in rates if 0 < r <= 100]
    return Amounts(
        amount_min=min(minima) if minima else None,
        amount_max=max(maxima) if maxima else None,
        rate_max=max(rates) if rates else None,
    )


def _ranges(text: str) -> list[tuple[float, float]]:
    """(floor, ceiling) of every "de X à Y €" in euros; the lone unit of "de 50 à 200 k€" counts twice."""
    found = []
    for m in _AMOUNT_RANGE.finditer(text):
        high = _number(m[4], m[5]) * _multiplier(m[6])
        low = _number(m[1], m[2]) * _multiplier(m[3] or m[6])
        if low <= high:
            found.append((low, high))
    return found


def _euros(match: re.Match[str]) -> float:
    return _number(match[1], match[2]) * _multiplier(match[3])


def _multiplier(unit_text: str) -> float:
    unit = unit_text.lower().replace(" ", "")
    return 1e6 if unit.startswith("million") else _MULTIPLIERS.get(unit, 1.0)


def _number(integer: str, decimals: str | None) -> float:
    digits = re.sub(r"[ .\u00a0\u202f]", "", integer)
    return float(f"{digits}.{decimals}" if decimals else digits)
