"""Storing crawled opportunities: upsert by (source, source_id), change history, closing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlmodel import Session, col, select

from models.records import OpportunityData, status_as_of
from models.store.changes import record_update
from models.store.convert import changed_fields, new_row, record_values, to_record
from models.store.results import CrawlCounts, UpsertResult
from models.tables import Opportunity, OpportunityEvent
from models.vocab import ChangeKind, Recurrence, Status, UpsertOutcome


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
    return _update(session, row, data, seen_at, as_of)


def _update(session: Session, row: Opportunity, data: OpportunityData, seen_at: datetime, as_of: date) -> UpsertResult:
    was_closed, was_listed = _is_closed(row), row.listed
    digest = data.content_hash()
    before = changed_fields(row, data) if row.content_hash != digest else {}
    # The stored call, rebuilt only when a typed change is possible: new content, or closed ↔ open.
    old = to_record(row) if before or was_closed != (data.status == Status.CLOSED) else None
    if before:
        for key, value in record_values(data).items():
            setattr(row, key, value)
        row.content_hash = digest
        _event(session, row, ChangeKind.CHANGED, seen_at, before)
    else:  # same content: only what is volatile moves (the raw copy of the first version is kept)
        row.status, row.source_updated_at = data.status.value, data.source_updated_at
        row.stated_status = data.stated_status.value if data.stated_status else None
        row.evidence = [e.model_dump() for e in data.evidence]  # a sentence reworded: its new words, no change
    row.last_seen, row.listed = seen_at, True
    events = ([ChangeKind.CHANGED] if before else []) + _closing_events(session, row, was_closed, seen_at)
    record_update(session, row, old, data, was_listed, seen_at, as_of)
    outcome = UpsertOutcome.CHANGED if before else UpsertOutcome.UNCHANGED
    return UpsertResult(outcome, row.id, sorted(before), events)


def _touch_seen(session: Session, row: Opportunity, seen_at: datetime, as_of: date) -> UpsertResult:
    """A call the crawl found exactly as last time (not read again): seen, listed, status as of the day."""
    was_closed, was_listed = _is_closed(row), row.listed
    close_dates = [date.fromisoformat(d) for d in row.close_dates]
    recurrence = Recurrence(row.recurrence) if row.recurrence else None
    stated = Status(row.stated_status) if row.stated_status else None
    row.status = status_as_of(row.open_date, close_dates, recurrence, as_of, stated).value
    row.last_seen, row.listed = seen_at, True
    same = to_record(row) if not was_listed else None  # listed again: perhaps reopened
    record_update(session, row, same, same, was_listed, seen_at, as_of)
    return UpsertResult(UpsertOutcome.UNCHANGED, row.id, [], _closing_events(session, row, was_closed, seen_at))


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
        self, source: str, records: Iterable[OpportunityData], seen_at: datetime, as_of: date, complete: bool,
        unchanged: Iterable[str] = (), fingerprints: dict[str, str] | None = None,
    ) -> CrawlCounts:
        """Store a source's records in one transaction; when the listing was complete, calls it no longer
        lists are closed. A failed (incomplete) crawl closes nothing: nothing already stored is lost.

        `unchanged`: source_ids the crawl found exactly as last time (no record: counted unchanged, marked
        seen, status recomputed); `fingerprints`: source_id → fingerprint of each record, kept for next time."""
        counts, fingerprints = CrawlCounts(), fingerprints or {}
        with self.session() as session:
            seen = set()
            known = {row.source_id: row for row in session.exec(select(Opportunity).where(Opportunity.source == source))}
            for data in records:
                counts.add(upsert_in(session, data, seen_at, as_of, known))
                _keep_fingerprint(known[data.source_id], fingerprints.get(data.source_id), seen_at)
                seen.add(data.source_id)
            for source_id in (i for i in unchanged if i in known and i not in seen):
                counts.add(_touch_seen(session, known[source_id], seen_at, as_of))
                seen.add(source_id)
            # The preloaded rows (and the new ones) are the source's rows: no second query.
            if complete:
                counts.closed += _unlist_missing(session, list(known.values()), seen, seen_at, as_of)
            counts.closed += _close_expired(session, list(known.values()), seen, seen_at, as_of)
        return counts

    def crawl_fingerprints(self, source: str, read_since: datetime | None = None) -> dict[str, str]:
        """source_id → fingerprint of the source's calls read in full since `read_since` (None: any time)."""
        query = select(Opportunity.source_id, Opportunity.crawl_fingerprint).where(
            Opportunity.source == source, col(Opportunity.crawl_fingerprint).is_not(None))
        if read_since is not None:
            query = query.where(col(Opportunity.crawl_fingerprint_at) >= read_since)
        with self.session() as session:
            return dict(session.exec(query).all())

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


def _keep_fingerprint(row: Opportunity, fingerprint: str | None, read_at: datetime) -> None:
    """The fingerprint of a call just read in full (None: read it in full next time too)."""
    row.crawl_fingerprint = fingerprint
    row.crawl_fingerprint_at = read_at if fingerprint else None


def _unlist_missing(session: Session, rows: Iterable[Opportunity], seen: set[str], at: datetime,
                    as_of: date) -> int:
    """Listed calls (of the source's preloaded rows) not seen this time are no longer listed (withdrawn before
    their deadline: a typed change)."""
    closed = 0
    for row in rows:
        if row.source_id in seen or not row.listed:
            continue
        was_closed = _is_closed(row)
        record_update(session, row, to_record(row), None, True, at, as_of)
        row.listed = False
        closed += len(_closing_events(session, row, was_closed, at))
    return closed


def _close_expired(session: Session, rows: Iterable[Opportunity], seen: set[str], at: datetime, as_of: date) -> int:
    """Calls not seen this time whose last date has passed become closed (seen ones were updated already)."""
    closed = 0
    for row in rows:
        if row.source_id in seen or row.status == Status.CLOSED.value:
            continue
        was_closed = _is_closed(row)
        row.status = to_record(row).status_on(as_of).value
        closed += len(_closing_events(session, row, was_closed, at))
    return closed
