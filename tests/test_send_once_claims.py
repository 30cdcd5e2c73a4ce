"""Claims on letters, on SQLite and PostgreSQL: one conditional UPDATE that exactly one claimant wins; a claim is
taken over at once when its holder is a dead process of this machine, only after its lease from anywhere else."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import timedelta

from conftest import NOW
from models.store import Store
from models.store.digests import Claim, DigestRequest
from notifier.claims import start_ticks, this_holder
from vigie.pipeline.clock import utcnow
from vigie.pipeline.digest_send import Claimant

LEASE = timedelta(minutes=15)


def pending_letter(store: Store, claim: Claim | None = None) -> int:
    """A letter recorded for the week (claimed by `claim` when given); its id."""
    request = DigestRequest("dev@example.org", "porteur", "2026-W48", "hash", "<1@example.org>", [])
    return store.record_digest(request, NOW, claim).id


def claim(holder: str, at=NOW) -> Claim:  # noqa: ANN001 - datetime
    return Claim(holder, at, at + LEASE)


def test_of_two_claimants_of_a_pending_letter_exactly_one_wins(store: Store) -> None:
    letter = pending_letter(store)
    assert store.claim_digest(letter, claim("a")) is True
    assert store.claim_digest(letter, claim("b")) is False
    [digest] = store.digests()
    assert digest.claimed_by == "a" and digest.status == "pending"


def test_a_letter_recorded_by_one_sender_is_not_recorded_again_by_another(store: Store) -> None:
    letter = pending_letter(store, claim("a"))
    request = DigestRequest("dev@example.org", "porteur", "2026-W48", "other", "<2@example.org>", [])
    again = store.record_digest(request, NOW, claim("b"))
    assert (again.id, again.claimed_by, again.message_id) == (letter, "a", "<1@example.org>")


def test_a_claim_from_elsewhere_is_taken_only_once_its_lease_is_over(store: Store) -> None:
    letter = pending_letter(store, claim("autre-machine|pid:[1]|42|7|run"))
    assert store.claim_digest(letter, claim("b", NOW + LEASE - timedelta(seconds=1))) is False
    assert store.claim_digest(letter, claim("b", NOW + LEASE + timedelta(seconds=1))) is True


def test_a_sent_or_refused_letter_is_never_claimed(store: Store) -> None:
    letter = pending_letter(store)
    store.mark_digest(letter, "sent", NOW)
    assert store.claim_digest(letter, claim("b", NOW + 10 * LEASE)) is False


def test_a_claim_left_by_a_killed_process_of_this_machine_is_taken_over_at_once(store: Store) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = replace(this_holder(), pid=child.pid, started=start_ticks(child.pid) or "")
    child.kill()
    child.wait()
    letter = pending_letter(store, claim(str(dead), utcnow()))  # its lease still running
    [recorded] = store.digests()
    assert Claimant(store, LEASE).take(recorded) is True
    assert store.digests()[0].claimed_by != str(dead) and letter == recorded.id


def test_a_claim_of_a_live_sender_is_left_to_it_even_in_the_same_process(store: Store) -> None:
    holding = Claimant(store, LEASE)
    pending_letter(store, holding.claim())
    [recorded] = store.digests()
    assert Claimant(store, LEASE).take(recorded) is False  # another run of this process (the web app)
