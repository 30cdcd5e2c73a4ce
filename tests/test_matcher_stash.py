"""Analysed texts kept on disk (matcher/stash.py): a fresh engine scores from them without analysing again."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from factories import opportunity, plan
from matcher import SimpleAnalyzer
from matcher.engine import MatchEngine
from matcher.semantic import CachedEncoder
from matcher.stash import KEEP_DAYS, AnalysisStash
from models.config.schema import MatchingConfig, SynonymsConfig

DAY = date(2026, 11, 23)
TEXTS = ["Chaufferies bois : l'aide de la Région.", "Réseaux de chaleur\nalimentés par la biomasse locale"]


class CountingAnalyzer(SimpleAnalyzer):
    """The test analyzer, counting the texts it is asked to analyse."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def analyze_many(self, texts):  # noqa: ANN001, ANN201
        self.seen.extend(texts)
        return super().analyze_many(texts)


class CountingEncoder:
    """A small deterministic encoder, counting the texts it encodes."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):  # noqa: ANN001, ANN201
        self.seen.extend(texts)
        return np.asarray([[len(t), t.count("e") + 1.0, 1.0] for t in texts], dtype=np.float32)


def _score(engine: MatchEngine, stash: AnalysisStash):  # noqa: ANN202
    world = plan()
    calls = [opportunity("a", summary=TEXTS[0]), opportunity("b", title="Friches industrielles", summary=TEXTS[1])]
    with engine.stashed(stash):
        return engine.score(calls, [(world.fiches[0], world.porteurs[0])], {}, SynonymsConfig(), MatchingConfig(), DAY)


def test_a_fresh_engine_scores_from_the_stash_without_analysing(tmp_path: Path) -> None:
    path = tmp_path / "var" / "cache" / "analyses.sqlite"
    first = _score(MatchEngine(CountingAnalyzer(), CachedEncoder(CountingEncoder())), AnalysisStash(path, DAY))
    analyzer, encoder = CountingAnalyzer(), CountingEncoder()
    again = _score(MatchEngine(analyzer, CachedEncoder(encoder)), AnalysisStash(path, DAY))
    assert analyzer.seen == [] and encoder.seen == []
    assert np.array_equal(first.scores, again.scores) and first.scores.max() > 0
    assert [d.fields[1].tokens for d in first.corpus.calls] == [d.fields[1].tokens for d in again.corpus.calls]


def test_tokens_of_another_analyzer_are_never_read(tmp_path: Path) -> None:
    path = tmp_path / "analyses.sqlite"
    _score(MatchEngine(CountingAnalyzer(), CachedEncoder(CountingEncoder())), AnalysisStash(path, DAY))
    other = SimpleAnalyzer()  # another class: another namespace
    seen = []
    other.analyze_many = lambda texts: seen.extend(texts) or SimpleAnalyzer.analyze_many(other, texts)
    _score(MatchEngine(other), AnalysisStash(path, DAY))
    assert seen


def test_entries_no_run_used_for_a_while_are_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "analyses.sqlite"
    stash = AnalysisStash(path, DAY, tokens_ns="t")
    stash.keep_tokens({b"old": SimpleAnalyzer().analyze(TEXTS[0])})
    stash.flush()
    later = AnalysisStash(path, DAY + timedelta(days=KEEP_DAYS + 1), tokens_ns="t")
    assert set(later.tokens([b"old"])) == {b"old"}
    later.keep_tokens({b"new": SimpleAnalyzer().analyze(TEXTS[1])})
    later.flush()
    assert set(AnalysisStash(path, DAY, tokens_ns="t").tokens([b"old", b"new"])) == {b"new"}


def test_a_stash_that_cannot_be_written_costs_a_warning_not_the_run(tmp_path: Path,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "fichier"
    blocked.write_text("pas un dossier")
    run = _score(MatchEngine(CountingAnalyzer()), AnalysisStash(blocked / "analyses.sqlite", DAY))
    assert run.scores.shape == (1, 2) and "analyses non gardées" in caplog.text


def test_an_unreadable_entry_is_analysed_again_and_written_anew(tmp_path: Path) -> None:
    import sqlite3
    import zlib

    path = tmp_path / "var" / "cache" / "analyses.sqlite"
    first = _score(MatchEngine(CountingAnalyzer()), AnalysisStash(path, DAY))
    with sqlite3.connect(path) as db:  # entries as another layout of the file would have written them
        db.execute("UPDATE tokens SET data = ?", [zlib.compress(b'[["Chaufferies","chaufferie"]]')])
        db.execute("DELETE FROM products")  # without products, the documents are built from the tokens
    analyzer = CountingAnalyzer()
    again = _score(MatchEngine(analyzer), AnalysisStash(path, DAY))
    assert analyzer.seen and np.array_equal(first.scores, again.scores)
    third = CountingAnalyzer()
    _score(MatchEngine(third), AnalysisStash(path, DAY))
    assert third.seen == []
