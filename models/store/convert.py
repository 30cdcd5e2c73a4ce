"""Record ↔ row conversions (rows add what Vigie owns; records are what sources and the matcher see)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from models.records import HISTORY_FIELDS, OpportunityData
from models.tables import Opportunity

_ROW_ONLY = {"id", "first_seen", "last_seen", "content_hash", "listed", "canonical_id",
             "crawl_fingerprint", "crawl_fingerprint_at"}


def record_values(data: OpportunityData) -> dict[str, Any]:
    """The record as row column values (dates of close_dates as ISO strings)."""
    values = data.model_dump(mode="python", exclude={"fact_sources"})
    values["close_dates"] = [d.isoformat() for d in data.close_dates]
    for key in ("instruments", "beneficiaries"):
        values[key] = [str(v) for v in values[key]]
    values["status"] = str(data.status)
    values["stated_status"] = str(data.stated_status) if data.stated_status else None
    values["recurrence"] = str(data.recurrence) if data.recurrence else None
    return values


def new_row(data: OpportunityData, seen_at: datetime) -> Opportunity:
    """A row for a record seen for the first time."""
    return Opportunity(**record_values(data), first_seen=seen_at, last_seen=seen_at,
                       content_hash=data.content_hash())


def to_record(row: Opportunity) -> OpportunityData:
    """The stored row as a validated record."""
    values = {k: v for k, v in row.model_dump().items() if k not in _ROW_ONLY}
    values["close_dates"] = [date.fromisoformat(d) for d in row.close_dates]
    values["evidence"] = row.evidence or []
    return OpportunityData.model_validate(values)


def changed_fields(row: Opportunity, data: OpportunityData) -> dict[str, Any]:
    """Content fields whose value differs, with their previous (JSON-ready) value."""
    new = record_values(data)
    before = {}
    for name in HISTORY_FIELDS:
        old = getattr(row, name)
        if _comparable(old) != _comparable(new[name]):
            before[name] = _comparable(old)
    return before


def _comparable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
