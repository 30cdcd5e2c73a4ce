"""The store on SQLite and PostgreSQL: upsert outcomes, change history, closing, plan import, matches."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import inspect

from conftest import NOW
from factories import opportunity, plan
from models.errors import DatabaseError
from models.records import Criterion, MatchResult
from models.store import Store
from models.store.migrate import current_revisions, head_revisions
from models.vocab import ChangeKind, ReviewStatus, UpsertOutcome

AS_OF = date(2026, 11, 24)


def test_open_creates_every_table_at_the_head_revision(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {"opportunity", "opportunityevent", "match", "digest", "user", "alembic_version"} <= tables
    assert current_revisions(store.engine) == head_revisions()


def test_first_upsert_is_new_and_a_repeat_is_unchanged(store: Store) -> None:
    first = store.upsert_opportunity(opportunity(), NOW)
    again = store.upsert_opportunity(opportunity(), NOW + timedelta(days=1))
    assert (first.outcome, again.outcome) == (UpsertOutcome.NEW, UpsertOutcome.UNCHANGED)
    assert first.opportunity_id == again.opportunity_id


def test_volatile_fields_do_not_count_as_a_change(store: Store) -> None:
    store.upsert_opportunity(opportunity(), NOW)
    result = store.upsert_opportunity(opportunity(raw={"fetched": "again"}, status="open"), NOW)
    assert result.outcome == UpsertOutcome.UNCHANGED


def test_a_new_releve_is_a_change_recorded_with_its_previous_value(store: Store) -> None:
    first = store.upsert_opportunity(opportunity(), NOW)
    dates = [date(2027, 1, 15), date(2027, 5, 15)]
    result = store.upsert_opportunity(opportunity(close_dates=dates, amount_max=800_000), NOW)
    assert result.outcome == UpsertOutcome.CHANGED
    assert result.changed_fields == ["amount_max", "close_dates"]
    events = store.history(first.opportunity_id)
    assert [e.kind for e in events] == ["new", "changed"]
    assert events[1].before == {"amount_max": 500_000.0, "close_dates": ["2027-01-15"]}


def test_a_call_no_longer_listed_is_closed_then_reopened_when_it_returns(store: Store) -> None:
    store.store_crawl("occitanie", [opportunity("a"), opportunity("b")], NOW, AS_OF, complete=True)
    counts = store.store_crawl("occitanie", [opportunity("a")], NOW, AS_OF, complete=True)
    assert (counts.unchanged, counts.closed) == (1, 1)
    back = store.store_crawl("occitanie", [opportunity("a"), opportunity("b")], NOW, AS_OF, complete=True)
    assert back.reopened == 1
    ids = {d.source_id: i for i, d in store.opportunities()}
    assert [e.kind for e in store.history(ids["b"])] == ["new", "closed", "reopened"]


def test_an_incomplete_crawl_closes_nothing(store: Store) -> None:
    store.store_crawl("occitanie", [opportunity("a"), opportunity("b")], NOW, AS_OF, complete=True)
    counts = store.store_crawl("occitanie", [], NOW, AS_OF, complete=False)
    assert counts.closed == 0
    assert len(store.opportunities(include_closed=False, as_of=AS_OF)) == 2


def test_a_call_past_its_last_date_is_closed(store: Store) -> None:
    store.store_crawl("occitanie", [opportunity("a")], NOW, AS_OF, complete=True)
    later = date(2027, 2, 1)
    counts = store.store_crawl("occitanie", [opportunity("a")], NOW, later, complete=True)
    assert counts.closed == 1
    assert store.opportunities(as_of=later)[0][1].status == "closed"


def test_plan_import_is_idempotent_and_reports_updates(store: Store) -> None:
    first = store.import_plan(plan(), NOW)
    again = store.import_plan(plan(), NOW)
    changed = store.import_plan(plan("Chaufferie bois et réseau de chaleur mutualisé."), NOW)
    assert (first.fiches_new, first.porteurs_new, first.contacts_new) == (1, 1, 1)
    assert (again.fiches_unchanged, again.porteurs_unchanged, again.contacts_new) == (1, 1, 0)
    assert changed.updated_fiche_ids == ["F1"]
    stored = store.plan()
    assert stored.fiches[0].description.startswith("Chaufferie bois et réseau")
    assert [str(c.email) for c in stored.porteurs[0].contacts] == ["dev@example.org"]


def _result(score: float) -> MatchResult:
    return MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id="aap-1",
                       score=score, eligible=True,
                       eligibility=[Criterion(criterion="territoire", verdict="ok", detail="Occitanie ✔")])


def test_rescoring_keeps_the_review_and_first_matched_at(store: Store) -> None:
    store.import_plan(plan(), NOW)
    store.upsert_opportunity(opportunity(), NOW)
    store.save_matches([_result(0.4)], {("F1", "occitanie", "aap-1"): 1}, NOW)
    match = store.matches()[0]
    store.review(match.id, ReviewStatus.ACCEPTED, "camille", NOW, note="à relayer")
    store.save_matches([_result(0.7)], {}, NOW + timedelta(days=7))
    again = store.matches()[0]
    assert (again.score, again.review_status, again.note) == (0.7, "accepte", "à relayer")
    assert again.first_matched_at == NOW
    assert again.eligibility[0]["detail"] == "Occitanie ✔"


def test_crawl_failures_are_counted_until_a_success(store: Store) -> None:
    from models.store import CrawlCounts

    for _ in range(2):
        store.record_crawl("idf", "opendatasoft", NOW, NOW, CrawlCounts(), "site injoignable")
    assert store.failing_sources(2)[0].last_error == "site injoignable"
    store.record_crawl("idf", "opendatasoft", NOW, NOW, CrawlCounts(new=3), None)
    health = store.sources_health()[0]
    assert (health.consecutive_failures, health.last_error, health.last_item_count) == (0, None, 3)


def test_http_410_disables_the_source(store: Store) -> None:
    from models.store import CrawlCounts

    store.record_crawl("vieux", "rss", NOW, NOW, CrawlCounts(), "la source a répondu 410", gone=True)
    assert store.sources_health()[0].disabled_reason == "la source a répondu 410"


def test_an_unreachable_postgresql_gives_a_clear_french_error() -> None:
    with pytest.raises(DatabaseError) as error:
        Store.open("postgresql://vigie:secret@127.0.0.1:1/vigie")
    assert "base de données injoignable" in str(error.value)
    assert "secret" not in str(error.value)


def test_an_old_database_is_upgraded_when_opened(db_url: str) -> None:
    from alembic import command

    from models.store.migrate import alembic_config

    store = Store.open(db_url)
    store.upsert_opportunity(opportunity(), NOW)
    config = alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert current_revisions(store.engine) == set()
    store.close()
    reopened = Store.open(db_url)
    assert current_revisions(reopened.engine) == head_revisions()
    assert reopened.opportunities() == []
    reopened.close()


def test_the_migrations_build_exactly_the_schema_the_models_describe(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []
