"""A porteur's full calendar: the next relève of every open call matched to its fiches-actions."""

from __future__ import annotations

from datetime import date

from models.config import VigieConfig
from models.errors import VigieError
from models.store import Store
from models.vocab import Status
from notifier import DigestEntry, deadlines_ics
from notifier.entries import NEW
from vigie.pipeline.digest import wanted


def porteur_calendar(config: VigieConfig, store: Store, porteur_id: str, as_of: date) -> tuple[bytes, int]:
    """(ICS bytes, number of events) for the porteur's wanted matches on calls still open as of `as_of`."""
    plan = store.plan()
    if porteur_id not in {p.id for p in plan.porteurs}:
        raise VigieError("porteur inconnu", porteur_id, "voir « vigie plan show »")
    calls = dict(store.opportunities())
    titles = {f.id: f.titre for f in plan.fiches}
    entries = []
    for match in store.matches(porteur_id=porteur_id):
        call = calls.get(match.opportunity_id)
        if call and wanted(match, config) and call.status_on(as_of) != Status.CLOSED:
            entries.append(DigestEntry(call, match.fiche_id, titles.get(match.fiche_id, match.fiche_id),
                                       match.score, [], NEW))
    events = {(e.opportunity.source, e.opportunity.source_id) for e in entries if e.opportunity.next_close_date(as_of)}
    return deadlines_ics(entries, as_of), len(events)
