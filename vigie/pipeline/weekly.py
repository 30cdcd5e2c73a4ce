"""The week's mail: porteurs' digests, then each chef de projet's (which reports this week's bounces)."""

from __future__ import annotations

from datetime import date

from models.config import VigieConfig
from models.store import Store
from vigie.pipeline.chef_digest import outgoing_by_territory, run_chef_digests
from vigie.pipeline.digest import DigestOutcome, run_digests
from vigie.pipeline.senders import open_sender


def run_weekly(config: VigieConfig, store: Store, week: str, as_of: date, send: bool,
               porteur_id: str | None = None) -> list[DigestOutcome]:
    """Every digest of the week through one sender (one SMTP connection); with --porteur, that porteur's only."""
    sender = open_sender(config, week, send)
    try:
        outcomes = run_digests(config, store, week, as_of, send, porteur_id, sender)
        if porteur_id is None:  # counted once the porteurs' letters went out: what they really received
            outgoing = outgoing_by_territory(config, store, week, as_of, send)
            outcomes += run_chef_digests(config, store, week, as_of, send, sender, outgoing)
        return outcomes
    finally:
        sender.close()
