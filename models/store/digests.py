"""Digests: recorded before they are handed to a sender, claimed by one sender at a time (a conditional UPDATE
that exactly one claimant wins), marked sent after (a rerun, or a second sender at once, never sends twice)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
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
class Claim:
    """What a sender writes on the letter it takes (see notifier.claims)."""

    holder: str
    now: datetime
    until: datetime
    """End of the lease."""


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
    body: bytes | None = None
    """The whole message, kept when it must go out as first planned (the chef de projet's letter)."""


class DigestStore:
    """Mixin of Store: digests."""

    def existing_digest(self, recipient: str, kind: str, iso_week: str) -> Digest | None:
        """The digest already recorded for this recipient and week, if any."""
        with self.session() as session:
            query = select(Digest).where(Digest.recipient == recipient, Digest.kind == kind,
                                         Digest.iso_week == iso_week)
            return session.exec(query).first()

    def record_digest(self, request: DigestRequest, now: datetime, claim: Claim | None = None) -> Digest:
        """Record a digest as pending with its items, claimed by `claim` when given (returns the one already
        recorded, by this sender or another, when there is one: its `claimed_by` tells who holds it)."""
        existing = self.existing_digest(request.recipient, request.kind, request.iso_week)
        if existing:
            return existing
        try:
            return self._insert_digest(request, now, claim)
        except IntegrityError:  # another sender recorded the same letter a moment before: theirs stands
            existing = self.existing_digest(request.recipient, request.kind, request.iso_week)
            if existing is None:
                raise
            return existing

    def _insert_digest(self, request: DigestRequest, now: datetime, claim: Claim | None) -> Digest:
        with self.session() as session:
            digest = Digest(recipient=request.recipient, kind=request.kind, contact_id=request.contact_id,
                            porteur_id=request.porteur_id, territoire_id=request.territoire_id,
                            iso_week=request.iso_week, content_hash=request.content_hash,
                            message_id=request.message_id, created_at=now, body=request.body,
                            claimed_by=claim.holder if claim else None, claimed_until=claim.until if claim else None)
            session.add(digest)
            session.flush()
            for item in request.items:
                item = item if isinstance(item, ItemRequest) else ItemRequest(*item)
                session.add(DigestItem(digest_id=digest.id, opportunity_id=item.opportunity_id,
                                       match_id=item.match_id, section=item.section, event_id=item.event_id,
                                       band=item.band, band_date=item.band_date))
            return digest

    def claim_digest(self, digest_id: int, claim: Claim, dead_holders: Sequence[str] = ()) -> bool:
        """Take a pending letter for `claim.holder`: won only when nobody holds it, its lease is over, or its holder
        is one of `dead_holders` (one UPDATE with those conditions: exactly one of several claimants wins)."""
        free = or_(col(Digest.claimed_by).is_(None), col(Digest.claimed_until) < claim.now,
                   col(Digest.claimed_by).in_(list(dead_holders)))
        query = (update(Digest).where(col(Digest.id) == digest_id, col(Digest.status) == "pending", free)
                 .values(claimed_by=claim.holder, claimed_until=claim.until))
        with self.session() as session:
            return session.execute(query).rowcount == 1

    def release_digest(self, digest_id: int, holder: str) -> None:
        """Give a letter back untouched (nothing was handed over): the next sender may take it at once."""
        query = (update(Digest).where(col(Digest.id) == digest_id, col(Digest.claimed_by) == holder)
                 .values(claimed_by=None, claimed_until=None))
        with self.session() as session:
            session.execute(query)

    def mark_digest(self, digest_id: int, status: str, at: datetime, error: str | None = None) -> None:
        """Mark a digest sent (or failed, with the error; or pending again after a temporary failure), releasing
        its claim."""
        values = {"status": status, "error": error, "claimed_by": None, "claimed_until": None}
        if status == "sent":
            values["sent_at"] = at
        with self.session() as session:
            session.execute(update(Digest).where(col(Digest.id) == digest_id).values(**values))

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
