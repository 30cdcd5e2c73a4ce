"""Load what `vigie eval` judges: labels, and calls and fiches from the database or from files."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from crawlers.normalise.record import ItemRejected, normalise_item
from crawlers.spiders.dispositif_aide_csv import map_dispositif_row
from matcher.analysis import TextAnalyzer
from matcher.comparison import Comparison, compare
from matcher.evaluation import Grades, parse_grades
from matcher.semantic import Encoder
from models.config import VigieConfig
from models.errors import VigieError
from models.plan import read_plan
from models.records import OpportunityData, PlanData
from models.store import Store
from vigie.pipeline.match import default_encoder


def read_rows(path: Path, what: str) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file with a header."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as exc:
        raise VigieError("lecture impossible", f"{what} {path}", str(exc)) from exc


def read_labels(path: Path) -> dict[tuple[str, str], int]:
    """Labels `fiche_id,source_id,grade` (0–3)."""
    rows = read_rows(path, "notes")
    if rows and not {"fiche_id", "source_id", "grade"} <= set(rows[0]):
        raise VigieError("notes illisibles", str(path), "colonnes attendues : fiche_id,source_id,grade")
    try:
        return parse_grades(rows)
    except ValueError as exc:
        raise VigieError("notes illisibles", str(path), str(exc)) from exc


def read_calls_csv(path: Path, as_of: date, source: str = "eval") -> list[OpportunityData]:
    """Calls of a dispositif-aide CSV, normalised exactly as a crawl of that file would (rejected rows skipped)."""
    calls = []
    for position, row in enumerate(read_rows(path, "appels"), start=1):
        try:
            calls.append(normalise_item(map_dispositif_row(row, source, position), as_of))
        except ItemRejected:
            continue
    return calls


def read_plan_file(path: Path) -> PlanData:
    """A plan d'actions file (csv/xlsx), as `vigie plan import` reads it."""
    return read_plan(path)


def evaluate_files(
    config: VigieConfig, calls_path: Path, plan_path: Path, grades: Grades, as_of: date,
    analyzer: TextAnalyzer | None = None, encoder: Encoder | None = None,
) -> Comparison:
    """Judge the calls of a dispositif-aide CSV against the fiches of a plan file (nothing is stored)."""
    plan = read_plan_file(plan_path)
    calls = read_calls_csv(calls_path, as_of)
    return _compare(config, calls, plan, grades, as_of, analyzer, encoder)


def evaluate_stored(
    config: VigieConfig, store: Store, grades: Grades, as_of: date,
    analyzer: TextAnalyzer | None = None, encoder: Encoder | None = None,
) -> Comparison:
    """Judge the stored calls (not closed) against the stored fiches."""
    calls = [data for _, data in store.opportunities(as_of=as_of, include_closed=False)]
    return _compare(config, calls, store.plan(), grades, as_of, analyzer, encoder)


def _compare(config: VigieConfig, calls: list[OpportunityData], plan: PlanData, grades: Grades, as_of: date,
             analyzer: TextAnalyzer | None, encoder: Encoder | None) -> Comparison:
    if analyzer is None and encoder is None:
        encoder = default_encoder()
    porteurs = {p.id: p for p in plan.porteurs}
    return compare(calls, plan.fiches, porteurs, config.profiles, config.synonyms, config.settings.matching, as_of,
                   grades, analyzer=analyzer, encoder=encoder)
