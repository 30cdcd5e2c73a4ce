"""The web app's store queries on SQLite and PostgreSQL (dialect-specific deadline SQL, JSON filters)."""

from __future__ import annotations

from datetime import date

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
import pytest
from sqlalchemy import inspect
from sqlmodel import SQLModel

from models.store import Store, WebQueries
from models.store.web_queue import QueueFilter
from models.tables import Match
from models.vocab import ReviewStatus
from notifier import iso_week, week_span
from test_web_world import AS_OF, HOSTILE, NOW, add_marginal, fill

THRESHOLD = 0.2


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
    WebQueries(store).decide(ids[:1], ReviewStatus.ACCEPTED, "camille", NOW)
    WebQueries(store).decide(ids[1:2], ReviewStatus.REJECTED, "camille", NOW, reason="montant")
    board = WebQueries(store).dashboard(["gers-lomagne"], AS_OF, week_span(iso_week(AS_OF)), THRESHOLD)
    waiting = store.count_queue(QueueFilter(territories=["gers-lomagne"], min_score=THRESHOLD), AS_OF)
    matrix = {line["fiche"].id: line["status"] for line in WebQueries(store).plan_matrix(["gers-lomagne"], THRESHOLD)}
    assert (board["new_calls"], waiting, len(board["deadlines"])) == (4, 1, 2)
    assert matrix == {"F1": "accepte", "F2": "aucun"}


def test_marginal_matches_below_the_threshold_count_nowhere_on_both_backends(store: Store) -> None:
    fill(store)
    add_marginal(store, "F2", "aap-1", 0.1)  # eligible but far below the threshold
    add_marginal(store, "N1", "aap-1", 0.1)
    queries = WebQueries(store)
    board = queries.dashboard(None, AS_OF, week_span(iso_week(AS_OF)), THRESHOLD)
    matrix = {line["fiche"].id: (line["status"], line["candidates"]) for line in queries.plan_matrix(None, THRESHOLD)}
    fiches_per_call = {title: n for _, title, _, n in board["deadlines"]}
    assert fiches_per_call["Réseaux de chaleur biomasse"] == 1
    assert matrix == {"F1": ("candidats", 2), "F2": ("candidats", 1), "N1": ("candidats", 1)}
    assert store.count_queue(QueueFilter(min_score=THRESHOLD), AS_OF) == 4
    assert store.count_queue(QueueFilter(), AS_OF) == 6
    assert len(store.export_rows(None, THRESHOLD)) == 4


def test_an_accepted_match_below_the_threshold_still_counts(store: Store) -> None:
    fill(store)
    add_marginal(store, "F2", "aap-1", 0.1)
    low = next(m.id for m in store.matches() if m.score == 0.1)
    WebQueries(store).decide([low], ReviewStatus.ACCEPTED, "camille", NOW)
    board = WebQueries(store).dashboard(None, AS_OF, week_span(iso_week(AS_OF)), THRESHOLD)
    assert {title: n for _, title, _, n in board["deadlines"]}["Réseaux de chaleur biomasse"] == 2


@pytest.mark.parametrize("words,funder,titles", [
    ("RESEAUX chaleur", "", ["Réseaux de chaleur biomasse"]),
    ("réseau de la chaleur", "", ["Réseaux de chaleur biomasse"]),  # singular, function words ignored
    ("friche", "", ["Recyclage des friches"]),
    ("atelier numériques", "", ["Ateliers de fabrication numérique"]),
    ("chaleur friches", "", []),
    ("", "bpifrance", ["Ateliers de fabrication numérique"]),
])
def test_search_reads_french_words_not_strings(store: Store, words: str, funder: str, titles: list[str]) -> None:
    fill(store)
    assert [c.title for c in WebQueries(store).search_calls(words, funder=funder)] == titles


def test_search_can_list_the_calls_first_seen_this_week(store: Store) -> None:
    fill(store)
    from notifier import week_span

    assert len(WebQueries(store).search_calls("", seen_in=week_span("2026-W48"))) == 4
    assert WebQueries(store).search_calls("", seen_in=week_span("2026-W49")) == []
    assert WebQueries(store).search_calls("", seen_in=week_span("2026-W47")) == []


def test_calendar_tokens_are_stable_and_distinct(store: Store) -> None:
    fill(store)
    first, again = store.calendar_token("cc-lomagne", NOW), store.calendar_token("cc-lomagne", NOW)
    other = store.calendar_token("sica-nord", NOW)
    assert first == again != other and WebQueries(store).porteur_by_calendar_token(other) == "sica-nord"
    assert WebQueries(store).porteur_by_calendar_token("x") is None


def test_the_web_migration_adds_its_table_and_indexes(store: Store) -> None:
    inspector = inspect(store.engine)
    names = {i["name"] for i in inspector.get_indexes("match")}
    assert "calendar_feed" in inspector.get_table_names()
    assert {"ix_web_match_queue", "ix_web_match_score"} <= names


def _names(diff: object) -> set[str]:
    """Names of the tables and indexes an alembic diff entry touches (entries may nest)."""
    if isinstance(diff, list):
        return set().union(*(_names(d) for d in diff))
    return {getattr(part, "name", "") or "" for part in diff if hasattr(part, "name")} | \
        {part for part in diff if isinstance(part, str) and part.startswith(("ix_", "calendar"))}


def test_the_models_declare_what_the_web_migration_creates_on_both_backends(store: Store) -> None:
    with store.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    web = [d for d in diffs if any(n.startswith(("ix_web_", "calendar_feed")) for n in _names(d))]
    assert web == []
    assert {"ix_web_match_queue", "ix_web_match_score"} <= {i.name for i in Match.__table__.indexes}


def test_a_funder_filter_finds_every_spelling_of_the_funder_on_both_backends(store: Store) -> None:
    from factories import opportunity
    from models.funders import FunderNames
    from models.records import MatchResult

    fill(store)
    long_name = "AGENCE DE L ENVIRONNEMENT ET DE LA MAITRISE DE L ENERGIE (ADEME)"
    store.upsert_opportunity(opportunity("aap-5", title="Décarbonation", funders=[long_name],
                                         beneficiaries=["association"]), NOW)
    store.save_matches([MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id="aap-5",
                                    score=0.6, eligible=True)], {}, NOW)
    names = FunderNames.from_table([("ADEME", [])])
    spellings = names.spellings("ADEME", WebQueries(store).funder_spellings())
    assert spellings == ["ADEME", long_name]
    assert set(_titles(store, funder="ADEME", funder_spellings=tuple(spellings))) == {
        "Décarbonation", "Recyclage des friches", HOSTILE}
    assert {c.title for c in WebQueries(store).search_calls("", funder="ADEME", funder_names=names)} == {
        "Décarbonation", "Recyclage des friches", HOSTILE}
    assert [c.title for c in WebQueries(store).search_calls("", beneficiary="association")] == ["Décarbonation"]
