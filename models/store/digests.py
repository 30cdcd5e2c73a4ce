"""Digests: recorded before they are handed to a sender, marked sent after (a rerun never sends twice)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import col, select

from models.tables import Digest, DigestItem, Match


@dataclass(frozen=True)
class ItemRequest:
    """A call listed in a digest about to be sent."""

    opportunity_id: int
    match_id: int | None
    section: str
    """nouveaux | mis_a_jour | cloture_proche."""
    event_id: int | None = None
    """Last change event of the call this item covers."""
    band: int | None = None
    """Reminder band (30 or 7) of a "cloture_proche" item."""
    band_date: date | None = None
    """The relève that reminder is about."""


@dataclass(frozen=True)
class DigestRequest:
    """A digest about to be sent."""

    recipient: str
    kind: str
    iso_week: str
    content_hash: str
    message_id: str
    items: Sequence[ItemRequest | tuple[int, int | None, str]]
    """Each call listed (a plain (opportunity_id, match_id, section) tuple is accepted)."""
    contact_id: int | None = None
    porteur_id: str | None = None
    territoire_id: str | None = None


class DigestStore:
    """Mixin of Store: digests."""

    def existing_digest(self, recipient: str, kind: str, iso_week: str) -> Digest | None:
        """The digest already recorded for this recipient and week, if any."""
        with self.session() as session:
            query = select(Digest).where(Digest.recipient == recipient, Digest.kind == kind,
                                         Digest.iso_week == iso_week)
            return session.exec(query).first()

    def record_digest(self, request: DigestRequest, now: datetime) -> Digest:
        """Record a digest as pending with its items (returns the existing one if already recorded)."""
        existing = self.existing_digest(request.recipient, request.kind, request.iso_week)
        if existing:
            return existing
        with self.session() as session:
            digest = Digest(recipient=request.recipient, kind=request.kind, contact_id=request.contact_id,
                            porteur_id=request.porteur_id, territoire_id=request.territoire_id,
                            iso_week=request.iso_week, content_hash=request.content_hash,
                            message_id=request.message_id, created_at=now)
            session.add(digest)
            session.flush()
            for item in request.items:
                item = item if isinstance(item, ItemRequest) else ItemRequest(*item)
                session.add(DigestItem(digest_id=digest.id, opportunity_id=item.opportunity_id,
                                       match_id=item.match_id, section=item.section, event_id=item.event_id,
                                       band=item.band, band_date=item.band_date))
            return digest

    def mark_digest(self, digest_id: int, status: str, at: datetime, error: str | None = None) -> None:
        """Mark a digest sent (or failed, with the error)."""
        with self.session() as session:
            digest = session.get(Digest, digest_id)
            digest.status, digest.error = status, error
            if status == "sent":
                digest.sent_at = at

    def sent_match_ids(self, recipient: str) -> set[int]:
        """Matches already announced to this recipient in a digest (pending or sent)."""
        with self.session() as session:
            query = (select(DigestItem.match_id).join(Digest, col(Digest.id) == DigestItem.digest_id)
                     .where(Digest.recipient == recipient, col(DigestItem.match_id).is_not(None)))
            return set(session.exec(query).all())

    def digests(self, iso_week: str | None = None) -> list[Digest]:
        """Recorded digests (of one week, or all)."""
        with self.session() as session:
            query = select(Digest).order_by(Digest.id)
            if iso_week:
                query = query.where(Digest.iso_week == iso_week)
            return list(session.exec(query).all())

    def digest_match_ids(self, digest_id: int) -> set[int]:
        """Matches listed in a recorded digest."""
        with self.session() as session:
            query = select(DigestItem.match_id).where(DigestItem.digest_id == digest_id)
            return {m for m in session.exec(query).all() if m is not None}

    def match_rows(self, ids: Sequence[int]) -> list[Match]:
        """Matches by id."""
        with self.session() as session:
            return list(session.exec(select(Match).where(col(Match.id).in_(list(ids)))).all())
