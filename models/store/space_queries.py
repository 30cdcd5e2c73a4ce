"""What the web app alone writes and reads of the porteurs' space: links revoked by the chef de projet, days a
contact opened their space, answers shown beside the matches. The rest is in models/store/porteur_space.py."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from models.porteur_rows import PorteurAnswer, SpaceLink, SpaceVisit
from models.tables import Contact


class SpaceQueries:
    """Mixin of WebQueries: personal links revoked, visits, answers per match."""

    def revoke_links(self, contact_id: int, at: datetime) -> int:
        """Invalidate every link issued so far to the contact; the new generation."""
        with self.session() as session:
            row = session.get(SpaceLink, contact_id)
            if row is None:
                row = SpaceLink(contact_id=contact_id)
                session.add(row)
            row.generation, row.revoked_at = row.generation + 1, at
            return row.generation

    def record_visit(self, contact_id: int, day: date) -> bool:
        """Note that the contact opened their space on `day` (once a day); True when it is the day's first."""
        try:
            with self.session() as session:
                query = select(SpaceVisit).where(SpaceVisit.contact_id == contact_id, SpaceVisit.day == day)
                if session.exec(query).first() is not None:
                    return False
                session.add(SpaceVisit(contact_id=contact_id, day=day))
                return True
        except IntegrityError:  # another request of the same day got there first
            return False

    def answers_of_matches(self, match_ids: Iterable[int]) -> dict[int, list[tuple[Contact, PorteurAnswer]]]:
        """Per match, every contact's current answer, latest first."""
        ids = sorted(set(match_ids))
        if not ids:
            return {}
        with self.session() as session:
            query = (select(Contact, PorteurAnswer).join(PorteurAnswer, col(PorteurAnswer.contact_id) == Contact.id)
                     .where(col(PorteurAnswer.match_id).in_(ids))
                     .order_by(col(PorteurAnswer.answered_at).desc(), col(PorteurAnswer.id).desc()))
            found: dict[int, list[tuple[Contact, PorteurAnswer]]] = {}
            for contact, row in session.exec(query).all():
                found.setdefault(row.match_id, []).append((contact, row))
            return found
