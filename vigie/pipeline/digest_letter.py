"""A porteur contact's letter as it reads: its content around the planned entries (notifier.plan_letter), its
personal links (space, answers, unsubscribe, calendar feed), its outbox name and its Message-ID's domain."""

from __future__ import annotations

import re
from datetime import date

from models.config import VigieConfig
from models.records import ContactData, PorteurData
from models.store import Store
from models.tables import Contact
from notifier import DigestContent, DigestEntry
from notifier.plan_items import Inputs, Planned
from vigie.pipeline.calendar_export import porteur_calendar_calls
from vigie.pipeline.clock import utcnow
from vigie.pipeline.porteur_links import answer_urls, links_for, space_url


def stem_for(week: str, porteur_id: str, email: str) -> str:
    """The outbox file name of a digest."""
    return re.sub(r"[^A-Za-z0-9._@-]+", "_", f"{week}_{porteur_id}_{email}")


def unsubscribe_url(config: VigieConfig, contact: Contact) -> str:
    """The one-click unsubscribe link of a contact (served by the web app)."""
    return f"{config.settings.sender.public_url.rstrip('/')}/desabonnement/{contact.unsubscribe_token}"


def calendar_feed_url(config: VigieConfig, store: Store, porteur_id: str) -> str:
    """The porteur's subscribed calendar (`/calendrier/JETON.ics`, served by the web app without an account):
    the same events as the letter's echeances.ics, kept up to date."""
    token = store.calendar_token(porteur_id, utcnow())
    return f"{config.settings.sender.public_url.rstrip('/')}/calendrier/{token}.ics"


def message_domain(config: VigieConfig) -> str:
    """Right-hand side of Message-IDs: the sender's domain."""
    return str(config.settings.sender.from_email).rsplit("@", 1)[-1]


def letter_content(config: VigieConfig, store: Store, porteur: PorteurData, contact: Contact, week: str,
                   inputs: Inputs, planned: list[Planned]) -> DigestContent:
    """What the contact's letter says, its echeances.ics being the porteur's calendar (this letter's calls added)."""
    letter = [p.entry for p in planned]
    calendar = porteur_calendar_calls(store, porteur.id, inputs.as_of, inputs.calls, [e.opportunity for e in letter])
    space, answers = personal_urls(config, store, contact, letter, inputs.as_of)
    return DigestContent(porteur, ContactData(email=contact.email, nom=contact.nom, role=contact.role), week,
                         inputs.as_of, letter, unsubscribe_url(config, contact),
                         calendar_feed_url(config, store, porteur.id), calendar_calls=calendar,
                         space_url=space, answer_urls=answers)


def personal_urls(config: VigieConfig, store: Store, contact: Contact, entries: list[DigestEntry],
                  day: date) -> tuple[str | None, dict[int, dict[str, str]]]:
    """A fresh link to the contact's space and, per call of the letter, its answer links, dated the letter's
    day; none without the secret key (logged: the letter still goes)."""
    links = links_for(config)
    if links is None:
        return None, {}
    generation = store.link_generation(contact.id)
    answers = {e.match_id: answer_urls(config, links, contact, generation, e.match_id, day)
               for e in entries if e.match_id}
    return space_url(config, store, links, contact, day), answers
