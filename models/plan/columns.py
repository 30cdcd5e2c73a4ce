"""The plan d'actions header: expected column names and header checks (pure)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

COLUMNS: tuple[str, ...] = (
    "territoire",
    "porteur_id",
    "porteur_nom",
    "porteur_type",
    "porteur_taille",
    "porteur_siren",
    "porteur_email",
    "porteur_geo",
    "fiche_id",
    "fiche_titre",
    "fiche_description",
    "axe",
    "partenaires",
    "budget_total",
    "besoin_financement",
    "debut",
    "fin",
    "indicateurs",
    "mots_cles",
)
"""Every column of the spreadsheet, in the documented order."""

REQUIRED: frozenset[str] = frozenset(
    {"territoire", "porteur_id", "porteur_nom", "porteur_type", "fiche_id", "fiche_titre"}
)
"""Columns whose cell may not be empty."""

PORTEUR_COLUMNS: tuple[str, ...] = tuple(
    c for c in COLUMNS if c == "territoire" or (c.startswith("porteur_") and c != "porteur_id")
)
"""Columns that describe the porteur and must agree on every row of the same porteur_id."""


@dataclass(frozen=True)
class HeaderCheck:
    """What the header says: where each known column is, and what is wrong with it."""

    positions: dict[str, int]
    """Known column name → index in the row."""
    problems: list[str]
    """French messages, without the file name."""


def check_header(header: list[str]) -> HeaderCheck:
    """Locate the expected columns; report missing, unknown, unnamed and repeated ones."""
    positions: dict[str, int] = {}
    problems: list[str] = []
    for index, name in enumerate(header):
        if not name:
            problems.append(f"colonne n° {index + 1} sans nom dans l'en-tête")
        elif name in positions:
            problems.append(f"colonne « {name} » présente deux fois dans l'en-tête")
        elif name in COLUMNS:
            positions[name] = index
        else:
            problems.append(_unknown_column(name))
    missing = [c for c in COLUMNS if c not in positions]
    if missing:
        problems.insert(0, f"colonne(s) manquante(s) : {', '.join(missing)}")
    return HeaderCheck(positions, problems)


def _unknown_column(name: str) -> str:
    """Message for a column Vigie does not know, suggesting the closest expected name."""
    lowered = {c.lower(): c for c in COLUMNS}
    close = difflib.get_close_matches(name.lower().replace(" ", "_"), lowered, n=1, cutoff=0.6)
    if close:
        return f"colonne inconnue « {name} » : vouliez-vous dire « {lowered[close[0]]} » ?"
    return f"colonne inconnue « {name} » (colonnes attendues : {', '.join(COLUMNS)})"
