"""The database lock of the scheduler: one process per job and per cron time, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from models.store import Store

SLOT = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
NOW = SLOT + timedelta(minutes=1)
TTL = timedelta(hours=1)


def test_the_first_claim_wins_and_a_second_holder_is_refused_for_the_same_slot(store: Store) -> None:
    assert store.claim_job("digest", "a:1", SLOT, NOW, TTL)
    assert not store.claim_job("digest", "b:2", SLOT, NOW, TTL)


def test_a_slot_done_and_released_is_not_run_again_by_another_scheduler(store: Store) -> None:
    assert store.claim_job("digest", "a:1", SLOT, NOW, TTL)
    store.release_job("digest", "a:1")
    assert not store.claim_job("digest", "b:2", SLOT, NOW + timedelta(minutes=5), TTL)


def test_the_next_slot_can_be_claimed_once_the_lease_is_released(store: Store) -> None:
    store.claim_job("digest", "a:1", SLOT, NOW, TTL)
    later = SLOT + timedelta(minutes=30)  # a cron every half hour, a:1 still running the previous one
    assert not store.claim_job("digest", "b:2", later, later, TTL)
    store.release_job("digest", "a:1")
    assert store.claim_job("digest", "b:2", later, later, TTL)


def test_a_holder_that_died_loses_its_lease_when_it_expires(store: Store) -> None:
    store.claim_job("crawl:csv", "a:1", SLOT, NOW, TTL)
    later = SLOT + timedelta(days=1)
    assert store.claim_job("crawl:csv", "b:2", later, NOW + TTL + timedelta(seconds=1), TTL)


def test_the_same_holder_may_claim_its_own_slot_again_after_a_failed_step(store: Store) -> None:
    assert store.claim_job("retrain", "a:1", SLOT, NOW, TTL)
    assert store.claim_job("retrain", "a:1", SLOT, NOW, TTL)


def test_two_threads_racing_for_a_new_job_get_exactly_one_win(store: Store) -> None:
    barrier, wins = threading.Barrier(4), []

    def race(holder: str) -> None:
        barrier.wait()
        wins.append(store.claim_job("dead_links", holder, SLOT, NOW, TTL))

    threads = [threading.Thread(target=race, args=(f"h:{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(wins) == [False, False, False, True]


def test_job_runs_are_recorded_and_the_latest_per_job_is_reported(store: Store) -> None:
    first = store.start_job_run("digest", SLOT, "a:1", NOW)
    store.finish_job_run(first, "failed", "base de données indisponible", 5, NOW)
    second = store.start_job_run("digest", SLOT + timedelta(days=7), "a:1", NOW + timedelta(days=7))
    store.finish_job_run(second, "ok", "semaine 2026-W49 : 2 written", 1, NOW + timedelta(days=7))
    store.start_job_run("retrain", SLOT, "a:1", NOW)
    last = store.last_job_runs()
    assert (last["digest"].outcome, last["digest"].message) == ("ok", "semaine 2026-W49 : 2 written")
    assert last["retrain"].outcome == "running"
    assert [r.attempts for r in store.job_runs("digest")] == [5, 1]
