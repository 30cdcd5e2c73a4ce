"""Stored rows of the scheduler: job runs, job leases, dead-link checks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class JobRun(SQLModel, table=True):
    """One run of a scheduled job, as `vigie status` shows it."""

    __tablename__ = "job_run"
    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(max_length=120, index=True)
    """Job id: `crawl:<slug>`, `digest`, `retrain`, `dead_links`."""
    slot: datetime | None = None
    """The cron time this run answers (a run started late for a missed time keeps that time)."""
    holder: str = Field(default="", max_length=200)
    """Which scheduler process ran it (host:pid)."""
    started_at: datetime
    finished_at: datetime | None = None
    outcome: str = Field(default="running", max_length=20)
    """running | ok | failed | interrupted (its process died; redone at the next start)."""
    attempts: int = 1
    message: str = Field(default="", sa_column=Column(Text, nullable=False))
    """A French line: what the job did, or why it failed."""


class JobLease(SQLModel, table=True):
    """Who runs a job now, and the last cron time claimed: two schedulers on one database never run a
    job twice for the same time, and never at the same time."""

    __tablename__ = "job_lease"
    job: str = Field(primary_key=True, max_length=120)
    holder: str | None = Field(default=None, max_length=200)
    """None when nobody holds it."""
    expires_at: datetime | None = None
    """A holder that died (kill -9) loses the lease at this time."""
    slot: datetime | None = None
    """The last cron time claimed."""


class LinkCheck(SQLModel, table=True):
    """The last dead-link check of a stored call's URL."""

    __tablename__ = "link_check"
    opportunity_id: int = Field(primary_key=True, foreign_key="opportunity.id")
    url: str = Field(sa_column=Column(Text, nullable=False))
    checked_at: datetime
    ok: bool
    status_code: int | None = None
    error: str | None = Field(default=None, sa_column=Column(Text))
    """French reason when the link is dead or could not be checked (robots.txt, timeout…)."""
