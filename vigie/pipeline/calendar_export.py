"""A porteur's calendar: the next relève of every call Vigie announced to the porteur that is still open.

One set of calls for the three places a porteur finds it — the echeances.ics attached to each letter,
`vigie export ics --porteur ID` and the subscribed feed `/calendrier/JETON.ics` —, built by
`notifier.deadlines_ics`: for the same porteur and day, the same bytes. Calls announced means listed in
a letter to one of the porteur's contacts that was sent or is about to be (a letter refused by the
server told nothing); a letter being written adds its own calls. Accepted calls not yet announced are
not there: the calendar never runs ahead of the letters.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from models.config import VigieConfig
from models.errors import VigieError
from models.records import OpportunityData
from models.store import Store
from models.vocab import Status
from notifier import deadlines_ics


def porteur_calendar_calls(store: Store, porteur_id: str, as_of: date, calls: dict[int, OpportunityData],
                           letter: Iterable[OpportunityData] = ()) -> list[OpportunityData]:
    """The calls of the porteur's calendar: announced ones plus `letter`'s, left out once closed."""
    announced = [calls[i] for i in sorted(store.porteur_announced_calls(porteur_id)) if i in calls]
    return [call for call in [*announced, *letter] if call.status_on(as_of) != Status.CLOSED]


def porteur_calendar(config: VigieConfig, store: Store, porteur_id: str, as_of: date) -> tuple[bytes, int]:
    """(ICS bytes, number of events) of the porteur's calendar as of `as_of`."""
    if porteur_id not in {p.id for p in store.plan().porteurs}:
        raise VigieError("porteur inconnu", porteur_id, "voir « vigie plan show »")
    chosen = porteur_calendar_calls(store, porteur_id, as_of, dict(store.opportunities()))
    events = {(c.source, c.source_id) for c in chosen if c.next_close_date(as_of)}
    return deadlines_ics(chosen, as_of), len(events)
