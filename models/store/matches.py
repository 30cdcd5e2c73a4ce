"""Storing match results while keeping their review history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from models.records import MatchResult
from models.tables import Match, Opportunity
from models.vocab import ReviewStatus


def _opportunity_ids(session: Session) -> dict[tuple[str, str], int]:
    rows = session.exec(select(Opportunity.id, Opportunity.source, Opportunity.source_id)).all()
    return {(source, source_id): oid for oid, source, source_id in rows}


def _values(result: MatchResult, rank: int | None, scored_at: datetime) -> dict:
    """What a match run writes on a match row (the review is never touched)."""
    return {"score": result.score, "rank": rank, "eligible": result.eligible, "scored_at": scored_at,
            "eligibility": [c.model_dump() for c in result.eligibility],
            "reasons": [r.model_dump() for r in result.reasons]}


def record_review(row: Match, status: ReviewStatus, reviewer: str, at: datetime, note: str | None,
                  reason: str | None) -> None:
    """The chef de projet's decision written on a match (a note given replaces the previous one)."""
    row.review_status, row.reviewer, row.reviewed_at = status.value, reviewer, at
    row.note = note if note is not None else row.note
    row.reject_reason = reason if status == ReviewStatus.REJECTED else None


@dataclass(frozen=True)
class ImportedDecision:
    """A decision made outside the queue, on a fiche and a call."""

    fiche_id: str
    porteur_id: str
    opportunity_ids: tuple[int, ...]
    """Every stored row of the call (one per source listing it), the one `vigie match` scores first."""
    status: ReviewStatus
    at: datetime
    motif: str | None = None


class MatchStore:
    """Mixin of Store: matches and their review."""

    def save_matches(
        self, results: Iterable[MatchResult], ranks: Mapping[tuple[str, str, str], int], scored_at: datetime
    ) -> int:
        """Insert or re-score matches; first_matched_at and the review (status, reviewer, note) are kept.

        Written in two bulk statements (new rows, then re-scored ones by id): building one ORM object per row cost
        most of a cold `vigie match` at tens of thousands of pairs."""
        new: list[dict] = []
        rescored: list[dict] = []
        with self.session() as session:
            ids = _opportunity_ids(session)
            rows = session.exec(select(Match.id, Match.fiche_id, Match.opportunity_id))
            existing = {(fiche, oid): mid for mid, fiche, oid in rows}
            for result in results:
                oid = ids.get((result.source, result.source_id))
                if oid is None:
                    continue
                values = _values(result, ranks.get((result.fiche_id, result.source, result.source_id)), scored_at)
                mid = existing.get((result.fiche_id, oid))
                if mid is None:
                    new.append({"fiche_id": result.fiche_id, "opportunity_id": oid, "porteur_id": result.porteur_id,
                                "first_matched_at": scored_at, "review_status": ReviewStatus.PENDING.value, **values})
                else:
                    rescored.append({"id": mid, **values})
            if new:
                session.execute(insert(Match), new)
            if rescored:
                session.execute(update(Match), rescored)
        return len(new) + len(rescored)

    def matches(self, porteur_id: str | None = None, eligible_only: bool = False) -> list[Match]:
        """Stored matches, best first."""
        with self.session() as session:
            query = select(Match)
            if porteur_id:
                query = query.where(Match.porteur_id == porteur_id)
            if eligible_only:
                query = query.where(Match.eligible == True)  # noqa: E712 - SQL expression
            return list(session.exec(query.order_by(Match.score.desc())).all())

    def review(self, match_id: int, status: ReviewStatus, reviewer: str, at: datetime,
               note: str | None = None, reason: str | None = None) -> Match:
        """Record the chef de projet's decision on a match."""
        with self.session() as session:
            row = session.get(Match, match_id)
            if row is None:
                raise KeyError(match_id)
            record_review(row, status, reviewer, at, note, reason)
            return row

    def import_decisions(self, decisions: Sequence[ImportedDecision], reviewer: str, now: datetime) -> int:
        """Record decisions made outside the queue, all in one transaction, each as `review` records it: on the
        fiche's stored match of the call (whichever source's row), else on a new match of the call's first row,
        which the next `vigie match` scores and keeps with its decision. Returns how many matches were new."""
        created = 0
        with self.session() as session:
            for d in decisions:
                query = select(Match).where(Match.fiche_id == d.fiche_id, col(Match.opportunity_id).in_(d.opportunity_ids))
                rows = sorted(session.exec(query).all(), key=lambda r: d.opportunity_ids.index(r.opportunity_id))
                row = rows[0] if rows else None
                if row is None:
                    row = Match(fiche_id=d.fiche_id, opportunity_id=d.opportunity_ids[0], porteur_id=d.porteur_id,
                                score=0.0, eligible=False, first_matched_at=now, scored_at=now)
                    session.add(row)
                    created += 1
                record_review(row, d.status, reviewer, d.at, d.motif, d.motif)
        return created
