"""The one place Vigie reads "today" and "now".

`--as-of` / `VIGIE_AS_OF` fix the day for the whole process (`fix_today`); every stored timestamp that
a week, a reminder or a "new" depends on (a call's first_seen, a review, a letter's sent_at…) then falls
on that day, at the wall clock's time of day so that order within a run is kept. Without a fixed day,
the wall clock. Matching and selection take `as_of` as a parameter and never call this module.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

_fixed_day: date | None = None


def fix_today(day: date | None) -> None:
    """Fix "today" (a Paris day) for this process; None goes back to the wall clock."""
    global _fixed_day  # noqa: PLW0603 - one process-wide "today", set once by the CLI
    _fixed_day = day


def is_fixed() -> bool:
    """Whether --as-of / VIGIE_AS_OF fixed the day."""
    return _fixed_day is not None


def today() -> date:
    """Today in Paris: the fixed day, else the clock's."""
    return _fixed_day or datetime.now(PARIS).date()


def paris_now() -> datetime:
    """Aware Paris now, on the fixed day when there is one."""
    now = datetime.now(PARIS)
    if _fixed_day is None:
        return now
    return datetime.combine(_fixed_day, now.timetz()).replace(tzinfo=PARIS)


def utcnow() -> datetime:
    """Aware UTC now, as stored (on the fixed day when there is one)."""
    if _fixed_day is None:
        return datetime.now(UTC)
    return paris_now().astimezone(UTC)
