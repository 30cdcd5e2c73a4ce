"""The crawl's store path records typed changes (SQLite and PostgreSQL), read back by source and day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from factories import opportunity
from models.changes import ChangeType
from models.records import MatchResult, OpportunityData
from models.store import Store
from models.vocab import ReviewStatus

DAY1, DAY2, DAY3 = date(2026, 11, 23), date(2026, 11, 30), date(2026, 12, 7)


def at(day: date) -> datetime:
    return datetime.combine(day, time(6), UTC)


def crawl(store: Store, day: date, *records: OpportunityData, complete: bool = True,
          unchanged: tuple[str, ...] = ()) -> None:
    store.store_crawl("occitanie", list(records), at(day), day, complete=complete, unchanged=unchanged)


def typed(store: Store, **filters: object) -> list[tuple]:
    return [(c.source_id, c.change.type, c.change.before, c.change.after, c.detected_on)
            for c in store.call_changes(**filters)]


def test_a_recrawl_records_each_typed_change_with_its_day(store: Store) -> None:
    crawl(store, DAY1, opportunity("a", close_dates=[date(2027, 3, 15)]), opportunity("b", amount_max=100_000))
    crawl(store, DAY2, opportunity("a", close_dates=[date(2027, 2, 1)]), opportunity("b", amount_max=250_000))
    assert typed(store) == [
        ("a", ChangeType.DEADLINE_ADVANCED, "2027-03-15", "2027-02-01", DAY2),
        ("b", ChangeType.AMOUNT_CHANGED, {"min": None, "max": 100_000}, {"min": None, "max": 250_000}, DAY2),
    ]


def test_the_same_call_seen_again_records_nothing(store: Store) -> None:
    for day in (DAY1, DAY2, DAY3):
        crawl(store, day, opportunity("a"), opportunity("b", title="Autre appel", summary=f"vu le {day}"))
    assert typed(store) == []


def test_a_call_gone_from_a_complete_listing_before_its_deadline_is_withdrawn(store: Store) -> None:
    crawl(store, DAY1, opportunity("a"), opportunity("b"), opportunity("c", close_dates=[date(2026, 11, 1)]))
    crawl(store, DAY2, opportunity("b"), complete=False)  # a failed crawl says nothing about the others
    assert typed(store) == []
    crawl(store, DAY2, opportunity("b"))
    assert typed(store) == [("a", ChangeType.CLOSED_EARLY, "2027-01-15", "retire", DAY2)]


def test_a_call_said_closed_before_its_deadline_then_open_again(store: Store) -> None:
    crawl(store, DAY1, opportunity("a"))
    crawl(store, DAY2, opportunity("a", stated_status="closed"))
    crawl(store, DAY3, opportunity("a"))
    assert typed(store) == [("a", ChangeType.CLOSED_EARLY, "2027-01-15", "clos", DAY2),
                            ("a", ChangeType.REOPENED, "clos", "2027-01-15", DAY3)]


def test_a_withdrawn_call_listed_again_unchanged_is_reopened(store: Store) -> None:
    crawl(store, DAY1, opportunity("a"), opportunity("b"))
    crawl(store, DAY2, opportunity("b"))
    crawl(store, DAY3, opportunity("b"), unchanged=("a",))  # its card as last time: not read again
    assert [t for _, t, *_ in typed(store)] == [ChangeType.CLOSED_EARLY, ChangeType.REOPENED]
    assert typed(store)[-1] == ("a", ChangeType.REOPENED, "retire", "2027-01-15", DAY3)


def test_changes_are_read_since_a_day_and_for_one_source(store: Store) -> None:
    crawl(store, DAY1, opportunity("a"))
    crawl(store, DAY2, opportunity("a", beneficiaries=["epci", "commune", "pme"]))
    crawl(store, DAY3, opportunity("a", beneficiaries=["epci", "commune", "pme"], close_dates=[date(2027, 2, 15)]))
    store.upsert_opportunity(opportunity("z", source="dge"), at(DAY1), DAY1)
    store.upsert_opportunity(opportunity("z", source="dge", amount_max=1_000), at(DAY3), DAY3)
    assert [t for _, t, *_ in typed(store, since=DAY3)] == [ChangeType.DEADLINE_POSTPONED, ChangeType.AMOUNT_CHANGED]
    assert [s for s, *_ in typed(store, source="dge")] == ["z"]
    assert [s for s, *_ in typed(store, since=DAY3, source="occitanie")] == ["a"]
    assert store.change_sources() == {"occitanie", "dge"}


def test_the_queue_hears_only_of_changes_after_the_last_decision(store: Store) -> None:
    from models.records import ContactData, FicheActionData, PlanData, PorteurData, TerritoryData

    store.import_plan(PlanData(
        territories=[TerritoryData(id="t", nom="T", geo_codes=["DEP-32"])],
        porteurs=[PorteurData(id="p", nom="P", type="epci", territoire="t", geo_codes=["DEP-32"],
                              contacts=[ContactData(email="p@example.org")])],
        fiches=[FicheActionData(id="F1", porteur_id="p", titre="Fiche")]), at(DAY1))
    crawl(store, DAY1, opportunity("a"), opportunity("b"))
    results = [MatchResult(fiche_id="F1", porteur_id="p", source="occitanie", source_id=s, score=0.5, eligible=True)
               for s in ("a", "b")]
    store.save_matches(results, {}, at(DAY1))
    crawl(store, DAY2, opportunity("a", close_dates=[date(2027, 1, 31)]), opportunity("b", amount_max=900_000))
    ids = {m.opportunity_id: m.id for m in store.matches()}
    [a_id, b_id] = [ids[i] for i, d in store.opportunities() if d.source_id in ("a", "b")]
    store.review(b_id, ReviewStatus.ACCEPTED, "camille", datetime.combine(DAY2, time(9), UTC))
    news = store.match_news([a_id, b_id])
    assert list(news) == [a_id] and [c.type for c in news[a_id]] == [ChangeType.DEADLINE_POSTPONED]
