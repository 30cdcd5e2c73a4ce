"""Calibration of the fused score into a probability of relevance: fitting, held-out folds, Brier, reliability, and
its place in the engine (after fusion and the calls' exclusions)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from matcher.analysis import SimpleAnalyzer
from matcher.calibration import calibrate, shared_words
from matcher.calibration_fit import CalibrationSample, brier, calibration_report, cross_fitted, fit, reliability
from matcher.engine import MatchEngine
from matcher.heldout import PORTEUR, Protocol
from models.config.schema import CalibrationConfig, MatchingConfig, SynonymsConfig
from models.records import FicheActionData, OpportunityData, PorteurData

ROOT = Path(__file__).parent.parent
TRUE = CalibrationConfig(intercept=-4.0, fused=5.0, shared_words=2.0)


def synthetic(n: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Features uniform in [0, 1] and outcomes drawn from the TRUE logistic relation."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, size=(n, 2))
    p = 1 / (1 + np.exp(-(TRUE.intercept + x @ np.array([TRUE.fused, TRUE.shared_words]))))
    return x, (rng.uniform(0, 1, n) < p).astype(int)


def test_the_fit_recovers_a_known_logistic_relation():
    x, y = synthetic(40_000)
    found = fit(x, y, "synthétique")
    assert found is not None and found.fitted_on == "synthétique"
    assert found.intercept == pytest.approx(TRUE.intercept, abs=0.25)
    assert found.fused == pytest.approx(TRUE.fused, abs=0.3)
    assert found.shared_words == pytest.approx(TRUE.shared_words, abs=0.3)


def test_calibrated_probabilities_beat_the_raw_score_read_as_a_probability():
    x, y = synthetic(20_000)
    found = fit(x[:10_000], y[:10_000], "")
    assert found is not None
    held_x, held_y = x[10_000:], y[10_000:]
    assert brier(held_y, calibrate(held_x, found)) < brier(held_y, held_x[:, 0])


def test_a_disabled_calibration_leaves_the_fused_score():
    x, _ = synthetic(50)
    assert np.array_equal(calibrate(x, TRUE.model_copy(update={"enabled": False})), x[:, 0])


def test_a_single_class_cannot_be_fitted():
    assert fit(np.zeros((5, 2)), np.zeros(5, dtype=int), "") is None


def test_reliability_bins_cover_every_pair_and_match_a_calibrated_model():
    x, y = synthetic(40_000, seed=3)
    bins = reliability(y, calibrate(x, TRUE))
    assert sum(b.pairs for b in bins) == len(y)
    for b in bins:
        assert b.low <= b.predicted < b.high
        if b.pairs > 2000:
            assert b.observed == pytest.approx(b.predicted, abs=0.05)


def sample_of(groups: list[str], seed: int = 1) -> CalibrationSample:
    """Fiches of the given porteurs, 40 calls each, drawn from the TRUE relation."""
    x, y = synthetic(len(groups) * 40, seed)
    return CalibrationSample([f"F{n}" for n in range(len(groups))], list(range(len(groups))),
                             x.reshape(len(groups), 40, 2), y.reshape(len(groups), 40).astype(bool))


def test_a_fold_is_never_predicted_by_a_fit_on_its_own_labels():
    groups = ["a", "a", "b", "b", "c", "c"]
    protocol = Protocol(PORTEUR, {f"F{n}": g for n, g in enumerate(groups)})
    sample = sample_of(groups)
    before = cross_fitted(sample, protocol)
    flipped = sample.relevant.copy()
    flipped[:2] = ~flipped[:2]  # porteur "a" relabelled
    after = cross_fitted(CalibrationSample(sample.fiches, sample.rows, sample.features, flipped), protocol)
    assert np.array_equal(before[:2], after[:2])  # a's predictions never saw a's labels
    assert not np.allclose(before[2:], after[2:])  # the others learnt from them


def test_the_report_compares_fused_configured_and_held_out_brier():
    groups = [g for g in "abcdefgh" for _ in range(5)]
    protocol = Protocol(PORTEUR, {f"F{n}": g for n, g in enumerate(groups)})
    report = calibration_report(sample_of(groups, seed=5), protocol, TRUE, "jeu synthétique")
    assert report.pairs == len(groups) * 40 and report.fitted is not None
    assert report.brier_heldout < report.brier_fused
    assert report.brier_configured < report.brier_fused


def test_shared_words_count_the_fiche_keys_a_call_holds():
    from matcher.lexical import Bm25

    bm25 = Bm25([{"bois": 1.0, "chaleur": 2.0}, {"friche": 1.0}])
    shares = shared_words(bm25, [{"bois": 1.0, "chaleur": 1.0, "robot": 1.0, "soudure": 1.0}])
    assert shares.tolist() == [[0.5, 0.0]]


DAY = date(2026, 11, 23)
PORTEUR_AUCH = PorteurData(id="auch", nom="Auch", type="commune", territoire="gers", geo_codes=["DEP-32"])
FICHE = FicheActionData(id="F1", porteur_id="auch", titre="Chaufferie bois pour la piscine",
                        description="Remplacer la chaudière fioul par une chaufferie bois plaquettes.")
CALLS = [OpportunityData(source="s", source_id=cid, url=f"https://example.org/{cid}", title=title, description=text)
         for cid, title, text in [
             ("bois", "Chaufferies bois collectives", "Chaufferie bois plaquettes remplaçant une chaudière fioul."),
             ("robot", "Robotique industrielle", "Cellules robotisées de soudure pour les ateliers.")]]


def scored(calibration: CalibrationConfig):
    matching = MatchingConfig(calibration=calibration)
    return MatchEngine(SimpleAnalyzer()).score(CALLS, [(FICHE, PORTEUR_AUCH)], {}, SynonymsConfig(), matching, DAY)


def test_the_engine_scores_the_calibrated_probability_of_the_fused_score():
    run = scored(TRUE)
    logit = TRUE.intercept + TRUE.fused * run.fused + TRUE.shared_words * run.calibration_features()[..., 1]
    assert run.fused[0, 0] > 0 and run.scores[0, 0] == pytest.approx(1 / (1 + np.exp(-logit[0, 0])), abs=1e-4)
    assert run.scores[0, 0] != run.fused[0, 0]
    assert run.fused[0, 1] == 0 and run.scores[0, 1] == 0  # nothing in common: no probability to show
    assert np.array_equal(scored(TRUE.model_copy(update={"enabled": False})).scores, run.fused)


def test_the_shipped_settings_carry_the_default_calibration_and_a_probability_threshold():
    settings = tomllib.loads((ROOT / "config" / "settings.toml").read_text(encoding="utf-8"))["matching"]
    assert CalibrationConfig(**settings["calibration"]) == CalibrationConfig()
    assert settings["threshold"] == MatchingConfig().threshold < 0.5


def test_the_full_computation_of_a_pair_shows_the_calibration_that_made_its_score():
    from matcher.tune.explain import explain

    e = explain(scored(TRUE), 0, 0, {})
    assert [name for name, _, _ in e.calibration] == ["score fusionné", "part des mots de la fiche dans l'appel"]
    logit = e.calibration_intercept + sum(part for _, _, part in e.calibration)
    assert e.score == pytest.approx(1 / (1 + np.exp(-logit)), abs=1e-4)
    assert explain(scored(TRUE.model_copy(update={"enabled": False})), 0, 0, {}).calibration == []
