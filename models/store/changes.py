"""Typed changes of the calls: written by the crawl's store path, read by `vigie changes` and the review queue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from models.change_rows import CallChange
from models.changes import Change, ChangeType, detect_changes
from models.records import OpportunityData
from models.tables import Match, Opportunity


@dataclass(frozen=True)
class StoredChange:
    """A change as `vigie changes` lists it: the call, its source, what changed and when it was seen."""

    opportunity_id: int
    source: str
    source_id: str
    title: str
    url: str
    change: Change
    detected_on: date
    """The crawl's day."""
    detected_at: datetime


def record_changes(session: Session, opportunity_id: int, changes: Iterable[Change], at: datetime,
                   day: date) -> None:
    """Store the changes a crawl found on one call."""
    for change in changes:
        session.add(CallChange(opportunity_id=opportunity_id, type=change.type.value, before=change.before,
                               after=change.after, detected_on=day, detected_at=at))


def record_update(session: Session, row: Opportunity, old: OpportunityData | None, new: OpportunityData | None,
                  old_listed: bool, at: datetime, day: date) -> None:
    """The changes from the call as stored (`old`, None: nothing worth comparing) to the call found now (`new`,
    None: no longer listed by its source)."""
    if old is not None:
        record_changes(session, row.id, detect_changes(old, new, day, old_listed), at, day)


def _change(row: CallChange) -> Change:
    return Change(ChangeType(row.type), row.before, row.after)


class ChangeStore:
    """Mixin of Store: typed changes of the calls."""

    def call_changes(self, since: date | None = None, source: str | None = None) -> list[StoredChange]:
        """Changes detected on or after `since` (None: all), of one source's calls when named; oldest first."""
        query = select(CallChange, Opportunity).join(Opportunity, col(Opportunity.id) == CallChange.opportunity_id)
        if since is not None:
            query = query.where(CallChange.detected_on >= since)
        if source:
            query = query.where(Opportunity.source == source)
        with self.session() as session:
            rows = session.exec(query.order_by(col(CallChange.detected_on), col(CallChange.id))).all()
        return [StoredChange(o.id, o.source, o.source_id, o.title, o.url, _change(c), c.detected_on, c.detected_at)
                for c, o in rows]

    def change_sources(self) -> set[str]:
        """Sources whose calls have a recorded change."""
        query = select(Opportunity.source).join(CallChange, col(CallChange.opportunity_id) == Opportunity.id)
        with self.session() as session:
            return set(session.exec(query.distinct()).all())

    def match_news(self, match_ids: Iterable[int]) -> dict[int, list[Change]]:
        """Per match, its call's changes the chef de projet has not seen yet: detected after the last decision
        on the match, or after it was first matched when nobody decided yet; oldest first."""
        ids = sorted(set(match_ids))
        seen_until = func.coalesce(Match.reviewed_at, Match.first_matched_at)
        query = (select(Match.id, CallChange).join(CallChange, col(CallChange.opportunity_id) == Match.opportunity_id)
                 .where(col(Match.id).in_(ids), CallChange.detected_at > seen_until).order_by(col(CallChange.id)))
        result: dict[int, list[Change]] = {}
        with self.session() as session:
            for match_id, row in session.exec(query).all():
                result.setdefault(match_id, []).append(_change(row))
        return result

