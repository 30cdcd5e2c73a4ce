"""Writing a match run's results is a couple of bulk statements, not one row object per match: a cold `vigie match`
writes tens of thousands of pairs (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from conftest import NOW
from factories import opportunity, plan
from models.records import Criterion, MatchResult, Reason
from models.store import Store
from models.tables import Match
from models.vocab import ReviewStatus


def result(source_id: str, score: float) -> MatchResult:
    return MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id=source_id, score=score,
                       eligible=True, eligibility=[Criterion(criterion="territoire", verdict="ok", detail="Gers ✔")],
                       reasons=[Reason(feature="termes", weight=0.5, evidence="termes communs : chaufferie")])


@pytest.fixture
def stored(store: Store) -> Store:
    store.import_plan(plan(), NOW)
    for n in range(3):
        store.upsert_opportunity(opportunity(f"aap-{n}"), NOW)
    return store


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("a row object was built for one match")


def test_saving_results_builds_no_row_object_per_match(stored: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(Match, "__init__", refuse)
    saved = stored.save_matches([result(f"aap-{n}", 0.1 * n) for n in range(3)], {("F1", "occitanie", "aap-2"): 1}, NOW)
    assert saved == 3
    rows = sorted(stored.matches(), key=lambda m: m.score)
    assert [(m.score, m.rank, m.review_status) for m in rows] == [(0.0, None, "a_revoir"), (0.1, None, "a_revoir"),
                                                                    (0.2, 1, "a_revoir")]
    assert rows[0].reasons == [{"feature": "termes", "weight": 0.5, "evidence": "termes communs : chaufferie"}]


def test_rescoring_in_bulk_keeps_reviews_and_first_dates(stored: Store, monkeypatch: pytest.MonkeyPatch):
    stored.save_matches([result("aap-0", 0.4), result("aap-1", 0.3)], {}, NOW)
    first = {m.opportunity_id: m.id for m in stored.matches()}
    stored.review(max(first.values()), ReviewStatus.REJECTED, "camille", NOW, note="hors sujet", reason="hors sujet")
    monkeypatch.setattr(Match, "__init__", refuse)
    later = NOW + timedelta(days=7)
    assert stored.save_matches([result("aap-1", 0.9), result("aap-2", 0.2)], {("F1", "occitanie", "aap-1"): 1},
                               later) == 2
    rows = {m.id: m for m in stored.matches()}
    rescored = rows[max(first.values())]
    assert (rescored.score, rescored.rank, rescored.review_status, rescored.note) == (0.9, 1, "rejete", "hors sujet")
    assert (rescored.first_matched_at, rescored.scored_at) == (NOW, later)
    assert rows[min(first.values())].score == 0.4  # not in this run: left as it was
    assert len(rows) == 3
