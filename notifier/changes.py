"""What changed in a call since a contact heard of it, said in French ("mis à jour" section).

Pure: the caller gives the earliest previous values of the changed fields (the `before` of the
change events since the call was last sent) and the call as it is now.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from models.changes import Change, ChangeType, detect_changes
from models.display_changes import change_sentence
from models.records import OpportunityData
from notifier import labels

WATCHED = ("close_dates", "amount_max", "amount_min", "rate_max", "beneficiaries")
"""The changes a porteur acts on: relèves and deadlines, amounts, rate, who may apply."""

FLAGGED = {ChangeType.DEADLINE_ADVANCED}
"""Changes a letter flags: a deadline moved earlier leaves less time than the porteur was told."""


def describe_changes(before: dict[str, Any], now: OpportunityData, as_of: date) -> list[str]:
    """French lines for what changed between `before` (field → previous JSON value) and `now`: the typed changes
    (models.changes, worded by models.display_changes), a deadline moved earlier flagged, then the rate."""
    lines = [_line(c) for c in call_changes(before, now, as_of)]
    if "rate_max" in before and before["rate_max"] != now.rate_max:
        lines.append(f"taux maximum porté à {labels.percent(now.rate_max)}" if now.rate_max
                     else "taux maximum retiré par le financeur")
    return lines


def call_changes(before: dict[str, Any], now: OpportunityData, as_of: date) -> list[Change]:
    """The typed changes from the call as it was (`now` with the previous values of `before`) to `now`."""
    previous = {k: v for k, v in before.items() if k in WATCHED and k != "rate_max"}
    if not previous:
        return []
    old = OpportunityData.model_validate({**now.model_dump(), **previous})
    return detect_changes(old, now, as_of)


def is_flagged(before: dict[str, Any], now: OpportunityData, as_of: date) -> bool:
    """Whether the changes include one every contact who heard of the call must hear of (deadline moved earlier)."""
    return any(c.type in FLAGGED for c in call_changes(before, now, as_of))


def _line(change: Change) -> str:
    sentence = change_sentence(change)
    return f"Attention : {sentence}" if change.type in FLAGGED else sentence


def merge_before(befores: list[dict[str, Any]]) -> dict[str, Any]:
    """Earliest previous value of each field over successive change events (oldest first)."""
    merged: dict[str, Any] = {}
    for before in befores:
        for key, value in before.items():
            merged.setdefault(key, value)
    return {k: v for k, v in merged.items() if k in WATCHED}
