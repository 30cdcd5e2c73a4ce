"""Rows of a plan d'actions → a validated PlanData, collecting every problem (pure, no I/O).

Each cell is parsed on its own (cells.py), then checks that span cells: taille only for
companies, fin not before debut, unique fiche_id, one porteur described the same on each row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from models.plan import cells
from models.plan.cells import Cell, CellError
from models.plan.columns import COLUMNS, REQUIRED, check_header
from models.plan.porteurs import TerritoryResolver, build_records, check_porteurs
from models.plan.problems import Problems
from models.plan.reader import RawRow, Table
from models.records import PlanData
from models.vocab import Axe, PorteurType, Taille

PARSERS: dict[str, Callable[[Cell], Any]] = {
    "territoire": cells.parse_text,
    "porteur_id": cells.parse_text,
    "porteur_nom": cells.parse_text,
    "porteur_type": lambda cell: cells.parse_choice(cell, PorteurType),
    "porteur_taille": lambda cell: cells.parse_choice(cell, Taille),
    "porteur_siren": cells.parse_siren,
    "porteur_email": cells.parse_email,
    "porteur_geo": cells.parse_geo,
    "fiche_id": cells.parse_text,
    "fiche_titre": cells.parse_text,
    "fiche_description": cells.parse_text,
    "axe": lambda cell: cells.parse_choice(cell, Axe),
    "partenaires": cells.parse_list,
    "budget_total": cells.parse_amount,
    "besoin_financement": cells.parse_amount,
    "debut": cells.parse_month,
    "fin": cells.parse_month,
    "indicateurs": cells.parse_text,
    "mots_cles": cells.parse_list,
}
"""One parser per column; each returns the value or raises CellError."""


@dataclass
class ParsedRow:
    """A data row whose cells have been parsed."""

    line: int
    values: dict[str, Any] = field(default_factory=dict)
    """Column → parsed value, for the cells that parsed."""
    bad: set[str] = field(default_factory=set)
    """Columns whose cell was reported as a problem."""

    def get(self, column: str) -> Any:
        """The parsed value, or None when the cell is absent or bad."""
        return self.values.get(column)


def build_plan(
    table: Table, file_name: str, known_territories: Mapping[str, str] | None = None,
    declared_in: str = "settings.toml",
) -> tuple[PlanData | None, list[str]]:
    """Validate a whole table: (plan, []) when every cell is fine, else (None, every problem).

    `known_territories` (None: any territory) and `declared_in`: see TerritoryResolver."""
    problems = Problems(file_name)
    if not table.header:
        problems.file("fichier vide : aucune ligne de données (en-tête attendu : " + ", ".join(COLUMNS) + ")")
        return None, problems.lines
    header = check_header(table.header)
    for message in header.problems:
        problems.file(message)
    if not table.rows:
        problems.file("aucune ligne de données sous l'en-tête")
        return None, problems.lines
    rows = [parse_row(row, header.positions, len(table.header), problems) for row in table.rows]
    check_unique_fiches(rows, problems)
    territories = TerritoryResolver(known_territories, declared_in)
    check_porteurs(rows, territories, problems)
    if problems:
        return None, problems.lines
    return build_records(rows, territories, problems), problems.lines


def parse_row(row: RawRow, positions: Mapping[str, int], width: int, problems: Problems) -> ParsedRow:
    """Parse every known cell of one row, then the checks that span several of its cells."""
    parsed = ParsedRow(row.line)
    for column in (c for c in COLUMNS if c in positions):
        index = positions[column]
        _parse_cell(parsed, column, row.cells[index] if index < len(row.cells) else None, problems)
    if len(row.cells) > width:
        extra = next(c for c in row.cells[width:] if c is not None)
        problems.row(row.line, f"valeur « {extra} » au-delà de la dernière colonne de l'en-tête")
    _check_taille(parsed, problems)
    _check_period(parsed, problems)
    return parsed


def _parse_cell(parsed: ParsedRow, column: str, cell: Cell, problems: Problems) -> None:
    try:
        value = PARSERS[column](cell)
    except CellError as error:
        problems.cell(parsed.line, column, str(error))
        parsed.bad.add(column)
        return
    if column in REQUIRED and value is None:
        problems.cell(parsed.line, column, "cellule vide, valeur obligatoire")
        parsed.bad.add(column)
        return
    parsed.values[column] = value


def _check_taille(parsed: ParsedRow, problems: Problems) -> None:
    """A size is only meaningful for a company."""
    taille, kind = parsed.get("porteur_taille"), parsed.get("porteur_type")
    if taille and kind and kind != PorteurType.ENTREPRISE:
        problems.cell(parsed.line, "porteur_taille",
                      f"taille « {taille} » réservée aux entreprises (porteur_type : {kind})")
        parsed.bad.add("porteur_taille")


def _check_period(parsed: ParsedRow, problems: Problems) -> None:
    """fin may not come before debut (YYYY-MM strings compare in time order)."""
    debut, fin = parsed.get("debut"), parsed.get("fin")
    if debut and fin and fin < debut:
        problems.cell(parsed.line, "fin", f"fin {fin} antérieure au début {debut}")
        parsed.bad.add("fin")


def check_unique_fiches(rows: list[ParsedRow], problems: Problems) -> None:
    """Each fiche_id appears once in the file; a repeat names both lines."""
    first_line: dict[str, int] = {}
    for row in rows:
        fiche_id = row.get("fiche_id")
        if fiche_id is None:
            continue
        if fiche_id in first_line:
            problems.cell(row.line, "fiche_id",
                          f"identifiant « {fiche_id} » déjà utilisé ligne {first_line[fiche_id]}")
            row.bad.add("fiche_id")
        else:
            first_line[fiche_id] = row.line
