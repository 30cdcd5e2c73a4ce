"""Quality floors on the development set (tests/data/matching): margins, not exact values.

Uses the real analyzer and encoder (spaCy fr_core_news_md), so it runs the comparison once per module.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from matcher.calibration import calibrate
from matcher.calibration_fit import brier, calibration_sample
from matcher.comparison import VIGIE, Comparison, vigie_rankings
from models.config import load_config
from models.config.schema import CalibrationConfig
from tests.clirun import run_cli
from vigie.context import source_kinds
from vigie.pipeline.evaluate import evaluate_files, held_out_calibration, read_calls_csv, read_labels

ROOT = Path(__file__).parent.parent
DEVSET = ROOT / "tests" / "data" / "matching"
AS_OF = date(2026, 11, 23)
# Calls that no porteur of the set may apply to: another région, a beneficiary type no porteur is, closed.
NEVER_ELIGIBLE = {
    "reseaux-chaleur-nouvelle-aquitaine", "iae-bretagne", "friches-grand-est", "photovoltaique-agricole",
    "renovation-logements-particuliers", "fonds-chaleur-session-1", "concours-innovation-vague-10",
    "diagnostic-emploi-2026", "jeunes-agriculteurs", "karst-geologie",
}


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    config = load_config(ROOT / "config", source_kinds())
    grades = read_labels(DEVSET / "labels.csv")
    result = evaluate_files(config, DEVSET / "calls.csv", DEVSET / "plan.csv", grades, AS_OF)
    for system in result.systems:  # the figures, for whoever tunes the matcher (pytest -s)
        print(f"{system.name:32} nDCG@10={system.mean('ndcg@10'):.3f} R@20={system.mean('recall@20'):.3f}")
    return result


def test_the_development_set_has_the_promised_size():
    grades = read_labels(DEVSET / "labels.csv")
    calls = read_calls_csv(DEVSET / "calls.csv", AS_OF)
    assert len(calls) >= 120 and len({f for f, _ in grades}) >= 20


def best_baseline(comparison: Comparison, restricted: bool) -> float:
    """Best nDCG@10 of the baselines, ranking every call or cut to the calls eligible for each fiche."""
    return max(b.mean("ndcg@10") for b in comparison.systems[1:] if ("∩" in b.name) == restricted)


def test_vigie_beats_the_best_baseline_by_a_tenth_of_ndcg(comparison):
    """The floor Vigie must clear: baselines computed in the same run, judged on the same eligible set (an
    ineligible call brings them nothing) and ranking every call (`vigie eval` prints their share of ineligible
    calls)."""
    vigie = comparison.systems[0]
    assert vigie.name == VIGIE and vigie.mean("ndcg@10") >= best_baseline(comparison, restricted=False) + 0.10


def test_vigie_ranks_eligible_calls_better_than_every_restricted_baseline(comparison):
    assert comparison.systems[0].mean("ndcg@10") >= best_baseline(comparison, restricted=True) + 0.02


def test_vigie_finds_nine_relevant_calls_in_ten_within_its_first_twenty(comparison):
    assert comparison.systems[0].mean("recall@20") >= 0.90


def test_vigie_recalls_at_least_as_much_as_every_restricted_baseline(comparison):
    vigie, *baselines = comparison.systems
    assert vigie.mean("recall@20") >= max(b.mean("recall@20") for b in baselines if "∩" in b.name)


def test_no_ineligible_call_stands_in_any_fiche_top_ten(comparison):
    rankings = vigie_rankings(comparison.results)
    assert all(m["ineligible@10"] == 0 for m in comparison.systems[0].per_fiche.values())
    assert not NEVER_ELIGIBLE & {c for ranking in rankings.values() for c in ranking[:10]}


def test_every_axe_is_judged(comparison):
    assert {a for a in comparison.axes.values()} == {"innovation", "transition_ecologique", "competences", "foncier"}


def test_vigie_eval_prints_every_system_and_the_axes(capsys):
    result = run_cli(capsys, "--config", str(ROOT / "config"), "eval", str(DEVSET / "labels.csv"),
                     "--calls", str(DEVSET / "calls.csv"), "--plan", str(DEVSET / "plan.csv"), "--as-of", "2026-11-23")
    assert result.code == 0, result.out + result.err
    for name in ("Vigie", "TF-IDF cosinus", "BM25", "mots-clés communs", "nDCG@10", "Rappel@20", "foncier",
                 "Seuil d'envoi", "0,03 (réglé)", "meilleure référence", "Jeu de réglage", "mémoire du réglage",
                 "un porteur à la fois (8 porteurs)"):
        assert name in result.out


def test_vigie_eval_needs_both_files_or_none(capsys):
    result = run_cli(capsys, "--config", str(ROOT / "config"), "eval", str(DEVSET / "labels.csv"),
                     "--calls", str(DEVSET / "calls.csv"))
    assert result.code != 0 and "--calls / --plan" in result.out + result.err


FACTS = """id,beneficiaires,territoires,date_cloture,exclusions
fonds-chaleur-biomasse,epci|commune|entreprise|association,PAYS-99100,permanent,
reseaux-chaleur-nouvelle-aquitaine,epci|commune,REG-75,2027-06-30,
reseaux-chaleur-occitanie,epci|commune|syndicat_mixte,REG-76,2026-11-01,
"""


def test_vigie_eval_judges_eligibility_agreement_and_calibration_in_one_run(capsys, tmp_path: Path):
    """--facts (reference eligibility), --accord (two labellers), --calibrer --ecrire (the fitted table)."""
    (tmp_path / "faits.csv").write_text(FACTS, encoding="utf-8")
    labels = (DEVSET / "labels.csv").read_text(encoding="utf-8")
    (tmp_path / "b.csv").write_text(labels.replace("F01,fonds-chaleur-biomasse,3", "F01,fonds-chaleur-biomasse,1"),
                                    encoding="utf-8")
    written = tmp_path / "etalonnage.toml"
    result = run_cli(capsys, "--config", str(ROOT / "config"), "eval", str(DEVSET / "labels.csv"),
                     "--calls", str(DEVSET / "calls.csv"), "--plan", str(DEVSET / "plan.csv"), "--as-of", "2026-11-23",
                     "--facts", str(tmp_path / "faits.csv"), "--accord", str(DEVSET / "labels.csv"),
                     str(tmp_path / "b.csv"), "--calibrer", "--ecrire", str(written), "--croise")
    assert result.code == 0, result.out + result.err
    out = " ".join(result.out.split())
    for text in ("Appels réellement éligibles", "de bout en bout", "écartés à tort", "Accord entre annotateurs",
                 "accord brut 0,99", "Fiabilité des probabilités hors groupe", "Seuil suggéré",
                 "appels sans ligne de faits, réputés éligibles : 119", "D'un territoire à l'autre",
                 "gers-lomagne : 0 décision(s) entendue(s)"):
        assert text in out
    fitted = CalibrationConfig(**tomllib.loads(written.read_text(encoding="utf-8"))["matching"]["calibration"])
    assert fitted.fused > 0 and fitted.intercept < 0 and "jeu de réglage" in fitted.fitted_on


def test_vigie_eval_writes_a_calibration_only_when_asked_to_fit_one(capsys, tmp_path: Path):
    result = run_cli(capsys, "--config", str(ROOT / "config"), "eval", str(DEVSET / "labels.csv"),
                     "--ecrire", str(tmp_path / "x.toml"))
    assert result.code != 0 and "--calibrer" in result.out + result.err and not (tmp_path / "x.toml").exists()


def test_the_shipped_calibration_is_the_one_this_set_fits_and_helps_held_out(comparison):
    """The defaults of [matching.calibration] were fitted on this set: refit with `vigie eval --calibrer --ecrire`
    when the matcher changes enough for this to fail."""
    config = load_config(ROOT / "config", source_kinds())
    grades = read_labels(DEVSET / "labels.csv")
    held = held_out_calibration(comparison, grades, config.settings.matching, "jeu de réglage")
    report = held.report
    assert report is not None and report.fitted is not None
    run = comparison.run
    sample = calibration_sample(run.calibration_features(), [f.id for f, _ in run.pairs],
                                [c.source_id for c in run.calls], grades)
    refit = brier(sample.relevant, calibrate(sample.features, report.fitted))
    assert report.brier_configured <= refit * 1.03
    assert report.brier_heldout < report.brier_fused / 1.5
