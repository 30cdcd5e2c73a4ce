"""Stored rows of the porteurs' space (migration 0009_porteur_space): the generation of each contact's personal
links, the answers contacts give to proposed calls, and the days each contact opened their space."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel


class SpaceLink(SQLModel, table=True):
    """The generation of a contact's personal links: every link carries the one it was made with, and the chef
    de projet's « révoquer » raises it, so that every link issued so far opens nothing any more."""

    __tablename__ = "space_link"
    contact_id: int = Field(primary_key=True, foreign_key="contact.id")
    generation: int = 0
    revoked_at: datetime | None = None
    """When the links were last revoked."""


class PorteurAnswer(SQLModel, table=True):
    """A contact's current answer to a match (one per contact and match: a vote replayed counts once, a
    different later answer replaces it and the earlier one goes to `history`)."""

    __tablename__ = "porteur_answer"
    __table_args__ = (UniqueConstraint("contact_id", "match_id"),)
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    match_id: int = Field(foreign_key="match.id", index=True)
    answer: str = Field(max_length=20)
    """models.answers: interesse | pas_pour_nous | je_depose."""
    reason: str | None = Field(default=None, max_length=40)
    """Why « pas pour nous » (models.answers.REASON_LABELS), or None."""
    answered_at: datetime = Field(index=True)
    history: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    """Earlier answers replaced by this one: {"answer", "reason", "at"} each, oldest first."""


class SpaceVisit(SQLModel, table=True):
    """A contact opened their space on a (Paris) day: one row per contact and day, whatever the number of visits."""

    __tablename__ = "space_visit"
    __table_args__ = (UniqueConstraint("contact_id", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    day: date = Field(index=True)
