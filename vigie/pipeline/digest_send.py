"""Handing a planned letter over, once: claimed by this run (notifier.claims), delivered, marked at once.

Order of a letter's life: recorded pending (with its Message-ID and its items, or its whole message) → claimed
by exactly one sender → handed to the server → marked sent as soon as the server answered. A second sender at
the same moment finds it claimed and leaves it; a sender killed while holding it leaves a claim that the next
run takes over (at once on the same machine, after the lease from another one).
"""

from __future__ import annotations

import email
import email.policy
import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from models.store import Store
from models.store.digests import Claim, DigestRequest
from models.tables import Contact, Digest
from notifier.claims import Holder, is_dead, parse_holder, this_holder
from notifier.delivery import PERMANENT, SENT, Sender
from notifier.entries import RenderedDigest
from notifier.smtp import SmtpError
from vigie.pipeline.clock import utcnow

logger = logging.getLogger(__name__)

BUSY = "en cours d'envoi par un autre envoi de Vigie (repris au prochain envoi s'il n'aboutit pas)"
"""What a run says of a letter another sender holds (shown as « déjà envoyée », with this explanation)."""


@dataclass(frozen=True)
class DigestOutcome:
    """One recipient's line of the digest summary."""

    recipient: str
    porteur_id: str
    entries: int
    """A porteur's letter: its distinct calls, the number of its subject (`call_count`); a chef de projet's:
    the matches to review."""
    paths: list[Path]
    status: str
    """written (outbox) | sent (SMTP) | preview | already_sent | busy (held by another sender now: `error` says
    so) | pending (temporary failure) | failed | blocked (not submitted: the address was refused for good
    before)."""
    error: str | None = None


class Claimant:
    """One run's hold on the letters it hands over (a new holder id per run, even within one process)."""

    def __init__(self, store: Store, lease: timedelta, holder: Holder | None = None) -> None:
        self.store, self.lease = store, lease
        self.me = holder or this_holder()
        self.id = str(self.me)

    def claim(self) -> Claim:
        """This run's claim, its lease starting now."""
        now = utcnow()
        return Claim(self.id, now, now + self.lease)

    def take(self, digest: Digest) -> bool:
        """Claim a letter already recorded: free, its lease over, or its holder a dead process of this machine."""
        holder = parse_holder(digest.claimed_by)
        dead = [digest.claimed_by] if holder and digest.claimed_by and is_dead(holder, self.me) else []
        if dead:
            logger.warning("digest claim taken over recipient=%s week=%s dead_holder=%s", digest.recipient,
                           digest.iso_week, digest.claimed_by)
        return self.store.claim_digest(digest.id, self.claim(), dead)

    def record(self, request: DigestRequest) -> Digest | None:
        """Record a new letter already claimed by this run; None when another sender recorded it first."""
        digest = self.store.record_digest(request, utcnow(), self.claim())
        return digest if digest.claimed_by == self.id else None

    def release(self, digest: Digest | None) -> None:
        """Give a letter back untouched (nothing was handed over)."""
        if digest is not None:
            self.store.release_digest(digest.id, self.id)


def settled(digest: Digest, recipient: str, porteur_id: str) -> DigestOutcome:
    """A letter of the week already sent, or refused for good."""
    status = "already_sent" if digest.status == "sent" else "failed"
    return DigestOutcome(recipient, porteur_id, 0, [], status, digest.error)


def busy(recipient: str, porteur_id: str) -> DigestOutcome:
    """A letter another sender holds right now."""
    return DigestOutcome(recipient, porteur_id, 0, [], "busy", BUSY)


def deliver_claimed(store: Store, claimant: Claimant, sender: Sender, rendered: RenderedDigest, stem: str,
                    digest: Digest, contact: Contact | None) -> DigestOutcome:
    """Hand a claimed letter over and mark it at once: sent, failed (permanent), or pending again (temporary,
    the claim given back); nothing handed over (the server unreachable, the outbox unwritable): given back."""
    try:
        delivery = sender.deliver(rendered, stem)
    except (SmtpError, OSError):
        claimant.release(digest)
        raise
    status = {SENT: "sent", PERMANENT: "failed"}.get(delivery.status, "pending")
    store.mark_digest(digest.id, status, utcnow(), delivery.error)  # first, the smallest window after the server
    if contact is not None and delivery.status == PERMANENT:
        store.record_delivery_error(contact.id, delivery.error)
    elif contact is not None and contact.last_error and delivery.status == SENT and not delivery.paths:
        store.record_delivery_error(contact.id, None)  # a server accepted the address again (not the outbox)
    logger.info("digest delivered recipient=%s week=%s status=%s", digest.recipient, digest.iso_week, status)
    shown = "written" if status == "sent" and delivery.paths else status
    return DigestOutcome(digest.recipient, digest.porteur_id or "", 0, delivery.paths, shown, delivery.error)


def stored_message(digest: Digest) -> RenderedDigest:
    """A letter kept whole when planned, as it was (same Message-ID, same words, same Date)."""
    message = email.message_from_bytes(digest.body or b"", policy=email.policy.default)
    text, html = _part(message, "plain"), _part(message, "html")
    return RenderedDigest(message, html, text, str(message["Subject"]), digest.content_hash)


def _part(message, subtype: str) -> str:  # noqa: ANN001 - EmailMessage
    body = message.get_body((subtype,))
    return body.get_content() if body is not None else ""

