"""The porteurs' space in the database, on SQLite and PostgreSQL: answers (once per contact and match, replaced
with history), link generations, one visit a day, what learning reads, the week's counts and the usage table."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from conftest import NOW
from factories import opportunity, plan
from models.records import MatchResult
from models.store import Store, WebQueries
from models.store.porteur_space import NEW, REPLACED, SAME
from models.vocab import ReviewStatus

WEEK_START = datetime(2026, 11, 23, tzinfo=UTC)


def filled(store: Store) -> tuple[int, int]:
    """(contact id, match id) of a porteur with one contact and one match."""
    store.import_plan(plan(), NOW)
    store.upsert_opportunity(opportunity(), NOW)
    store.save_matches([MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id="aap-1",
                                    score=0.8, eligible=True)], {}, NOW)
    return store.contacts()[0].id, store.matches()[0].id


def test_a_replayed_answer_counts_once_and_a_new_one_replaces_it(store: Store) -> None:
    contact, match = filled(store)
    outcomes = [store.record_answer(contact, match, "interesse", None, NOW),
                store.record_answer(contact, match, "interesse", None, NOW + timedelta(minutes=1)),
                store.record_answer(contact, match, "pas_pour_nous", "hors_sujet", NOW + timedelta(hours=1))]
    [(_, row)] = WebQueries(store).answers_of_matches([match])[match]
    assert outcomes == [NEW, SAME, REPLACED]
    assert (row.answer, row.reason) == ("pas_pour_nous", "hors_sujet")
    assert [h["answer"] for h in row.history] == ["interesse"]


def test_revoking_raises_the_generation(store: Store) -> None:
    contact, _ = filled(store)
    assert store.link_generation(contact) == 0
    assert WebQueries(store).revoke_links(contact, NOW) == 1 and WebQueries(store).revoke_links(contact, NOW) == 2
    assert store.link_generation(contact) == 2


def test_a_visit_is_counted_once_a_day(store: Store) -> None:
    contact, _ = filled(store)
    day = date(2026, 11, 24)
    assert [WebQueries(store).record_visit(contact, day), WebQueries(store).record_visit(contact, day),
            WebQueries(store).record_visit(contact, day + timedelta(days=1))] == [True, False, True]


def test_learning_reads_porteur_answers_where_the_chef_did_not_decide(store: Store) -> None:
    contact, match = filled(store)
    store.record_answer(contact, match, "je_depose", None, NOW)
    assert store.learning_decisions() == {("F1", "occitanie", "aap-1"): True}
    store.record_answer(contact, match, "pas_pour_nous", "pas_le_bon_moment", NOW)
    assert store.learning_decisions() == {}  # timing says nothing about the fit
    store.record_answer(contact, match, "pas_pour_nous", "pas_eligible", NOW)
    assert store.learning_decisions() == {("F1", "occitanie", "aap-1"): False}


def test_the_chefs_own_decision_wins_over_the_porteurs_answer(store: Store) -> None:
    contact, match = filled(store)
    store.record_answer(contact, match, "pas_pour_nous", "hors_sujet", NOW)
    store.review(match, ReviewStatus.ACCEPTED, "camille", NOW)
    assert store.learning_decisions() == {("F1", "occitanie", "aap-1"): True}


def test_the_weeks_answer_counts_and_the_usage_table(store: Store) -> None:
    contact, match = filled(store)
    store.record_answer(contact, match, "je_depose", None, NOW)
    WebQueries(store).record_visit(contact, NOW.date())
    counts = store.answer_counts("gers-lomagne", WEEK_START - timedelta(hours=1), WEEK_START + timedelta(days=7))
    [line] = store.usage(["gers-lomagne"], date(2026, 11, 1))
    assert counts == {"je_depose": 1}
    assert (line.week, line.opens, line.applying, line.interested) == ("2026-W48", 1, 1, 0)
    assert store.usage(["autre-territoire"], date(2026, 11, 1)) == []
