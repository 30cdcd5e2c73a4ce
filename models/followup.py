"""Dossiers waiting too long for an outcome: a « déposé » match with neither « obtenu » nor « refusé »
OVERDUE_DAYS days after its call's deadline. Pure: the caller gives the follow-up, the close dates and today.

The deadline of a dossier is the relève it was filed for: the first close date on or after its follow-up date
(a dossier goes in before its deadline); without a follow-up date, or filed after every close date, the last
close date already passed. A call without any close date (a permanent guichet) counts from the filing itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.vocab import FollowUp

OVERDUE_DAYS = 90
"""Days after the deadline past which a filed dossier without outcome is listed for the chef de projet."""


@dataclass(frozen=True)
class OverdueDossier:
    """A filed dossier still without an outcome."""

    match_id: int
    deadline: date
    """The deadline it was filed for (or its filing day for a permanent call)."""
    days: int
    """Days elapsed since that deadline."""


def dossier_deadline(close_dates: Sequence[date], filed_on: date | None, today: date) -> date | None:
    """The deadline a filed dossier answers (see the module); None when nothing dates it."""
    dates = sorted(close_dates)
    if filed_on is not None:
        after = [d for d in dates if d >= filed_on]
        if after:
            return after[0]
    past = [d for d in dates if d <= today]
    if past:
        return past[-1]
    return filed_on if not dates else None


def overdue(match_id: int, status: str | None, close_dates: Sequence[date], filed_on: date | None,
            today: date) -> OverdueDossier | None:
    """The dossier when it is « déposé » and its deadline is at least OVERDUE_DAYS days behind `today`."""
    if status != FollowUp.FILED:
        return None
    deadline = dossier_deadline(close_dates, filed_on, today)
    if deadline is None or (today - deadline).days < OVERDUE_DAYS:
        return None
    return OverdueDossier(match_id, deadline, (today - deadline).days)
