"""A re-match after a crawl brought new calls does the new work only: the stored texts are read back, not analysed
again, and the results of the pairs it does not rewrite are built in one batch (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from matcher import SimpleAnalyzer
from matcher.analysis import Token
from matcher.run import ScoredRun
from models.config.schema import SettingsConfig, SynonymsConfig, VigieConfig
from models.records import PlanData
from models.store import Store
from tests.factories import opportunity, plan
from vigie.pipeline.match import match_stored

AS_OF = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 8, tzinfo=timezone.utc)
WORDS = ["chaleur", "bois", "chaufferie", "réseau", "biomasse", "zone", "activités", "collective"]


class CountingAnalyzer(SimpleAnalyzer):
    """The simple analyzer, remembering every text it was asked to analyse."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def analyze_many(self, texts: Sequence[str]) -> list[list[Token]]:
        self.texts.extend(texts)
        return super().analyze_many(texts)


def summary(n: int) -> str:
    return f"{WORDS[n % len(WORDS)]} {WORDS[(n * 3) % len(WORDS)]} {n}"


def crawl(store: Store, first: int, count: int, word: str) -> None:
    """What a crawl stores: `count` calls about heating, each worded apart, titled with `word`."""
    for n in range(first, first + count):
        call = opportunity(f"aap-{n}", title=f"{word} {n} : chaufferie bois", summary=summary(n))
        store.upsert_opportunity(call, NOW)


@pytest.fixture
def config(tmp_path: Path) -> VigieConfig:
    return VigieConfig(directory=tmp_path, settings=SettingsConfig(), sources=[], plan=PlanData(), profiles={},
                       synonyms=SynonymsConfig())


@pytest.fixture
def matched(store: Store, config: VigieConfig) -> Store:
    """30 stored calls matched once, then a crawl brings 3 new ones."""
    store.import_plan(plan(), NOW)
    crawl(store, 0, 30, "Appel")
    match_stored(config, store, AS_OF, analyzer=CountingAnalyzer())
    crawl(store, 30, 3, "Nouveauté")
    return store


def test_a_rematch_analyses_the_new_calls_only(matched: Store, config: VigieConfig):
    analyzer = CountingAnalyzer()  # a new engine, as in a new `vigie match` process: the stored texts come from disk
    match_stored(config, matched, AS_OF, analyzer=analyzer)
    assert sorted(analyzer.texts) == sorted(t for n in (30, 31, 32) for t in (f"Nouveauté {n} : chaufferie bois",
                                                                                summary(n)))


def test_a_rematch_builds_the_results_it_does_not_rewrite_in_one_batch(matched: Store, config: VigieConfig,
                                                                       monkeypatch: pytest.MonkeyPatch):
    masks = []
    explained = ScoredRun.explained
    monkeypatch.setattr(ScoredRun, "explained", lambda run: masks.append(1) or explained(run))
    kept = match_stored(config, matched, AS_OF, analyzer=CountingAnalyzer())
    # Which pairs get quoted reasons is an array over every pair: computed to choose the pairs kept, then once for
    # the pairs rewritten and once for the others — never once per pair.
    assert len(kept) > 20 and len(masks) <= 3


def test_a_rematch_builds_no_result_it_neither_rewrites_nor_reads(matched: Store, config: VigieConfig,
                                                                  monkeypatch: pytest.MonkeyPatch):
    match_stored(config, matched, AS_OF, analyzer=CountingAnalyzer())  # writes what the new calls changed
    built = []
    build = ScoredRun._result
    monkeypatch.setattr(ScoredRun, "_result", lambda run, i, j, see: built.append((i, j)) or build(run, i, j, see))
    kept = match_stored(config, matched, AS_OF, analyzer=CountingAnalyzer())  # nothing changed since
    assert len(kept) > 20 and built == []  # ranks, scores and eligibility are read without building results
    shown = kept[0]
    assert (shown.result.fiche_id, shown.result.score, shown.result.eligible) == (shown.fiche_id, shown.score,
                                                                                 shown.eligible)
    assert len(built) == 1


def test_fingerprints_are_added_and_updated_in_place(store: Store):
    """New digests are added, changed ones replaced, and those a run did not see are left as they were."""
    store.save_match_fingerprints({("appel", "a/1"): "un", ("appel", "a/2"): "deux", ("config", "matching"): "c"}, NOW)
    store.save_match_fingerprints({("appel", "a/1"): "un bis", ("fiche", "F1"): "f"}, NOW)
    assert store.match_fingerprints() == {("appel", "a/1"): "un bis", ("appel", "a/2"): "deux",
                                          ("config", "matching"): "c", ("fiche", "F1"): "f"}
