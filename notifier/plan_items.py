"""The pieces a porteur's letter is planned with: what a run reads once, a planned entry, and the change history.

Pure: stored rows in, records out (the caller loads them, `notifier.plan_letter` decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.display import best_reasons
from models.records import OpportunityData, is_profile_fiche
from models.store.digests import ItemRequest
from models.tables import Match, OpportunityEvent
from models.vocab import ChangeKind, Status
from notifier.changes import describe_changes, merge_before
from notifier.entries import CLOSING, DigestEntry
from notifier.select import bands_for, reminder_band
from notifier.view import MAX_REASONS


@dataclass(frozen=True)
class Planned:
    """A digest entry, the stored match it comes from and what its digest item records."""

    entry: DigestEntry
    match: Match
    item: ItemRequest


@dataclass(frozen=True)
class Inputs:
    """What selection reads, loaded once for a run."""

    calls: dict[int, OpportunityData]
    titles: dict[str, str]
    """Fiche id → titre."""
    events: dict[int, list[OpportunityEvent]]
    as_of: date


def open_call(match: Match, inputs: Inputs) -> OpportunityData | None:
    """The match's call, None when it is unknown or closed as of the letter's day."""
    call = inputs.calls.get(match.opportunity_id)
    if call is None or call.status_on(inputs.as_of) == Status.CLOSED:
        return None
    return call


def changes_between(inputs: Inputs, opportunity_id: int, after: int, upto: int,
                    call: OpportunityData) -> list[str]:
    """French lines for the changes recorded in events (after, upto]."""
    before = merged_before(inputs, opportunity_id, after, upto)
    return describe_changes(before, call, inputs.as_of) if before else []


def merged_before(inputs: Inputs, opportunity_id: int, after: int, upto: int) -> dict:
    """The earliest previous value of each watched field over the change events (after, upto]."""
    befores = [e.before for e in inputs.events.get(opportunity_id, [])
               if e.kind == ChangeKind.CHANGED and after < (e.id or 0) <= upto]
    return merge_before(befores)


def last_event(inputs: Inputs, opportunity_id: int) -> int:
    """Id of the call's latest change event (0 when none)."""
    return max((e.id or 0 for e in inputs.events.get(opportunity_id, [])), default=0)


def planned(match: Match, call: OpportunityData, inputs: Inputs, section: str, event_id: int | None,
            changes: list[str] | None = None, band: int | None = None, band_date: date | None = None) -> Planned:
    """The entry a match makes in `section`, and the item its letter records."""
    reasons = best_reasons(match.reasons, MAX_REASONS)  # words, never weights
    default = "Profil du porteur" if is_profile_fiche(match.fiche_id) else match.fiche_id
    title = inputs.titles.get(match.fiche_id, default)
    entry = DigestEntry(call, match.fiche_id, title, match.score, reasons, section, changes or [], match.id)
    if band is None and section != CLOSING and (next_close := call.next_close_date(inputs.as_of)):
        # The entry already shows the deadline: its current reminder band counts as sent.
        band, band_date = reminder_band((next_close - inputs.as_of).days, bands_for(match.followup_status)), next_close
        band_date = band_date if band else None
    item = ItemRequest(match.opportunity_id, match.id, section, event_id, band, band_date)
    return Planned(entry, match, item)
