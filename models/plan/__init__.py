"""Import of a plan d'actions spreadsheet (CSV or XLSX): one row per fiche-action.

`read_plan` reads the file (reader.py), parses every cell (cells.py), checks the rows together
(rows.py, porteurs.py) and returns a PlanData, or raises PlanImportError listing every problem.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Mapping

from models.errors import PlanImportError
from models.plan.columns import COLUMNS
from models.plan.reader import read_table
from models.plan.rows import build_plan
from models.records import PlanData

__all__ = ["COLUMNS", "read_plan"]

logger = logging.getLogger(__name__)


def read_plan(path: Path, known_territories: Mapping[str, str] | None = None, *,
              declared_in: str = "settings.toml") -> PlanData:
    """Read and validate the whole file; raise PlanImportError(str(path), problems) listing EVERY bad cell.

    `known_territories` maps territory id → nom (the territories of settings.toml, named `declared_in`
    in the hint); a `territoire` cell matching neither (ignoring case, accents and spaces) is refused,
    with the [[territoire]] block to add. None (a plan only evaluated, never stored): a cell names a
    new territory after itself. Never returns a partial plan.
    """
    path = Path(path)
    table = read_table(path)
    plan, problems = build_plan(table, path.name, known_territories, declared_in)
    if plan is None:
        raise PlanImportError(str(path), problems)
    logger.info(
        "plan read file=%s territories=%d porteurs=%d fiches=%d",
        path.name, len(plan.territories), len(plan.porteurs), len(plan.fiches),
    )
    return plan
