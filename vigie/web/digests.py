"""Digest preview and ICS feed of one porteur, through the notifier shell (vigie/pipeline/digest*.py).

The preview is what `vigie digest --dry-run --porteur ID` renders for the contact: the same wanted
matches (review_required honoured), the same selection (nouveaux / mis à jour / clôture proche, calls
already announced to the contact left out), the same rendering. Only the Message-ID differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.utils import make_msgid

from models.config import VigieConfig
from models.store import Store
from models.tables import Contact, Digest
from notifier import RenderedDigest, iso_week, render_digest
from vigie.pipeline.calendar_export import porteur_calendar
from notifier.plan_letter import plan_letter
from notifier.rules import DigestRules
from notifier.view import call_count
from vigie.pipeline.digest import letter_rows, load_inputs, porteur_kind, shared_emails
from vigie.pipeline.digest_letter import letter_content, message_domain


@dataclass(frozen=True)
class Preview:
    """The contact's next digest (None: nothing to announce) and this week's digest already recorded."""

    rendered: RenderedDigest | None
    sections: dict[str, int]
    """Distinct calls per section (nouveaux, mis_a_jour, cloture_proche…), counted as the letter's subject counts."""
    this_week: Digest | None


def preview(config: VigieConfig, store: Store, porteur_id: str, contact: Contact, as_of: date) -> Preview:
    """The digest `contact` would get if the week's mail went out now (nothing is recorded)."""
    porteur = next((p for p in store.plan().porteurs if p.id == porteur_id), None)
    week = iso_week(as_of)
    this_week = store.existing_digest(contact.email, porteur_kind(porteur_id, contact.email in shared_emails(store)),
                                      week)
    if porteur is None or contact.unsubscribed_at is not None:
        return Preview(None, {}, this_week)
    rows = letter_rows(store, contact.email, porteur_id, store.matches(porteur_id=porteur_id), None)
    inputs = load_inputs(store, as_of)
    planned = plan_letter(rows, inputs, DigestRules.of(config.settings))
    if not planned:
        return Preview(None, {}, this_week)
    sections = {key: call_count([p.entry for p in planned if p.entry.section == key])
                for key in {p.entry.section for p in planned}}
    content = letter_content(config, store, porteur, contact, week, inputs, planned)
    rendered = render_digest(content, config.settings.sender, make_msgid("vigie", message_domain(config)))
    return Preview(rendered, sections, this_week)


def calendar(config: VigieConfig, store: Store, porteur_id: str, as_of: date) -> bytes:
    """The porteur's deadlines as an ICS calendar, as `vigie export ics --porteur ID` writes it."""
    return porteur_calendar(config, store, porteur_id, as_of)[0]
