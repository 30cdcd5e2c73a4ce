"""The personal links of porteur contacts: made for the letters and the renewal e-mail, checked by the web app.

A link opens something only when its signature holds (vigie.signing), it is younger than web.porteur_link_days,
its contact still exists and it carries the contact's current generation (« révoquer » raises it)."""

from __future__ import annotations

import logging
from datetime import date

from models.answers import ANSWER_LABELS
from models.config import VigieConfig
from models.store import Store
from models.tables import Contact
from vigie.signing import INVALID, REVOKED, LinkRefused, PersonalLinks, personal_links

logger = logging.getLogger(__name__)


def base_url(config: VigieConfig) -> str:
    """The web app's public address (sender.public_url), as the unsubscribe link uses it."""
    return config.settings.sender.public_url.rstrip("/")


def links_for(config: VigieConfig) -> PersonalLinks | None:
    """The signer, or None (logged once) when the secret key is not in the environment."""
    links = personal_links(config.settings)
    name = config.settings.web.secret_key_env
    if links is None and name not in _WARNED:
        _WARNED.add(name)
        logger.warning("liens personnels absents des lettres : variable %s non définie ou trop courte", name)
    return links


_WARNED: set[str] = set()
"""Variables already said missing by this process (once is enough)."""


def space_url(config: VigieConfig, store: Store, links: PersonalLinks, contact: Contact,
              day: date | None = None) -> str:
    """A fresh link to the contact's space (dated `day`, a letter's day, else now)."""
    token = links.space_token(contact.id, store.link_generation(contact.id), day)
    return f"{base_url(config)}/espace/{token}"


def answer_urls(config: VigieConfig, links: PersonalLinks, contact: Contact, generation: int,
                match_id: int, day: date | None = None) -> dict[str, str]:
    """Answer → the link of that answer of the contact to the match (a GET confirms, only the POST records)."""
    base = base_url(config)
    return {answer: f"{base}/reponse/{links.answer_token(contact.id, generation, match_id, answer, day)}"
            for answer in ANSWER_LABELS}


def contact_of(store: Store, payload: dict) -> Contact:
    """The contact a checked payload names, if the link is still of its current generation; LinkRefused
    (REVOKED: revoked by the chef de projet, or the contact is gone) otherwise."""
    contact_id, generation = payload.get("c"), payload.get("g")
    if not isinstance(contact_id, int) or not isinstance(generation, int):
        raise LinkRefused(INVALID)
    contact = store.contact_row(contact_id)
    if contact is None or store.link_generation(contact_id) != generation:
        raise LinkRefused(REVOKED)
    return contact
