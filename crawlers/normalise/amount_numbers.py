"""How a figure is written in French calls: « 1 500 000 », « 350.000 », « 1,5 », « 40 »."""

from __future__ import annotations

import re

NUMBER = r"(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?"
"""A number: its integer part (thousands grouped by a space, a dot or none) and its decimals, two groups."""


def number_of(integer: str, decimals: str | None) -> float:
    """The value of NUMBER's two groups."""
    digits = re.sub(r"[ .\u00a0\u202f]", "", integer)
    return float(f"{digits}.{decimals}" if decimals else digits)
