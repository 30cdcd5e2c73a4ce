"""Parsers for one spreadsheet cell each (pure): a value, or a `CellError` with a French message.

A cell is what the reader found: a stripped string from a CSV, or whatever openpyxl gives
for an XLSX cell (str, int, float, date, datetime, bool); an empty cell is None.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from email_validator import EmailNotValidError, validate_email

from models import geo
from models.french import fold

Cell = str | int | float | date | datetime | bool | None
"""A cell value as read from CSV or XLSX."""

E = TypeVar("E", bound=StrEnum)

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_AMOUNT = re.compile(r"^(\d+|\d{1,3}(?: \d{3})+)(?:,(\d{1,2}))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class CellError(ValueError):
    """A cell's content is not acceptable; the message is French and names the bad value."""


def parse_text(cell: Cell) -> str | None:
    """Any cell as text: integral numbers without ".0", dates in ISO form; empty → None."""
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime) and cell.time() == datetime.min.time():
        cell = cell.date()
    text = cell.isoformat() if isinstance(cell, date) else str(cell).strip()
    return text or None


def parse_list(cell: Cell) -> list[str]:
    """A `|`-separated list, each item stripped, empties and repeats dropped."""
    text = parse_text(cell) or ""
    return list(dict.fromkeys(item.strip() for item in text.split("|") if item.strip()))


def parse_choice(cell: Cell, choices: type[E]) -> E | None:
    """A value of a vocabulary, tolerant of case, accents, spaces and hyphens ("Syndicat mixte")."""
    text = parse_text(cell)
    if text is None:
        return None
    key = re.sub(r"[\s\-]+", "_", fold(text))
    try:
        return choices(key)
    except ValueError:
        allowed = ", ".join(c.value for c in choices)
        raise CellError(f"valeur « {text} » inconnue (valeurs permises : {allowed})") from None


def parse_amount(cell: Cell) -> float | None:
    """Euros: 150000, "150 000", "150 000,50", "1 200 000 €", numeric XLSX cells; never negative."""
    if cell is None:
        return None
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        raise CellError(f"montant invalide « {cell} » (nombre d'euros attendu)")
    if isinstance(cell, (int, float)):
        return _non_negative(float(cell), str(cell))
    text = _SPACES.sub(" ", cell).strip().removesuffix("€").strip()
    negative = text.startswith("-")
    match = _AMOUNT.match(text.removeprefix("-").strip())
    if not match:
        raise CellError(
            f"montant invalide « {cell} » (attendu un nombre d'euros, ex. 150000, 150 000 ou 150 000,50 €)"
        )
    value = float(match.group(1).replace(" ", "") + "." + (match.group(2) or "0"))
    return _non_negative(-value if negative else value, cell)


def _non_negative(value: float, shown: str) -> float:
    if value < 0:
        raise CellError(f"montant négatif « {shown} » (un montant en euros est positif ou nul)")
    return value


def parse_month(cell: Cell) -> str | None:
    """A month as YYYY-MM; XLSX date cells give their month."""
    if cell is None:
        return None
    if isinstance(cell, (date, datetime)):
        return f"{cell.year:04d}-{cell.month:02d}"
    text = parse_text(cell) or ""
    match = _MONTH.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise CellError(f"mois invalide « {text} » (attendu AAAA-MM, ex. 2026-09)")
    return text


def parse_siren(cell: Cell) -> str | None:
    """A SIREN: 9 digits, spaces allowed in the input and removed."""
    text = parse_text(cell)
    if text is None:
        return None
    digits = _SPACES.sub("", text)
    if not re.fullmatch(r"\d{9}", digits):
        raise CellError(f"SIREN invalide « {text} » (9 chiffres attendus)")
    return digits


def parse_email(cell: Cell) -> str | None:
    """An email address (syntax only: no DNS lookup), normalised by email-validator."""
    text = parse_text(cell)
    if text is None:
        return None
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise CellError(f"adresse e-mail invalide « {text} » (attendu nom@domaine.fr)") from None


def parse_geo(cell: Cell) -> list[str]:
    """COG codes separated by `|`, each checked against the reference tables."""
    codes = [c.upper() for c in parse_list(cell)]
    problems = [p for p in (geo.check_code(c) for c in codes) if p]
    if problems:
        raise CellError("; ".join(problems))
    return codes


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens: "Vallée de l'Ariège" → "vallee-de-l-ariege"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
