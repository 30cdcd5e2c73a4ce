"""What the notifier needs beyond recording digests: what each contact already heard, change history,
delivery failures on contacts, unsubscribing, and the figures of the chef de projet's digest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import func, or_
from sqlmodel import col, select

from models.tables import Contact, Digest, DigestItem, FicheAction, Match, Opportunity, OpportunityEvent, Porteur

FAILED = "failed"
"""Digest status of a message the server refused for good."""
EXPIRED = "expired"
"""Digest status of a letter still pending when its week was over: it is never sent late, and its calls are
news again in the recipient's next letter (it may have reached the server before a crash: then they are told
twice, rather than never)."""
TOLD_NOTHING = (FAILED, EXPIRED)


@dataclass
class Announced:
    """What a recipient already heard about one call (over every digest recorded for them)."""

    match_ids: set[int] = field(default_factory=set)
    last_event_id: int = 0
    """Changes up to this event were covered; later ones are news ("mis à jour")."""
    reminders: set[tuple[int, date]] = field(default_factory=set)
    """(band, relève) reminders already sent ("clôture proche")."""


class NotifyStore:
    """Mixin of Store: the notifier's reads and the contact-side writes."""

    def announced(self, recipient: str, exclude_digest_id: int | None = None) -> dict[int, Announced]:
        """Per opportunity id, what `recipient` already heard (the digest being resent left out; a digest
        refused by the server told nothing, so its calls are news again once the address works)."""
        with self.session() as session:
            query = (select(DigestItem, Digest.created_at).join(Digest, col(Digest.id) == DigestItem.digest_id)
                     .where(Digest.recipient == recipient, col(Digest.status).not_in(TOLD_NOTHING),
                            or_(Digest.kind == "porteur", col(Digest.kind).startswith("porteur:"))))
            if exclude_digest_id is not None:
                query = query.where(Digest.id != exclude_digest_id)
            rows = session.exec(query).all()
            legacy = _legacy_event_ids(session, [(i.opportunity_id, at) for i, at in rows if i.event_id is None])
        result: dict[int, Announced] = {}
        for item, created_at in rows:
            seen = result.setdefault(item.opportunity_id, Announced())
            if item.match_id is not None:
                seen.match_ids.add(item.match_id)
            covered = item.event_id if item.event_id is not None else legacy.get((item.opportunity_id, created_at), 0)
            seen.last_event_id = max(seen.last_event_id, covered)
            if item.band is not None and item.band_date is not None:
                seen.reminders.add((item.band, item.band_date))
        return result

    def expire_pending(self, kinds: tuple[str, ...], before_week: str) -> int:
        """Mark the letters of `kinds` (a kind or a "kind:" prefix) still pending from weeks before `before_week`
        (YYYY-Www) as expired; the number marked."""
        with self.session() as session:
            kind_rule = or_(*(col(Digest.kind).startswith(k) for k in kinds))
            rows = session.exec(select(Digest).where(Digest.status == "pending", Digest.iso_week < before_week,
                                                     kind_rule)).all()
            for row in rows:
                row.status = EXPIRED
                session.add(row)
            return len(rows)

    def porteur_announced_calls(self, porteur_id: str) -> set[int]:
        """Calls listed in a digest to one of the porteur's contacts, sent or about to be (not refused)."""
        with self.session() as session:
            query = (select(DigestItem.opportunity_id).join(Digest, col(Digest.id) == DigestItem.digest_id)
                     .outerjoin(Contact, col(Contact.id) == Digest.contact_id)
                     .where(func.coalesce(Digest.porteur_id, Contact.porteur_id) == porteur_id,
                            col(Digest.status).not_in(TOLD_NOTHING),
                            or_(Digest.kind == "porteur", col(Digest.kind).startswith("porteur:"))))
            return set(session.exec(query).all())

    def events_by_opportunity(self, opportunity_ids: Iterable[int]) -> dict[int, list[OpportunityEvent]]:
        """Change history of several calls, oldest first."""
        ids = sorted(set(opportunity_ids))
        result: dict[int, list[OpportunityEvent]] = {i: [] for i in ids}
        with self.session() as session:
            query = select(OpportunityEvent).where(col(OpportunityEvent.opportunity_id).in_(ids))
            for event in session.exec(query.order_by(col(OpportunityEvent.id))).all():
                result[event.opportunity_id].append(event)
        return result

    def digest_items(self, digest_id: int) -> list[DigestItem]:
        """The items of a recorded digest, in the order recorded."""
        with self.session() as session:
            query = select(DigestItem).where(DigestItem.digest_id == digest_id).order_by(col(DigestItem.id))
            return list(session.exec(query).all())

    def record_delivery_error(self, contact_id: int, error: str | None) -> None:
        """Keep the last permanent delivery failure on the contact (None after a successful delivery)."""
        with self.session() as session:
            contact = session.get(Contact, contact_id)
            if contact is not None:
                contact.last_error = error

    def unsubscribe(self, token: str, at: datetime | None = None) -> Contact | None:
        """Unsubscribe the contact holding this token (one-click, RFC 8058); None for an unknown token.

        Idempotent: a second call keeps the first date and answers the same contact."""
        if not token:
            return None
        with self.session() as session:
            contact = session.exec(select(Contact).where(Contact.unsubscribe_token == token)).first()
            if contact is not None and contact.unsubscribed_at is None:
                contact.unsubscribed_at = at or datetime.now(UTC)
            return contact

    def contact_by_email(self, porteur_id: str, email: str) -> Contact | None:
        """One porteur's contact by address."""
        with self.session() as session:
            query = select(Contact).where(Contact.porteur_id == porteur_id, Contact.email == email.lower())
            return session.exec(query).first()

    def bounced_contacts(self, territoire_id: str) -> list[Contact]:
        """Contacts of the territory's porteurs whose last delivery failed for good."""
        with self.session() as session:
            query = (select(Contact).join(Porteur, col(Porteur.id) == Contact.porteur_id)
                     .where(Porteur.territoire_id == territoire_id, col(Contact.last_error).is_not(None))
                     .order_by(Contact.porteur_id, Contact.email))
            return list(session.exec(query).all())

    def new_calls_count(self, since: datetime, until: datetime) -> int:
        """« Nouveaux appels » everywhere (dashboard, chef de projet's letter): distinct calls first seen in
        [since, until), a call listed by several sources counted once (its canonical record)."""
        with self.session() as session:
            return session.exec(select(func.count(Opportunity.id)).where(
                Opportunity.first_seen >= since, Opportunity.first_seen < until,
                col(Opportunity.canonical_id).is_(None))).one()

    def new_calls_by_source(self, since: datetime, until: datetime) -> list[tuple[str, int]]:
        """Calls first seen in [since, until), counted per source (a call two sources list counts for each)."""
        with self.session() as session:
            query = (select(Opportunity.source, func.count()).where(Opportunity.first_seen >= since,
                                                                  Opportunity.first_seen < until)
                     .group_by(Opportunity.source).order_by(Opportunity.source))
            return [(source, count) for source, count in session.exec(query).all()]

    def territory_matches(self, territoire_id: str) -> list[Match]:
        """Every match of the territory's porteurs, best first."""
        with self.session() as session:
            query = (select(Match).join(Porteur, col(Porteur.id) == Match.porteur_id)
                     .where(Porteur.territoire_id == territoire_id).order_by(col(Match.score).desc()))
            return list(session.exec(query).all())

    def territory_fiches(self, territoire_id: str) -> list[FicheAction]:
        """The territory's fiches-actions, by id."""
        with self.session() as session:
            query = (select(FicheAction).join(Porteur, col(Porteur.id) == FicheAction.porteur_id)
                     .where(Porteur.territoire_id == territoire_id).order_by(FicheAction.id))
            return list(session.exec(query).all())


def _legacy_event_ids(session, pairs: list[tuple[int, datetime]]) -> dict[tuple[int, datetime], int]:  # noqa: ANN001
    """Items recorded before 0002_notify: they covered the events up to their digest's creation."""
    result = {}
    for opportunity_id, created_at in set(pairs):
        query = select(func.max(OpportunityEvent.id)).where(OpportunityEvent.opportunity_id == opportunity_id,
                                                           OpportunityEvent.at <= created_at)
        result[(opportunity_id, created_at)] = session.exec(query).first() or 0
    return result
