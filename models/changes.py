"""Typed changes of a call between two crawls: what a porteur acts on, decided from the record as stored and the
record found now. Pure: records and the day in, changes out (no store, no clock).

Each change keeps its previous and new value as JSON-ready data (ISO dates, euros, vocabulary codes), so that
the same change reads in French in the letters, the review queue and `vigie changes`, and as is in JSON.
A value that becomes unknown (beneficiaries or an amount the page no longer states) is not a change: nothing
says the call changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from models.records import OpportunityData
from models.vocab import Status


class ChangeType(StrEnum):
    """The kinds of change a call goes through between two crawls."""

    NEW_RELEVE = "new_releve"
    DEADLINE_POSTPONED = "deadline_postponed"
    DEADLINE_ADVANCED = "deadline_advanced"
    RELEVE_REMOVED = "releve_removed"
    CLOSED_EARLY = "closed_early"
    """Closed (said « clos » by its source) or withdrawn from its source while a deadline was still ahead."""
    REOPENED = "reopened"
    BENEFICIARIES_CHANGED = "beneficiaries_changed"
    AMOUNT_CHANGED = "amount_changed"


WITHDRAWN = "retire"
"""`after` of a CLOSED_EARLY change: the call vanished from its source's listing."""
STATED_CLOSED = "clos"
"""`after` of a CLOSED_EARLY change: the source shows the call closed; `before` of a REOPENED change: it was."""


@dataclass(frozen=True)
class Change:
    """One typed change of a call."""

    type: ChangeType
    before: Any
    """Previous value: an ISO date (relève, deadline), the codes of the beneficiaries, {"min", "max"} euros;
    for REOPENED « clos » or « retire »; None when there was none (a new relève)."""
    after: Any
    """New value, same shapes; for CLOSED_EARLY « clos » or « retire »; None when there is none."""


def detect_changes(old: OpportunityData, new: OpportunityData | None, as_of: date,
                   old_listed: bool = True) -> list[Change]:
    """The changes from `old` (as stored; `old_listed`: still listed by its source then) to `new` (None: the
    source's complete listing no longer shows the call), as of the crawl day."""
    if new is None:
        return _withdrawn(old, as_of) if old_listed else []
    return [*date_changes(old.close_dates, new.close_dates, as_of), *_closing(old, new, as_of, old_listed),
            *_beneficiaries(old, new), *_amounts(old, new)]


def date_changes(old: list[date], new: list[date], as_of: date) -> list[Change]:
    """Relèves: a deadline moved when as many coming dates left as dates came (paired in order), else new relèves
    and removed ones. A relève already past that drops out is no news."""
    removed = sorted(d for d in set(old) - set(new) if d >= as_of)
    added = sorted(set(new) - set(old))
    if removed and len(added) == len(removed):
        return [_moved(a, b) for a, b in zip(removed, added, strict=True)]
    changes = [Change(ChangeType.NEW_RELEVE, None, d.isoformat()) for d in added if d >= as_of]
    return changes + [Change(ChangeType.RELEVE_REMOVED, d.isoformat(), None) for d in removed]


def _moved(old: date, new: date) -> Change:
    kind = ChangeType.DEADLINE_POSTPONED if new > old else ChangeType.DEADLINE_ADVANCED
    return Change(kind, old.isoformat(), new.isoformat())


def _closing(old: OpportunityData, new: OpportunityData, as_of: date, old_listed: bool) -> list[Change]:
    was_closed = not old_listed or old.status_on(as_of) == Status.CLOSED
    now_closed = new.status_on(as_of) == Status.CLOSED
    if was_closed and not now_closed:
        after = next_deadline(new, as_of)
        return [Change(ChangeType.REOPENED, STATED_CLOSED if old_listed else WITHDRAWN, after)]
    if now_closed and not was_closed and _term_ahead(old, as_of):
        return [Change(ChangeType.CLOSED_EARLY, next_deadline(old, as_of), STATED_CLOSED)]
    return []


def _withdrawn(old: OpportunityData, as_of: date) -> list[Change]:
    if old.status_on(as_of) == Status.CLOSED or not _term_ahead(old, as_of):
        return []
    return [Change(ChangeType.CLOSED_EARLY, next_deadline(old, as_of), WITHDRAWN)]


def _term_ahead(call: OpportunityData, as_of: date) -> bool:
    """A coming deadline, or a permanent guichet (no term at all); a call without dates has no known term."""
    return call.next_close_date(as_of) is not None or call.status_on(as_of) == Status.PERMANENT


def next_deadline(call: OpportunityData, as_of: date) -> str | None:
    """The call's next relève as an ISO date (None when none is coming)."""
    day = call.next_close_date(as_of)
    return day.isoformat() if day else None


def _beneficiaries(old: OpportunityData, new: OpportunityData) -> list[Change]:
    before, after = [str(b) for b in old.beneficiaries], [str(b) for b in new.beneficiaries]
    if not after or set(before) == set(after):
        return []
    return [Change(ChangeType.BENEFICIARIES_CHANGED, before, after)]


def _amounts(old: OpportunityData, new: OpportunityData) -> list[Change]:
    pairs = ((old.amount_min, new.amount_min), (old.amount_max, new.amount_max))
    if not any(amount_moved(a, b) for a, b in pairs):
        return []
    return [Change(ChangeType.AMOUNT_CHANGED, {"min": old.amount_min, "max": old.amount_max},
                       {"min": new.amount_min, "max": new.amount_max})]


def amount_moved(old: float | None, new: float | None) -> bool:
    """A bound changed to the euro, or became known; one the page no longer states is no change."""
    if new is None:
        return False
    return old is None or round(old) != round(new)
