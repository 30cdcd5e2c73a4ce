"""Recording what a porteur contact answers (from a letter's link or their space) and the follow-up they set:
only for a match of their own porteur; « je dépose » moves the follow-up to « à déposer » unless it is already
further; the amounts the chef de projet recorded are kept as they are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.answers import clean_reason, followup_after, is_answer
from models.display_labels import FOLLOWUP_LABELS
from models.store import Store
from models.tables import Contact, Match
from vigie.pipeline.clock import utcnow


class NotTheirs(Exception):
    """The match is unknown, or of another porteur than the contact's: nothing is recorded."""


@dataclass(frozen=True)
class AnswerResult:
    """What recording an answer did."""

    outcome: str
    """models.store.porteur_space: nouvelle | inchangée | remplacée."""
    followup_set: bool
    """« je dépose » moved the follow-up to « à déposer »."""


def own_match(store: Store, contact: Contact, match_id: int) -> Match:
    """The match, when it is one of the contact's porteur; NotTheirs otherwise."""
    [match] = store.match_rows([match_id]) or [None]
    if match is None or match.porteur_id != contact.porteur_id:
        raise NotTheirs(match_id)
    return match


def record_answer(store: Store, contact: Contact, match_id: int, answer: str, reason: str | None,
                  today: date) -> AnswerResult:
    """Keep the contact's answer (a replay counts once, a different one replaces it) and its follow-up effect."""
    if not is_answer(answer):
        raise NotTheirs(match_id)
    match = own_match(store, contact, match_id)
    outcome = store.record_answer(contact.id, match.id, answer, clean_reason(answer, reason), utcnow())
    status = followup_after(answer, match.followup_status)
    if status is not None:
        keep_amounts_followup(store, match, status, today)
    return AnswerResult(outcome, status is not None)


def set_porteur_followup(store: Store, contact: Contact, match_id: int, status: str, at: date | None) -> None:
    """The follow-up the porteur gives from their space (à étudier … refusé, and its date)."""
    if status not in FOLLOWUP_LABELS:
        raise NotTheirs(match_id)
    keep_amounts_followup(store, own_match(store, contact, match_id), status, at)


def keep_amounts_followup(store: Store, match: Match, status: str, at: date | None) -> None:
    """Store.set_followup with the amounts already recorded on the match left unchanged."""
    kept = {"requested": match.amount_requested} if hasattr(match, "amount_requested") else {}
    store.set_followup(match.id, status, at, match.amount_obtained, **kept)
