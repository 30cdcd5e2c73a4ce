"""Learning from reviews: a reranker is kept only if it ranks the control reviews better than what is in use."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import numpy as np

from matcher import SimpleAnalyzer
from matcher.learning import FEATURES, Reranker, average_precision, describe
from matcher.learning_gate import FicheQueue, ReviewSet, train
from models.config.schema import SettingsConfig, SynonymsConfig, VigieConfig
from models.records import PlanData
from models.store import Store
from models.vocab import ReviewStatus
from tests.clirun import run_cli
from tests.factories import opportunity, plan
from vigie.pipeline.match import learn_from_reviews, match_stored

NOW = datetime(2026, 11, 24, 8, tzinfo=timezone.utc)
AS_OF = date(2026, 11, 24)


def reviews(count: int, seed: int = 3) -> ReviewSet:
    """Reviews of one fiche where acceptance follows the semantic signal while the unlearnt score (content, no
    neighbour signal) follows noise."""
    rng = np.random.default_rng(seed)
    x = rng.random((count, len(FEATURES)))
    x[:, FEATURES.index("neighbours")] = 0.0
    y = (x[:, 2] > 0.5).astype(int)
    keys = [("F1", "s", f"c{n}") for n in range(count)]
    queue = FicheQueue("gers", x, np.ones(count), y, tuple(keys))
    return ReviewSet(x, y, keys, ["gers"] * count, {"F1": queue}, alpha=0.5)


def test_too_few_reviews_train_nothing_and_say_how_many_are_missing():
    report = train(reviews(12), previous=None, min_reviews=100)
    assert report.model is None and not report.kept and "12 sur 100" in report.message


def test_a_model_that_beats_the_unlearnt_score_is_kept_and_its_coefficients_are_shown():
    report = train(reviews(200), previous=None, min_reviews=100)
    assert report.kept and report.held_out > report.previous
    assert describe(report.model)[0].startswith("semantic : +")


def test_a_model_that_does_not_beat_the_one_in_use_is_not_kept():
    best = train(reviews(200), previous=None, min_reviews=100).model
    report = train(reviews(200), previous=best, min_reviews=100)
    assert report.model is not None and not report.kept and "écarté" in report.message


def test_a_reranker_survives_json_and_scores_the_same():
    model = train(reviews(200), previous=None, min_reviews=100).model
    x = reviews(5, seed=9).x
    assert np.array_equal(Reranker(**model.to_json()).scores(x), model.scores(x))


def test_average_precision_counts_ties_pessimistically():
    assert average_precision(np.array([1, 0]), np.array([0.5, 0.5])) == 0.5
    assert average_precision(np.array([1, 0]), np.array([0.9, 0.1])) == 1.0


def config(minimum: int = 10) -> VigieConfig:
    settings = SettingsConfig(matching={"min_reviews_for_learning": minimum, "threshold": 0.0, "explain_top": 100})
    return VigieConfig(directory=Path("."), settings=settings, sources=[], plan=PlanData(), profiles={},
                       synonyms=SynonymsConfig())


def test_learning_from_stored_reviews_records_the_model_and_uses_it_only_when_kept(store: Store):
    store.import_plan(plan(), NOW)
    for n in range(30):
        title = "Chaufferie bois et réseau de chaleur" if n % 2 else "Chaleur et bois pour les ateliers"
        store.upsert_opportunity(opportunity(f"aap-{n}", title=f"{title} n°{n}"), NOW)
    match_stored(config(), store, AS_OF, analyzer=SimpleAnalyzer())
    for m in store.matches():
        accepted = int(m.opportunity_id) % 2 == 0
        store.review(m.id, ReviewStatus.ACCEPTED if accepted else ReviewStatus.REJECTED, "camille", NOW)
    report = learn_from_reviews(config(), store, AS_OF, analyzer=SimpleAnalyzer())
    assert report.model is not None and report.reviews == 30
    assert (store.active_match_model() is not None) == report.kept
    match_stored(config(), store, AS_OF, analyzer=SimpleAnalyzer())  # with or without a model, it runs


def test_vigie_learn_says_when_there_are_not_enough_reviews(capsys, tmp_path: Path):
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "settings.toml").write_text(f'database_url = "sqlite:///{tmp_path / "v.db"}"\n', encoding="utf-8")
    (directory / "sources.toml").write_text("", encoding="utf-8")
    result = run_cli(capsys, "--config", str(directory), "learn", "--as-of", "2026-11-24")
    assert result.code == 0, result.out + result.err
    assert "pas assez de revues" in result.out
