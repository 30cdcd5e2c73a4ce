"""The week's mail: porteurs' digests, then each chef de projet's (which reports this week's bounces)."""

from __future__ import annotations

from datetime import date

from models.config import VigieConfig
from models.store import Store
from vigie.pipeline.chef_digest import outgoing_by_territory, run_chef_digests
from vigie.pipeline.digest import DigestOutcome, new_claimant, run_digests
from vigie.pipeline.senders import open_sender


def run_weekly(config: VigieConfig, store: Store, week: str, as_of: date, send: bool,
               porteur_id: str | None = None) -> list[DigestOutcome]:
    """Every digest of the week through one sender (one SMTP connection) and one claimant (each letter is
    claimed before it is handed over: the scheduler, the CLI and the web may run at once); with --porteur, that
    porteur's only."""
    sender = open_sender(config, week, send)
    claimant = new_claimant(config, store)
    try:
        outcomes = run_digests(config, store, week, as_of, send, porteur_id, sender, claimant)
        if porteur_id is None:  # planned once every porteur letter of the week is: their refusals are known
            outgoing = outgoing_by_territory(config, store, week, as_of, send)
            outcomes += run_chef_digests(config, store, week, as_of, send, sender, outgoing, claimant)
        return outcomes
    finally:
        sender.close()
