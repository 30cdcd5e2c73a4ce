"""Choosing what goes in a digest: which section a call belongs to, and deadline reminders."""

from __future__ import annotations

from datetime import date

from models.vocab import FollowUp
from notifier.entries import CLOSING, NEW, UPDATED

REMINDER_BANDS = (7, 30)
"""Reminders before a relève, most urgent first: J-7 covers 0–7 days left, J-30 covers 8–30."""
APPLYING_BANDS = (3, 7, 14, 30)
"""A call the porteur applies to (follow-up « à déposer », set by « Je dépose un dossier » too) is also reminded
at J-14 (8–14 days left) and J-3 (0–3): J-30 then covers 15–30 and J-7 4–7. Letters being weekly, at most one
reminder goes a week; J-3 goes when a letter leaves 3 days or less before the relève."""


def bands_for(followup: str | None) -> tuple[int, ...]:
    """The reminder bands of a match given its follow-up."""
    return APPLYING_BANDS if followup == FollowUp.TO_FILE else REMINDER_BANDS


def closing_soon(next_close: date | None, as_of: date, already_reminded: set[int],
                 bands: tuple[int, ...] = REMINDER_BANDS) -> int | None:
    """30 or 7 when the next relève is exactly within that reminder band and it was not reminded yet, else None.

    Digests are weekly, so a band is a range of days rather than a single day: a relève 26 days
    away falls in the J-30 band, one 5 days away in the J-7 band. Only the band the relève is in
    counts: a J-30 reminder that was missed is not sent once the relève is 5 days away.
    """
    if next_close is None or next_close < as_of:
        return None
    band = reminder_band((next_close - as_of).days, bands)
    if band is None or band in already_reminded:
        return None
    return band


def reminder_band(days_left: int, bands: tuple[int, ...] = REMINDER_BANDS) -> int | None:
    """The reminder band (of `bands`) that `days_left` falls in, None beyond the widest or when past."""
    if days_left < 0:
        return None
    return next((band for band in bands if days_left <= band), None)


def section_for(already_sent: bool, changes: list[str], reminder: int | None) -> str | None:
    """The digest section of an accepted match, or None when it has nothing new to say.

    `already_sent`: the call was in an earlier digest to this contact; `changes`: what changed
    since then (French lines); `reminder`: what `closing_soon` answered.
    """
    if not already_sent:
        return NEW
    if changes:
        return UPDATED
    if reminder is not None:
        return CLOSING
    return None
