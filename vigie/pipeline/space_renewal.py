"""« Recevoir un nouveau lien »: a fresh link to their space, sent to an address that is a contact's — by e-mail
only, through the configured sender (SMTP, else the outbox). The web page says the same whatever happens here."""

from __future__ import annotations

import logging
from datetime import date

from models.config import VigieConfig
from models.errors import VigieError
from models.store import Store
from notifier import iso_week
from notifier.space_mail import SpaceLinkLine, render_space_link
from vigie.pipeline.digest_letter import stem_for
from vigie.pipeline.porteur_links import space_url
from vigie.pipeline.senders import open_sender
from vigie.signing import personal_links

logger = logging.getLogger(__name__)


def send_fresh_links(config: VigieConfig, store: Store, email: str, today: date) -> str:
    """Send the address one message with a fresh link to each space it may open; what happened, for the log:
    « inconnue », « sans clé », or the sender's status."""
    contacts = store.contacts_with_email(email)
    links = personal_links(config.settings)
    if not contacts or links is None:
        return "inconnue" if not contacts else "sans clé"
    names = {c.porteur_id: (store.porteur(c.porteur_id).nom) for c in contacts}
    lines = [SpaceLinkLine(names[c.porteur_id], space_url(config, store, links, c)) for c in contacts]
    rendered = render_space_link(contacts[0].email, contacts[0].nom, lines, links.days, config.settings.sender)
    week = iso_week(today)
    sender = open_sender(config, week, send=True)
    try:
        delivery = sender.deliver(rendered, stem_for(week, "lien-espace", contacts[0].email))
    finally:
        sender.close()
    return delivery.status


def renew_quietly(config: VigieConfig, store: Store, email: str, today: date) -> None:
    """send_fresh_links run after the page has answered: a failure is logged, never shown (the page's answer
    must not tell whether the address is known)."""
    try:
        outcome = send_fresh_links(config, store, email, today)
    except (VigieError, OSError) as exc:
        logger.warning("lien d'espace non envoyé erreur=%s", exc)
        return
    logger.info("lien d'espace demandé résultat=%s", outcome)
