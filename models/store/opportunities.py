"""Storing crawled opportunities: upsert by (source, source_id), change history, closing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlmodel import Session, col, select

from models.records import OpportunityData
from models.store.convert import changed_fields, new_row, record_values, to_record
from models.store.results import CrawlCounts, UpsertResult
from models.tables import Opportunity, OpportunityEvent
from models.vocab import ChangeKind, Status, UpsertOutcome


def _is_closed(row: Opportunity) -> bool:
    return not row.listed or row.status == Status.CLOSED


def _event(session: Session, row: Opportunity, kind: ChangeKind, at: datetime, before: dict | None = None) -> None:
    before = before or {}
    session.add(OpportunityEvent(opportunity_id=row.id, kind=kind.value, at=at,
                                 changed_fields=sorted(before), before=before))


def upsert_in(
    session: Session, data: OpportunityData, seen_at: datetime, as_of: date, known: dict[str, Opportunity] | None = None
) -> UpsertResult:
    """Insert or update one record inside an open session (`known`: the source's rows, preloaded)."""
    data = data.model_copy(update={"status": data.status_on(as_of)})
    if known is None:
        query = select(Opportunity).where(Opportunity.source == data.source, Opportunity.source_id == data.source_id)
        row = session.exec(query).first()
    else:
        row = known.get(data.source_id)
    if row is None:
        row = new_row(data, seen_at)
        session.add(row)
        session.flush()
        _event(session, row, ChangeKind.NEW, seen_at)
        if known is not None:
            known[data.source_id] = row
        return UpsertResult(UpsertOutcome.NEW, row.id, events=[ChangeKind.NEW])
    return _update(session, row, data, seen_at)


def _update(session: Session, row: Opportunity, data: OpportunityData, seen_at: datetime) -> UpsertResult:
    was_closed = _is_closed(row)
    digest = data.content_hash()
    before = changed_fields(row, data) if row.content_hash != digest else {}
    if before:
        for key, value in record_values(data).items():
            setattr(row, key, value)
        row.content_hash = digest
        _event(session, row, ChangeKind.CHANGED, seen_at, before)
    else:  # same content: only what is volatile moves (the raw copy of the first version is kept)
        row.status, row.source_updated_at = data.status.value, data.source_updated_at
    row.last_seen, row.listed = seen_at, True
    events = ([ChangeKind.CHANGED] if before else []) + _closing_events(session, row, was_closed, seen_at)
    outcome = UpsertOutcome.CHANGED if before else UpsertOutcome.UNCHANGED
    return UpsertResult(outcome, row.id, sorted(before), events)


def _closing_events(session: Session, row: Opportunity, was_closed: bool, at: datetime) -> list[ChangeKind]:
    now_closed = _is_closed(row)
    if now_closed == was_closed:
        return []
    kind = ChangeKind.CLOSED if now_closed else ChangeKind.REOPENED
    _event(session, row, kind, at)
    return [kind]


class OpportunityStore:
    """Mixin of Store: opportunities and their history."""

    def upsert_opportunity(self, data: OpportunityData, seen_at: datetime, as_of: date | None = None) -> UpsertResult:
        """Store one record; answers NEW / CHANGED / UNCHANGED (and the history entries written)."""
        with self.session() as session:
            return upsert_in(session, data, seen_at, as_of or seen_at.date())

    def store_crawl(
        self, source: str, records: Iterable[OpportunityData], seen_at: datetime, as_of: date, complete: bool
    ) -> CrawlCounts:
        """Store a source's records in one transaction; when the listing was complete, calls it no longer
        lists are closed. A failed (incomplete) crawl closes nothing: nothing already stored is lost."""
        counts = CrawlCounts()
        with self.session() as session:
            seen = set()
            known = {row.source_id: row for row in session.exec(select(Opportunity).where(Opportunity.source == source))}
            for data in records:
                counts.add(upsert_in(session, data, seen_at, as_of, known))
                seen.add(data.source_id)
            if complete:
                counts.closed += _unlist_missing(session, source, seen, seen_at)
            counts.closed += _close_expired(session, source, seen, seen_at, as_of)
        return counts

    def opportunities(self, as_of: date | None = None, include_closed: bool = True) -> list[tuple[int, OpportunityData]]:
        """Stored calls as (id, record), status recomputed as of the day when given."""
        with self.session() as session:
            rows = session.exec(select(Opportunity).order_by(Opportunity.id)).all()
        pairs = [(row.id, to_record(row)) for row in rows]
        if as_of:
            pairs = [(i, d.model_copy(update={"status": d.status_on(as_of)})) for i, d in pairs]
        if not include_closed:
            pairs = [(i, d) for i, d in pairs if d.status != Status.CLOSED]
        return pairs

    def history(self, opportunity_id: int) -> list[OpportunityEvent]:
        """Change history of one opportunity, oldest first."""
        with self.session() as session:
            query = select(OpportunityEvent).where(OpportunityEvent.opportunity_id == opportunity_id)
            return list(session.exec(query.order_by(col(OpportunityEvent.id))).all())


def _unlist_missing(session: Session, source: str, seen: set[str], at: datetime) -> int:
    query = select(Opportunity).where(Opportunity.source == source, col(Opportunity.listed).is_(True))
    closed = 0
    for row in session.exec(query).all():
        if row.source_id in seen:
            continue
        was_closed = _is_closed(row)
        row.listed = False
        closed += len(_closing_events(session, row, was_closed, at))
    return closed


def _close_expired(session: Session, source: str, seen: set[str], at: datetime, as_of: date) -> int:
    """Calls not seen this time whose last date has passed become closed (seen ones were updated already)."""
    query = select(Opportunity).where(Opportunity.source == source, Opportunity.status != Status.CLOSED.value)
    closed = 0
    for row in session.exec(query).all():
        if row.source_id in seen:
            continue
        was_closed = _is_closed(row)
        row.status = to_record(row).status_on(as_of).value
        closed += len(_closing_events(session, row, was_closed, at))
    return closed
