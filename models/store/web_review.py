"""The chef de projet's acts on the review pages: decisions one by one or in bulk (one transaction), notes, and the
check that the ticked matches are in the account's territories. The queue they act on: models/store/web_queue.py."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import col, select

from models.tables import Match, Porteur
from models.vocab import ReviewStatus


class ReviewQueries:
    """Mixin of WebQueries: what the review pages check and write."""

    def scoped_match_ids(self, ids: list[int], territories: list[str] | None) -> list[int]:
        """The ids among `ids` whose porteur is in the territories (None: all)."""
        with self.session() as session:
            query = select(Match.id).join(Porteur, col(Porteur.id) == Match.porteur_id)
            query = query.where(col(Match.id).in_(ids))
            if territories is not None:
                query = query.where(col(Porteur.territoire_id).in_(territories or [""]))
            return list(session.exec(query).all())

    def decide(self, ids: list[int], status: ReviewStatus, reviewer: str, at: datetime,
               reason: str | None = None, note: str | None = None, snoozed_until: date | None = None) -> int:
        """Record one decision on several matches in one transaction (the reason is kept for learning)."""
        with self.session() as session:
            rows = session.exec(select(Match).where(col(Match.id).in_(ids))).all()
            for row in rows:
                row.review_status, row.reviewer, row.reviewed_at = status.value, reviewer, at
                row.reject_reason = reason if status == ReviewStatus.REJECTED else None
                row.snoozed_until = snoozed_until if status == ReviewStatus.SNOOZED else None
                if note:
                    row.note = note
            return len(rows)

    def annotate(self, match_id: int, note: str) -> None:
        """Replace a match's note."""
        with self.session() as session:
            row = session.get(Match, match_id)
            if row is not None:
                row.note = note or None
