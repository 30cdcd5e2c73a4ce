"""What scoring reads of each document, kept on disk (matcher.stash products): a fresh engine scores from them
and builds full documents only for the pairs it explains; anything documents depend on changes, they are
computed again."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from factories import opportunity, plan
from matcher import SimpleAnalyzer
from matcher import corpus as c
from matcher import engine as engine_module
from matcher.engine import MatchEngine
from matcher.run import ScoredRun
from matcher.stash import AnalysisStash
from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig

DAY = date(2026, 11, 23)
TOPICS = ["chaufferie bois collective", "réseau de chaleur urbain", "friche industrielle dépolluée",
          "méthanisation agricole", "rénovation des écoles", "mobilité douce et vélo"]
PROFILES = {"chaleur": ProfileConfig(terms={"chaufferie": 4.0, "réseau de chaleur": 3.0})}


def _calls(count: int = 6) -> list:
    return [opportunity(f"aap-{n}", title=f"Appel {n} : {TOPICS[n % len(TOPICS)]}",
                        summary=f"Soutien {TOPICS[(n * 5) % len(TOPICS)]}, hors méthanisation, numéro {n}.")
            for n in range(count)]


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first field text of every full document built."""
    titles: list[str] = []
    document = c._document

    def counting(spec, *args):  # noqa: ANN001, ANN202
        titles.append(spec[0].text)
        return document(spec, *args)

    monkeypatch.setattr(c, "_document", counting)
    return titles


def _score(path: Path, calls: list | None = None, synonyms: SynonymsConfig | None = None,
           matching: MatchingConfig | None = None) -> ScoredRun:
    world = plan()
    engine = MatchEngine(SimpleAnalyzer())
    pairs = [(world.fiches[0], world.porteurs[0])]
    with engine.stashed(AnalysisStash(path, DAY)):
        return engine.score(calls or _calls(), pairs, PROFILES, synonyms or SynonymsConfig(),
                            matching or MatchingConfig(), DAY)


def test_a_fresh_engine_scores_from_the_products_and_builds_only_what_it_explains(tmp_path: Path,
                                                                                  built: list[str]) -> None:
    path = tmp_path / "analyses.sqlite"
    first = _score(path)
    reasons = first.results()
    assert len(built) == 7
    built.clear()
    again = _score(path)
    assert built == []
    assert np.array_equal(first.scores, again.scores) and first.scores.max() > 0
    explained = [(int(i), int(j)) for i, j in zip(*np.nonzero(again.explained()))]
    assert 0 < len(explained) < len(again.calls)
    assert again.results() == reasons
    assert sorted(built) == sorted([f"Appel {j} : {TOPICS[j % len(TOPICS)]}" for _, j in explained]
                                   + [again.pairs[0][0].titre])


def test_a_new_call_is_built_and_the_stored_ones_are_not(tmp_path: Path, built: list[str]) -> None:
    path = tmp_path / "analyses.sqlite"
    _score(path)
    built.clear()
    _score(path, calls=_calls(7))
    assert built == ["Appel 6 : " + TOPICS[0]]


@pytest.mark.parametrize("change", ["synonyms", "stop_words", "thesaurus", "code", "format"])
def test_products_are_computed_again_when_what_documents_depend_on_changes(
        tmp_path: Path, built: list[str], monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    path = tmp_path / "analyses.sqlite"
    _score(path)
    built.clear()
    synonyms, matching = SynonymsConfig(), MatchingConfig()
    if change == "synonyms":
        synonyms = SynonymsConfig(groups=[["chaufferie", "chaudière"]])
    elif change == "stop_words":
        matching = MatchingConfig(stop_words=[*matching.stop_words, "appel"])
    elif change == "thesaurus":
        matching = MatchingConfig(thesaurus=not matching.thesaurus)
    elif change == "code":
        monkeypatch.setattr(engine_module, "_products_code", lambda: "une autre version du code")
    else:
        monkeypatch.setattr("matcher.stash.FORMAT", 999)
    _score(path, synonyms=synonyms, matching=matching)
    assert len(built) == 7


def test_an_unreadable_product_is_computed_again_and_written_anew(tmp_path: Path, built: list[str]) -> None:
    path = tmp_path / "analyses.sqlite"
    first = _score(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE products SET data = ?", [b"pas du json"])
    built.clear()
    again = _score(path)
    assert len(built) == 7 and np.array_equal(first.scores, again.scores)
    built.clear()
    _score(path)
    assert built == []


def _score_in_process(path: str, count: int) -> None:
    _score(Path(path), calls=_calls(count))


def test_processes_writing_products_at_once_leave_them_all_readable(tmp_path: Path, built: list[str]) -> None:
    path = tmp_path / "analyses.sqlite"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_score_in_process, args=(str(path), count)) for count in (4, 6, 8, 8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    _score(path, calls=_calls(8))
    assert built == []
