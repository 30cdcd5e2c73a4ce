"""Which calls go in a contact's digest, and in which section (pure: rows in, planned entries out).

nouveaux: wanted matches the contact never heard of; mis à jour: calls already sent whose relèves,
deadline, amounts or beneficiaries changed since (change events after the last one covered) — a deadline
moved earlier reaches every contact who heard of the call, even when its match is no longer wanted;
clôture proche: calls already sent, still open, not yet "déposé", entering the J-30 or J-7 band of their next
relève for the first time — and the J-14 and J-3 bands too for a call the porteur applies to (« à déposer »).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.display import reason_text
from models.records import OpportunityData
from models.store.digests import ItemRequest
from models.store.notify import Announced
from models.tables import DigestItem, Match, OpportunityEvent
from models.vocab import ChangeKind, Status
from notifier import DigestEntry, closing_soon
from notifier.select import bands_for, reminder_band
from notifier.changes import describe_changes, is_flagged, merge_before
from notifier.entries import CLOSING, NEW, UPDATED

PROFILE_SUFFIX = "#profil"
DONE_FOLLOWUPS = {"depose", "obtenu", "refuse"}
"""Follow-up states after which a porteur needs no deadline reminder."""


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


def plan_fresh(wanted: Sequence[Match], announced: dict[int, Announced], inputs: Inputs,
               sent: Sequence[Match] = ()) -> list[Planned]:
    """A new digest: new matches first, then one update or reminder per call already sent; `sent`: matches
    announced to the contact that are no longer wanted, told only of a deadline moved earlier."""
    planned, fresh_calls, known = [], set(), {}
    for match in sorted(wanted, key=lambda m: -m.score):
        call = _open_call(match, inputs)
        if call is None:
            continue
        seen = announced.get(match.opportunity_id)
        if seen is None or match.id not in seen.match_ids:
            if not match.eligible:  # too near its relève to be proposed now; reminders only
                continue
            planned.append(_planned(match, call, inputs, NEW, last_event(inputs, match.opportunity_id)))
            fresh_calls.add(match.opportunity_id)
        else:
            known.setdefault(match.opportunity_id, match)  # best-scored match of a call already sent
    for opportunity_id, match in known.items():
        if opportunity_id not in fresh_calls:
            planned += _follow_up(match, announced[opportunity_id], inputs)
    told = fresh_calls | set(known)
    for match in sorted(sent, key=lambda m: -m.score):
        if match.opportunity_id not in told and match.opportunity_id in announced:
            told.add(match.opportunity_id)
            planned += _flagged_only(match, announced[match.opportunity_id], inputs)
    return planned


def _flagged_only(match: Match, seen: Announced, inputs: Inputs) -> list[Planned]:
    """An update of a call whose match is no longer wanted, when a change concerns whoever heard of it."""
    call = _open_call(match, inputs)
    if call is None:
        return []
    last = last_event(inputs, match.opportunity_id)
    before = _merged_before(inputs, match.opportunity_id, seen.last_event_id, last)
    if not is_flagged(before, call, inputs.as_of):
        return []
    return [_planned(match, call, inputs, UPDATED, last, changes=describe_changes(before, call, inputs.as_of))]


def _follow_up(match: Match, seen: Announced, inputs: Inputs) -> list[Planned]:
    call = inputs.calls[match.opportunity_id]
    last = last_event(inputs, match.opportunity_id)
    changes = changes_between(inputs, match.opportunity_id, seen.last_event_id, last, call)
    if changes:
        return [_planned(match, call, inputs, UPDATED, last, changes=changes)]
    if is_done(match.followup_status):
        return []
    next_close = call.next_close_date(inputs.as_of)
    band = closing_soon(next_close, inputs.as_of, {b for b, day in seen.reminders if day == next_close},
                        bands_for(match.followup_status))
    if band is None:
        return []
    return [_planned(match, call, inputs, CLOSING, seen.last_event_id, band=band, band_date=next_close)]


def plan_pending(items: Sequence[DigestItem], matches: dict[int, Match], announced: dict[int, Announced],
                 inputs: Inputs) -> list[Planned]:
    """A digest recorded but not sent: its own items, said as when it was recorded — less the calls closed
    since (a letter never announces a closed call; with none left, nothing goes)."""
    planned = []
    for item in items:
        match, call = matches.get(item.match_id or -1), inputs.calls.get(item.opportunity_id)
        if match is None or call is None or call.status_on(inputs.as_of) == Status.CLOSED:
            continue
        changes = []
        if item.section == UPDATED:
            since = announced.get(item.opportunity_id, Announced()).last_event_id
            changes = changes_between(inputs, item.opportunity_id, since, item.event_id or 0, call)
        planned.append(_planned(match, call, inputs, item.section, item.event_id, changes=changes,
                                band=item.band, band_date=item.band_date))
    return planned


def changes_between(inputs: Inputs, opportunity_id: int, after: int, upto: int,
                    call: OpportunityData) -> list[str]:
    """French lines for the changes recorded in events (after, upto]."""
    before = _merged_before(inputs, opportunity_id, after, upto)
    return describe_changes(before, call, inputs.as_of) if before else []


def _merged_before(inputs: Inputs, opportunity_id: int, after: int, upto: int) -> dict:
    """The earliest previous value of each watched field over the change events (after, upto]."""
    befores = [e.before for e in inputs.events.get(opportunity_id, [])
               if e.kind == ChangeKind.CHANGED and after < (e.id or 0) <= upto]
    return merge_before(befores)


def last_event(inputs: Inputs, opportunity_id: int) -> int:
    """Id of the call's latest change event (0 when none)."""
    return max((e.id or 0 for e in inputs.events.get(opportunity_id, [])), default=0)


def is_done(followup: str | None) -> bool:
    """"déposé" (or later: obtenu, refusé), accents and case aside."""
    if not followup:
        return False
    bare = unicodedata.normalize("NFKD", followup).encode("ascii", "ignore").decode().strip().lower()
    return bare in DONE_FOLLOWUPS


def _open_call(match: Match, inputs: Inputs) -> OpportunityData | None:
    call = inputs.calls.get(match.opportunity_id)
    if call is None or call.status_on(inputs.as_of) == Status.CLOSED:
        return None
    return call


def _planned(match: Match, call: OpportunityData, inputs: Inputs, section: str, event_id: int | None,
             changes: list[str] | None = None, band: int | None = None, band_date: date | None = None) -> Planned:
    best = sorted(match.reasons, key=lambda r: -r["weight"])[:3]
    reasons = [reason_text(r.get("feature", ""), r["evidence"]) for r in best]  # words, never weights
    default = "Profil du porteur" if match.fiche_id.endswith(PROFILE_SUFFIX) else match.fiche_id
    title = inputs.titles.get(match.fiche_id, default)
    entry = DigestEntry(call, match.fiche_id, title, match.score, reasons, section, changes or [], match.id)
    if band is None and section != CLOSING and (next_close := call.next_close_date(inputs.as_of)):
        # The entry already shows the deadline: its current reminder band counts as sent.
        band, band_date = reminder_band((next_close - inputs.as_of).days, bands_for(match.followup_status)), next_close
        band_date = band_date if band else None
    item = ItemRequest(match.opportunity_id, match.id, section, event_id, band, band_date)
    return Planned(entry, match, item)
