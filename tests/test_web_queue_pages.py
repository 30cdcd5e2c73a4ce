"""The review queue read page by page without sorting every match: the same rows, order and totals as the
definitions say (filters, « à relire », score or deadline order), on both backends; the window arithmetic."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import event, text
from sqlmodel import select

from conftest import NOW
from factories import opportunity
from models.records import FicheActionData, MatchResult, PlanData, PorteurData, TerritoryData
from models.store import Store, WebQueries
from models.store.queue_pages import deadline_groups, deadline_window
from models.store.web_queue import QueueFilter, review_filter
from models.store.web_views import call_status
from models.tables import FicheAction, Match, Opportunity, Porteur
from models.vocab import ReviewStatus, Status

AS_OF = date(2026, 11, 23)
FUNDERS = [["ADEME"], ["Bpifrance"], ["ADEME", "Région Occitanie"], []]


def test_deadline_groups_sum_calls_of_one_day_nearest_first_and_none_last() -> None:
    per_call = [("2027-01-15", 3), (None, 2), ("2026-12-01", 1), ("2027-01-15", 4), ("2026-12-20", 0), (None, 1)]
    assert deadline_groups(per_call) == [("2026-12-01", 1), ("2027-01-15", 7), (None, 3)]


@pytest.mark.parametrize(("offset", "limit", "expected"), [
    (0, 5, [("a", 0, 3), ("b", 0, 2)]),
    (3, 5, [("b", 0, 5)]),
    (4, 10, [("b", 1, 6), (None, 0, 4)]),
    (12, 5, [(None, 2, 2)]),
    (14, 5, []),
], ids=["first-page", "one-group", "across-groups", "last-rows", "past-the-end"])
def test_deadline_window_says_which_groups_a_page_reads(offset: int, limit: int, expected: list) -> None:
    assert deadline_window([("a", 3), ("b", 7), (None, 4)], offset, limit) == expected


def _world(store: Store) -> None:
    """Two territories, 4 porteurs × 2 fiches, 24 calls (shared deadlines, none, closed ones), every status."""
    pick = random.Random(7)
    porteurs = [PorteurData(id=f"p{i}", nom=f"Porteur {i}", type="epci", territoire="t-a" if i < 3 else "t-b")
                for i in range(4)]
    fiches = [FicheActionData(id=f"p{i}-f{j}", porteur_id=f"p{i}", titre=f"Fiche {j}", axe=["foncier", "innovation"][j])
              for i in range(4) for j in range(2)]
    store.import_plan(PlanData(territories=[TerritoryData(id="t-a", nom="A"), TerritoryData(id="t-b", nom="B")],
                               porteurs=porteurs, fiches=fiches), NOW)
    for k in range(24):
        closes = [] if k % 6 == 0 else [AS_OF + timedelta(days=10 * (k % 4) - 15), date(2027, 3, 1 + k % 3)]
        store.upsert_opportunity(opportunity(f"c{k}", funders=FUNDERS[k % 4], close_dates=closes,
                                             stated_status=Status.CLOSED if k == 5 else None), NOW)
    store.save_matches([MatchResult(fiche_id=f.id, porteur_id=f.porteur_id, source="occitanie", source_id=f"c{k}",
                                    score=pick.choice([0.1, 0.3, 0.5, 0.5, 0.8]), eligible=pick.random() < 0.8)
                        for f in fiches for k in range(24)], {}, NOW)
    _review(store, pick)


def _review(store: Store, pick: random.Random) -> None:
    with store.session() as session:
        ids = list(session.exec(select(Match.id).order_by(Match.id)).all())
    queries = WebQueries(store)
    for match_id in ids:
        roll = pick.random()
        if roll < 0.15:
            queries.decide([match_id], ReviewStatus.ACCEPTED, "camille", NOW)
        elif roll < 0.3:
            queries.decide([match_id], ReviewStatus.REJECTED, "camille", NOW, reason="hors_sujet")
        elif roll < 0.45:
            until = AS_OF + timedelta(days=pick.choice([-3, 0, 4]))
            queries.decide([match_id], ReviewStatus.SNOOZED, "camille", NOW, snoozed_until=until)
    with store.session() as session:  # a pending match that kept an old snooze date still waits
        session.execute(text("UPDATE match SET snoozed_until = :d WHERE id = :i"), {"d": AS_OF + timedelta(days=9),
                                                                                     "i": ids[-1]})


def _expected(store: Store, f: QueueFilter) -> list[int]:
    """The queue as its definitions say, computed row by row in Python."""
    with store.session() as session:
        rows = session.exec(select(Match, Opportunity, Porteur, FicheAction)
                            .join(Opportunity, Opportunity.id == Match.opportunity_id)
                            .join(Porteur, Porteur.id == Match.porteur_id)
                            .join(FicheAction, FicheAction.id == Match.fiche_id)).all()
    kept = []
    for m, call, porteur, fiche in rows:
        deadline = min((d for d in call.close_dates if d >= AS_OF.isoformat()), default=None)
        waiting = m.review_status == ReviewStatus.PENDING.value or (
            m.review_status == ReviewStatus.SNOOZED.value and m.snoozed_until is not None and m.snoozed_until <= AS_OF)
        tests = [
            f.territories is None or porteur.territoire_id in f.territories,
            not f.axe or fiche.axe == f.axe,
            f.status != "a_revoir" or (waiting and call_status(call, AS_OF) != Status.CLOSED),
            f.status in ("", "a_revoir") or m.review_status == f.status,
            f.eligible == "" or m.eligible == (f.eligible == "oui"),
            f.min_score is None or m.score >= f.min_score,
            not f.funder or f.funder in call.funders,
            not f.deadline_before or (deadline is not None and deadline <= f.deadline_before.isoformat()),
        ]
        if all(tests):
            kept.append((m, deadline))
    if f.sort == "echeance":
        kept.sort(key=lambda t: (t[1] is None, t[1] or "", -t[0].score, t[0].id))
    else:
        kept.sort(key=lambda t: (-t[0].score, -t[0].id))
    return [m.id for m, _ in kept]


FILTERS = {
    "to-review": review_filter(0.3),
    "to-review-by-deadline": replace(review_filter(0.3), sort="echeance"),
    "territory-by-deadline": replace(review_filter(0.0, ["t-a"]), sort="echeance"),
    "funder-by-deadline": replace(review_filter(0.3), sort="echeance", funder="ADEME"),
    "funder-by-score": replace(review_filter(0.3), funder="ADEME"),
    "deadline-before": replace(review_filter(0.0), deadline_before=AS_OF + timedelta(days=20)),
    "every-status-by-deadline": QueueFilter(status="", eligible="", sort="echeance"),
    "accepted-axe": QueueFilter(status=ReviewStatus.ACCEPTED.value, eligible="", axe="innovation"),
    "no-territory": replace(review_filter(0.3, []), sort="echeance"),
}


@pytest.mark.parametrize("name", FILTERS)
def test_every_page_of_the_queue_is_the_definition_in_its_order_on_both_backends(store: Store, name: str) -> None:
    _world(store)
    f = FILTERS[name]
    expected = _expected(store, f)
    pages = [store.review_queue(f, AS_OF, page=n, per_page=7) for n in range(1, len(expected) // 7 + 3)]
    assert [r["id"] for page in pages for r in page.rows] == expected
    assert {page.total for page in pages} == {len(expected)} and store.count_queue(f, AS_OF) == len(expected)


def test_the_first_page_by_score_is_read_in_score_order_without_sorting_every_match(tmp_path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'vigie.db'}")
    _world(store)
    plans: list[str] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def explain(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT") and "ORDER BY" in statement:
            plans.extend(row[3] for row in conn.connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters))

    store.review_queue(review_filter(0.3, ["t-a"]), AS_OF)
    assert any("ix_web_match_score" in line for line in plans)
    assert not any("TEMP B-TREE FOR ORDER BY" in line for line in plans)
    store.close()
