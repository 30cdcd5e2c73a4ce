"""Stored rows of the typed changes between crawls (migration 0005_changes): one row per change of a call."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


class CallChange(SQLModel, table=True):
    """A typed change of a call, detected by a crawl (models.changes.Change as stored)."""

    __tablename__ = "call_change"
    id: int | None = Field(default=None, primary_key=True)
    opportunity_id: int = Field(foreign_key="opportunity.id", index=True)
    type: str = Field(max_length=40)
    """models.changes.ChangeType."""
    before: Any = Field(default=None, sa_column=Column(JSON))
    """Previous value (ISO date, codes, {"min", "max"} euros…); None when there was none."""
    after: Any = Field(default=None, sa_column=Column(JSON))
    """New value, same shapes."""
    detected_on: date = Field(index=True)
    """The crawl's day (Paris): what `vigie changes --depuis` filters on."""
    detected_at: datetime
    """The instant the crawl stored it."""
