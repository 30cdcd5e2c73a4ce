"""The porteurs' space in the database: personal link generations (revocation), answers to proposed calls,
days a contact opened their space; and the decisions learning reads (the chef de projet's, then porteurs').
What only the web app asks (links revoked, visits recorded, answers per match): models/store/space_queries.py."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from models.answers import learning_verdict
from models.porteur_rows import PorteurAnswer, SpaceLink
from models.records import OpportunityData
from models.store.convert import to_record
from models.tables import Contact, Match, Opportunity, Porteur

NEW, SAME, REPLACED = "nouvelle", "inchangée", "remplacée"
"""What recording an answer did."""


class PorteurSpaceStore:
    """Mixin of Store: personal links, answers and visits of porteur contacts."""

    def contact_row(self, contact_id: int) -> Contact | None:
        """One contact by id."""
        with self.session() as session:
            return session.get(Contact, contact_id)

    def contacts_with_email(self, email: str) -> list[Contact]:
        """Every contact with this address (one per porteur it follows), case aside."""
        with self.session() as session:
            query = select(Contact).where(Contact.email == email.strip().lower()).order_by(Contact.id)
            return list(session.exec(query).all())

    def call_records(self, ids: Iterable[int]) -> dict[int, OpportunityData]:
        """Some stored calls as records, by id."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        with self.session() as session:
            rows = session.exec(select(Opportunity).where(col(Opportunity.id).in_(wanted))).all()
            return {row.id: to_record(row) for row in rows}

    def link_generation(self, contact_id: int) -> int:
        """The generation a contact's new links carry (0 until the chef de projet revokes them once)."""
        with self.session() as session:
            row = session.get(SpaceLink, contact_id)
            return row.generation if row else 0

    def record_answer(self, contact_id: int, match_id: int, answer: str, reason: str | None, at: datetime) -> str:
        """Keep the contact's answer to a match: NEW, SAME (a replayed vote counts once) or REPLACED (the
        earlier answer goes to the row's history)."""
        try:
            return self._record_answer(contact_id, match_id, answer, reason, at)
        except IntegrityError:  # the same vote posted twice at once: the other request stored it
            return self._record_answer(contact_id, match_id, answer, reason, at)

    def _record_answer(self, contact_id: int, match_id: int, answer: str, reason: str | None, at: datetime) -> str:
        with self.session() as session:
            query = select(PorteurAnswer).where(PorteurAnswer.contact_id == contact_id,
                                                PorteurAnswer.match_id == match_id)
            row = session.exec(query).first()
            if row is None:
                session.add(PorteurAnswer(contact_id=contact_id, match_id=match_id, answer=answer, reason=reason,
                                          answered_at=at))
                return NEW
            if (row.answer, row.reason) == (answer, reason):
                return SAME
            earlier = {"answer": row.answer, "reason": row.reason, "at": row.answered_at.isoformat()}
            row.history = [*row.history, earlier]
            row.answer, row.reason, row.answered_at = answer, reason, at
            return REPLACED

    def answers_of_contact(self, contact_id: int) -> dict[int, PorteurAnswer]:
        """Match id → the contact's current answer."""
        with self.session() as session:
            rows = session.exec(select(PorteurAnswer).where(PorteurAnswer.contact_id == contact_id)).all()
            return {row.match_id: row for row in rows}

    def answer_counts(self, territoire_id: str, start: datetime, end: datetime) -> dict[str, int]:
        """Answer → how many current answers of the territory's contacts were given in [start, end)."""
        with self.session() as session:
            query = (select(PorteurAnswer.answer, func.count(col(PorteurAnswer.id)))
                     .join(Contact, col(Contact.id) == PorteurAnswer.contact_id)
                     .join(Porteur, col(Porteur.id) == Contact.porteur_id)
                     .where(Porteur.territoire_id == territoire_id, PorteurAnswer.answered_at >= start,
                            PorteurAnswer.answered_at < end)
                     .group_by(PorteurAnswer.answer))
            return {answer: n for answer, n in session.exec(query).all()}

    def porteur_answers(self) -> list[tuple[str, str, str, str, str | None]]:
        """(fiche_id, source, source_id, answer, reason) of every match's latest answer, whoever gave it."""
        with self.session() as session:
            query = (select(Match.fiche_id, Opportunity.source, Opportunity.source_id, PorteurAnswer.answer,
                            PorteurAnswer.reason)
                     .join(Match, col(Match.id) == PorteurAnswer.match_id)
                     .join(Opportunity, col(Opportunity.id) == Match.opportunity_id)
                     .order_by(col(PorteurAnswer.answered_at), col(PorteurAnswer.id)))
            return [tuple(row) for row in session.exec(query).all()]

    def learning_decisions(self) -> dict[tuple[str, str, str], bool]:
        """What learning trains on: the chef de projet's decisions (`review_decisions`), and for a match he did
        not decide, its latest porteur answer that tells something (models.answers.learning_verdict)."""
        decisions = self.review_decisions()
        heard: dict[tuple[str, str, str], bool | None] = {}
        for fiche_id, source, source_id, answer, reason in self.porteur_answers():
            heard[(fiche_id, source, source_id)] = learning_verdict(answer, reason)  # the latest answer wins
        extra = {key: verdict for key, verdict in heard.items() if verdict is not None and key not in decisions}
        return {**decisions, **extra}
