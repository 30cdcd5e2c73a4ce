"""What changed in a call since a contact heard of it, said in French ("mis à jour" section).

Pure: the caller gives the earliest previous values of the changed fields (the `before` of the
change events since the call was last sent) and the call as it is now.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from models.records import OpportunityData
from notifier import labels

WATCHED = ("close_dates", "amount_max", "amount_min", "rate_max")
"""The changes a porteur acts on: relèves and deadlines, amounts, rate."""

_AMOUNT_WORDS = {"amount_max": "montant maximum", "amount_min": "montant minimum"}


def describe_changes(before: dict[str, Any], now: OpportunityData, as_of: date) -> list[str]:
    """French lines for what changed between `before` (field → previous JSON value) and `now`."""
    lines: list[str] = []
    if "close_dates" in before:
        old = {date.fromisoformat(str(d)) for d in before["close_dates"] or []}
        lines += describe_dates(old, set(now.close_dates), as_of)
    for field in ("amount_max", "amount_min"):
        if field in before:
            lines += _amount(field, before[field], getattr(now, field))
    if "rate_max" in before and before["rate_max"] != now.rate_max:
        lines.append(f"taux maximum porté à {labels.percent(now.rate_max)}" if now.rate_max
                     else "taux maximum retiré par le financeur")
    return lines


def describe_dates(old: set[date], new: set[date], as_of: date) -> list[str]:
    """A moved deadline when as many dates left as came; otherwise new relèves and removed ones."""
    added = sorted(d for d in new - old if d >= as_of)
    removed = sorted(d for d in old - new if d >= as_of)
    if added and len(added) == len(removed):
        return [f"date limite déplacée du {_short(a, b)} au {labels.fr_date(b)}" for a, b in zip(removed, added)]
    lines = [f"nouvelle relève le {labels.fr_date(d)}" for d in added]
    return lines + [f"relève du {labels.fr_date(d)} supprimée" for d in removed]


def _short(old: date, new: date) -> str:
    """15/01 when the year is the same as the new date's, else 15/01/2027."""
    return old.strftime("%d/%m") if old.year == new.year else labels.fr_date(old)


def _amount(field: str, old: Any, new: float | None) -> list[str]:
    if old == new or (old is not None and new is not None and round(float(old)) == round(new)):
        return []
    word = _AMOUNT_WORDS[field]
    if new is None:
        return [f"{word} retiré par le financeur"]
    return [f"{word} porté à {labels.euros(new)}"]


def merge_before(befores: list[dict[str, Any]]) -> dict[str, Any]:
    """Earliest previous value of each field over successive change events (oldest first)."""
    merged: dict[str, Any] = {}
    for before in befores:
        for key, value in before.items():
            merged.setdefault(key, value)
    return {k: v for k, v in merged.items() if k in WATCHED}
