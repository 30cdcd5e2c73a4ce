"""The web app's store queries on SQLite and PostgreSQL (dialect-specific deadline SQL, JSON filters)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import inspect

from models.store import Store
from models.store.web_queue import QueueFilter
from models.vocab import ReviewStatus
from test_web_world import AS_OF, HOSTILE, NOW, fill


def _titles(store: Store, **filters: object) -> list[str]:
    return [r["title"] for r in store.review_queue(QueueFilter(**filters), AS_OF).rows]


def test_queue_filters_and_sorts_on_both_backends(store: Store) -> None:
    fill(store)
    assert _titles(store) == ["Réseaux de chaleur biomasse", "Ateliers de fabrication numérique",
                              "Recyclage des friches", HOSTILE]
    assert _titles(store, territories=["nord-ouest"]) == ["Ateliers de fabrication numérique"]
    assert _titles(store, funder="Région Occitanie") == ["Réseaux de chaleur biomasse"]
    assert _titles(store, sort="echeance", deadline_before=date(2026, 12, 11)) == [
        "Réseaux de chaleur biomasse", "Recyclage des friches"]
    assert _titles(store, territories=[]) == []


def test_decisions_dashboard_and_plan_matrix_on_both_backends(store: Store) -> None:
    fill(store)
    ids = [r["id"] for r in store.review_queue(QueueFilter(territories=["gers-lomagne"]), AS_OF).rows]
    store.decide(ids[:1], ReviewStatus.ACCEPTED, "camille", NOW)
    store.decide(ids[1:2], ReviewStatus.REJECTED, "camille", NOW, reason="montant")
    monday = datetime(2026, 11, 23, tzinfo=UTC)
    board = store.dashboard(["gers-lomagne"], AS_OF, monday)
    matrix = {line["fiche"].id: line["status"] for line in store.plan_matrix(["gers-lomagne"])}
    assert (board["new_calls"], board["waiting"], len(board["deadlines"])) == (4, 1, 2)
    assert matrix == {"F1": "accepte", "F2": "aucun"}


def test_search_ignores_accents_and_case(store: Store) -> None:
    fill(store)
    assert [c.title for c in store.search_calls("RESEAUX chaleur")] == ["Réseaux de chaleur biomasse"]
    assert [c.title for c in store.search_calls("", funder="Bpifrance")] == ["Ateliers de fabrication numérique"]


def test_calendar_tokens_are_stable_and_distinct(store: Store) -> None:
    fill(store)
    first, again = store.calendar_token("cc-lomagne", NOW), store.calendar_token("cc-lomagne", NOW)
    other = store.calendar_token("sica-nord", NOW)
    assert first == again != other and store.porteur_by_calendar_token(other) == "sica-nord"
    assert store.porteur_by_calendar_token("x") is None


def test_the_web_migration_adds_its_table_and_indexes(store: Store) -> None:
    inspector = inspect(store.engine)
    names = {i["name"] for i in inspector.get_indexes("match")}
    assert "calendar_feed" in inspector.get_table_names()
    assert {"ix_web_match_queue", "ix_web_match_score"} <= names
