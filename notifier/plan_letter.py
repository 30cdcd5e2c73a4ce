"""What one contact's weekly letter holds, and in which section (pure: rows in, planned entries out).

nouveaux: wanted matches the contact never heard of; mis à jour: calls already sent whose relèves,
deadline, amounts or beneficiaries changed since (change events after the last one covered) — a deadline
moved earlier reaches every contact who heard of the call, even when its match is no longer wanted;
clôture proche: calls already sent, still open, not yet "déposé", entering the J-30 or J-7 band of their next
relève for the first time — and the J-14 and J-3 bands too for a call the porteur applies to (« à déposer »).
A letter already recorded for the week keeps its own items, said as when it was recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.store.notify import Announced
from models.tables import DigestItem, Match
from models.vocab import Status, is_done
from notifier.changes import describe_changes, is_flagged
from notifier.entries import CLOSING, NEW, UPDATED
from notifier.plan_items import Inputs, Planned, changes_between, last_event, merged_before, open_call, planned
from notifier.rules import DigestRules, wanted
from notifier.select import bands_for, closing_soon


@dataclass(frozen=True)
class LetterRows:
    """What the store holds for one contact's letter of the week, loaded by the caller."""

    porteur_id: str
    matches: Sequence[Match]
    """The porteur's matches, wanted or not (the rules choose)."""
    announced: dict[int, Announced]
    """Per call, what the contact already heard (the week's recorded letter left out)."""
    known: dict[int, Match] = field(default_factory=dict)
    """Stored matches by id: those of the recorded letter's items when there is one, else those the contact
    heard of (announced)."""
    recorded: Sequence[DigestItem] | None = None
    """The items of the letter recorded for the week and not yet sent; None: none was."""


def plan_letter(rows: LetterRows, inputs: Inputs, rules: DigestRules) -> list[Planned]:
    """The contact's letter: the recorded one's items when there is one, else a new planning of the wanted
    matches, and of the porteur's calls the contact heard of whose deadline moved earlier since, wanted or not."""
    if rows.recorded is not None:
        return plan_pending(rows.recorded, rows.known, rows.announced, inputs)
    chosen = [m for m in rows.matches if wanted(m, rules)]
    return plan_fresh(chosen, rows.announced, inputs, no_longer_wanted(rows, chosen))


def no_longer_wanted(rows: LetterRows, chosen: Sequence[Match]) -> list[Match]:
    """The porteur's matches announced to the contact that are not among the wanted ones any more."""
    chosen_ids = {m.id for m in chosen}
    heard = sorted({i for seen in rows.announced.values() for i in seen.match_ids} - chosen_ids)
    return [rows.known[i] for i in heard if i in rows.known and rows.known[i].porteur_id == rows.porteur_id]


def plan_fresh(chosen: Sequence[Match], announced: dict[int, Announced], inputs: Inputs,
               sent: Sequence[Match] = ()) -> list[Planned]:
    """A new digest: new matches first, then one update or reminder per call already sent; `sent`: matches
    announced to the contact that are no longer wanted, told only of a deadline moved earlier."""
    result, fresh_calls, known = [], set(), {}
    for match in sorted(chosen, key=lambda m: -m.score):
        call = open_call(match, inputs)
        if call is None:
            continue
        seen = announced.get(match.opportunity_id)
        if seen is None or match.id not in seen.match_ids:
            if not match.eligible:  # too near its relève to be proposed now; reminders only
                continue
            result.append(planned(match, call, inputs, NEW, last_event(inputs, match.opportunity_id)))
            fresh_calls.add(match.opportunity_id)
        else:
            known.setdefault(match.opportunity_id, match)  # best-scored match of a call already sent
    for opportunity_id, match in known.items():
        if opportunity_id not in fresh_calls:
            result += _follow_up(match, announced[opportunity_id], inputs)
    told = fresh_calls | set(known)
    for match in sorted(sent, key=lambda m: -m.score):
        if match.opportunity_id not in told and match.opportunity_id in announced:
            told.add(match.opportunity_id)
            result += _flagged_only(match, announced[match.opportunity_id], inputs)
    return result


def _flagged_only(match: Match, seen: Announced, inputs: Inputs) -> list[Planned]:
    """An update of a call whose match is no longer wanted, when a change concerns whoever heard of it."""
    call = open_call(match, inputs)
    if call is None:
        return []
    last = last_event(inputs, match.opportunity_id)
    before = merged_before(inputs, match.opportunity_id, seen.last_event_id, last)
    if not is_flagged(before, call, inputs.as_of):
        return []
    return [planned(match, call, inputs, UPDATED, last, changes=describe_changes(before, call, inputs.as_of))]


def _follow_up(match: Match, seen: Announced, inputs: Inputs) -> list[Planned]:
    call = inputs.calls[match.opportunity_id]
    last = last_event(inputs, match.opportunity_id)
    changes = changes_between(inputs, match.opportunity_id, seen.last_event_id, last, call)
    if changes:
        return [planned(match, call, inputs, UPDATED, last, changes=changes)]
    if is_done(match.followup_status):
        return []
    next_close = call.next_close_date(inputs.as_of)
    band = closing_soon(next_close, inputs.as_of, {b for b, day in seen.reminders if day == next_close},
                        bands_for(match.followup_status))
    if band is None:
        return []
    return [planned(match, call, inputs, CLOSING, seen.last_event_id, band=band, band_date=next_close)]


def plan_pending(items: Sequence[DigestItem], matches: dict[int, Match], announced: dict[int, Announced],
                 inputs: Inputs) -> list[Planned]:
    """A digest recorded but not sent: its own items, said as when it was recorded — less the calls closed
    since (a letter never announces a closed call; with none left, nothing goes)."""
    result = []
    for item in items:
        match, call = matches.get(item.match_id or -1), inputs.calls.get(item.opportunity_id)
        if match is None or call is None or call.status_on(inputs.as_of) == Status.CLOSED:
            continue
        changes = []
        if item.section == UPDATED:
            since = announced.get(item.opportunity_id, Announced()).last_event_id
            changes = changes_between(inputs, item.opportunity_id, since, item.event_id or 0, call)
        result.append(planned(match, call, inputs, item.section, item.event_id, changes=changes,
                              band=item.band, band_date=item.band_date))
    return result
