"""Load what `vigie eval` judges (labels, and calls and fiches from the database or from files), and judge what is
learnt on the labels (the calibration) with the held-out protocol of matcher.heldout."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from crawlers.normalise.record import ItemRejected, normalise_item
from crawlers.spiders.dispositif_aide_csv import map_dispositif_row
from matcher.analysis import TextAnalyzer
from matcher.calibration_fit import CalibrationReport, calibration_sample, calibration_report
from matcher.comparison import VIGIE, Comparison, compare, eligible_sets, vigie_rankings
from matcher.evaluation import Grades, SystemScores, parse_grades, score_system
from matcher.heldout import NONE, Protocol, choose_protocol
from matcher.semantic import Encoder
from models.config import VigieConfig
from models.errors import VigieError
from models.plan import read_plan
from models.config.schema import MatchingConfig
from models.records import MatchResult, OpportunityData, PlanData
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
    return evaluate_inputs(config, *file_inputs(calls_path, plan_path, as_of), grades, as_of, analyzer, encoder)


def evaluate_stored(
    config: VigieConfig, store: Store, grades: Grades, as_of: date,
    analyzer: TextAnalyzer | None = None, encoder: Encoder | None = None,
) -> Comparison:
    """Judge the stored calls (not closed) against the stored fiches."""
    return evaluate_inputs(config, *stored_inputs(store, as_of), grades, as_of, analyzer, encoder)


def file_inputs(calls_path: Path, plan_path: Path, as_of: date) -> tuple[list[OpportunityData], PlanData]:
    """Calls of a dispositif-aide CSV and the plan of a file."""
    plan = read_plan_file(plan_path)
    return read_calls_csv(calls_path, as_of), plan


def stored_inputs(store: Store, as_of: date) -> tuple[list[OpportunityData], PlanData]:
    """The stored calls (not closed) and the stored plan."""
    return [data for _, data in store.opportunities(as_of=as_of, include_closed=False)], store.plan()


def evaluate_inputs(config: VigieConfig, calls: list[OpportunityData], plan: PlanData, grades: Grades, as_of: date,
                    analyzer: TextAnalyzer | None = None, encoder: Encoder | None = None) -> Comparison:
    """Vigie against the baselines on these calls and fiches."""
    if analyzer is None and encoder is None:
        encoder = default_encoder()
    porteurs = {p.id: p for p in plan.porteurs}
    return compare(calls, plan.fiches, porteurs, config.profiles, config.synonyms, config.settings.matching, as_of,
                   grades, analyzer=analyzer, encoder=encoder)


HELD_OUT_VIGIE = f"{VIGIE}, étalonnage réappris hors groupe"


@dataclass(frozen=True)
class HeldOutCalibration:
    """The calibration learnt on the labels, judged fold by fold (never on the fiches it learnt from)."""

    protocol: Protocol
    report: CalibrationReport | None
    """None when the protocol cannot hold anything out (a single porteur)."""
    system: SystemScores | None
    """Vigie's rankings under the held-out probabilities."""
    results: list[MatchResult]
    """The judged results with their held-out probability as score (for the threshold table)."""


def held_out_calibration(comparison: Comparison, grades: Grades, matching: MatchingConfig,
                         fitted_on: str) -> HeldOutCalibration:
    """Fit the calibration fold by fold on the labels (matcher.heldout) and judge it on the held-out fiches."""
    run = comparison.run
    assert run is not None, "a comparison built by compare() carries its run"
    porteurs = comparison.porteur_of
    protocol = choose_protocol(sorted(porteurs), {f: p.id for f, p in porteurs.items()},
                               {p.id: p.territoire for p in porteurs.values()})
    if protocol.kind == NONE:
        return HeldOutCalibration(protocol, None, None, [])
    fiche_ids, call_ids = [f.id for f, _ in run.pairs], [c.source_id for c in run.calls]
    sample = calibration_sample(run.calibration_features(), fiche_ids, call_ids, grades)
    report = calibration_report(sample, protocol, matching.calibration, fitted_on)
    column = {c: j for j, c in enumerate(call_ids)}
    row = {f: n for n, f in enumerate(sample.fiches)}
    # As in the engine, the calls' exclusions multiply the calibrated score.
    scores = np.round(report.heldout * run.multiplier[sample.rows], 4)
    rescored = [r.model_copy(update={"score": float(scores[row[r.fiche_id], column[r.source_id]])})
                for r in comparison.results if r.fiche_id in row]
    system = score_system(HELD_OUT_VIGIE, vigie_rankings(rescored), grades, eligible_sets(rescored))
    return HeldOutCalibration(protocol, report, system, rescored)


CROSS_NAMES = {"content": f"{VIGIE}, score de contenu seul",
               "neighbours": f"{VIGIE} + décisions des autres territoires",
               "learned": f"{VIGIE} + modèle appris des autres territoires"}


def cross_territory_systems(config: VigieConfig, calls: list[OpportunityData], plan: PlanData, grades: Grades,
                            as_of: date) -> tuple[list[SystemScores], dict[str, str]]:
    """`--croise`: each territory ranked having heard only the other territories' grades as decisions
    (vigie.pipeline.evaluate_cross), judged like Vigie; and per territory, what it heard."""
    from vigie.pipeline.evaluate_cross import cross_territory_rankings  # only this option needs it

    m = config.settings.matching
    found = cross_territory_rankings(calls, plan, grades, config.profiles, config.synonyms, m, as_of,
                                     encoder=default_encoder())
    systems = [score_system(name, getattr(found, field), grades, found.eligible) for field, name in CROSS_NAMES.items()]
    return systems, dict(found.notes)
