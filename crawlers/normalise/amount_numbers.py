"""How a figure is written in French calls: « 1 500 000 », « 350.000 », « 1,5 », « 40 »; the EU portal's
English « EUR 2 500 000 » and « EUR 2.5 million » are read as « 2 500 000 € » and « 2,5 millions d'euros »."""

from __future__ import annotations

import re

NUMBER = r"(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?"
"""A number: its integer part (thousands grouped by a space, a dot or none) and its decimals, two groups."""


def number_of(integer: str, decimals: str | None) -> float:
    """The value of NUMBER's two groups."""
    digits = re.sub(r"[ .\u00a0\u202f]", "", integer)
    return float(f"{digits}.{decimals}" if decimals else digits)


_EUR_MILLIONS = re.compile(r"\bEUR\s*(\d+)(?:\.(\d+))?\s*(?:million|mio|m)\b", re.IGNORECASE)
_EUR = re.compile(r"\bEUR\s*(\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+|\d+)(?!\d|[.,]\d)")


def as_french_money(text: str) -> str:
    """`text` with the English « EUR » figures written the French way, so that one reading serves both."""
    text = _EUR_MILLIONS.sub(lambda m: f"{m[1]}{',' + m[2] if m[2] else ''} millions d'euros", text)
    return _EUR.sub(lambda m: f"{m[1].replace(',', ' ')} €", text)
