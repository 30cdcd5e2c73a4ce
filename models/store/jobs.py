"""What the scheduler keeps: job leases, job runs and dead-link checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, insert, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from models.jobs import JobLease, JobRun, LinkCheck


@dataclass(frozen=True)
class LinkCounts:
    """Dead-link check results over the stored calls still open."""

    checked: int
    dead: int
    unchecked: int


class JobStore:
    """Mixin of Store: leases (a database lock per job), job runs, link checks."""

    def claim_job(self, job: str, holder: str, slot: datetime, now: datetime, ttl: timedelta) -> bool:
        """Take the job's lease for `slot`: False when another process holds it, or already claimed this slot.

        One atomic UPDATE (or the INSERT of the first claim, which a concurrent INSERT makes fail), so two
        schedulers on one database never both win, on SQLite as on PostgreSQL."""
        free = or_(col(JobLease.holder).is_(None), col(JobLease.expires_at) < now)
        newer = or_(col(JobLease.slot).is_(None), col(JobLease.slot) < slot)
        ours = and_(col(JobLease.holder) == holder, col(JobLease.slot) == slot)  # a retried claim
        values = {"holder": holder, "expires_at": now + ttl, "slot": slot}
        with self.engine.begin() as connection:
            claim = update(JobLease).where(col(JobLease.job) == job, or_(and_(free, newer), ours)).values(**values)
            taken = connection.execute(claim)
            if taken.rowcount == 1:
                return True
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(JobLease).values(job=job, **values))
        except IntegrityError:
            return False
        return True

    def take_over_job(self, job: str, dead_holder: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take the lease a dead process still holds (its slot stays: the run is redone for that slot).
        One atomic UPDATE: of two schedulers taking over the same run, one wins."""
        with self.engine.begin() as connection:
            taken = connection.execute(update(JobLease).where(col(JobLease.job) == job,
                                                              col(JobLease.holder) == dead_holder)
                                       .values(holder=holder, expires_at=now + ttl))
            return taken.rowcount == 1

    def unfinished_job_runs(self) -> list[JobRun]:
        """Runs recorded as started and never finished (their process died, or is still at work)."""
        query = select(JobRun).where(col(JobRun.finished_at).is_(None)).order_by(col(JobRun.id))
        with self.session() as session:
            return list(session.exec(query).all())

    def release_job(self, job: str, holder: str) -> None:
        """Give the lease back (the claimed slot stays: it is done)."""
        with self.engine.begin() as connection:
            connection.execute(update(JobLease).where(col(JobLease.job) == job, col(JobLease.holder) == holder)
                               .values(holder=None, expires_at=None))

    def start_job_run(self, job: str, slot: datetime | None, holder: str, started_at: datetime) -> int:
        """Record a run as started; returns its id."""
        with self.session() as session:
            run = JobRun(job=job, slot=slot, holder=holder, started_at=started_at)
            session.add(run)
            session.flush()
            return int(run.id or 0)

    def finish_job_run(self, run_id: int, outcome: str, message: str, attempts: int, finished_at: datetime) -> None:
        """Record how a run ended."""
        with self.session() as session:
            run = session.get(JobRun, run_id)
            if run is not None:
                run.outcome, run.message, run.attempts, run.finished_at = outcome, message, attempts, finished_at

    def job_runs(self, job: str | None = None) -> list[JobRun]:
        """Every run (of one job), oldest first."""
        query = select(JobRun).order_by(col(JobRun.id))
        if job is not None:
            query = query.where(col(JobRun.job) == job)
        with self.session() as session:
            return list(session.exec(query).all())

    def last_job_runs(self) -> dict[str, JobRun]:
        """The latest run of each job."""
        latest = select(func.max(JobRun.id)).group_by(JobRun.job)
        with self.session() as session:
            rows = session.exec(select(JobRun).where(col(JobRun.id).in_(latest))).all()
            return {row.job: row for row in rows}

    def open_call_links(self, as_of: date) -> list[tuple[int, str]]:
        """(id, url) of every stored call still open on the day."""
        return [(i, data.url) for i, data in self.opportunities(as_of=as_of, include_closed=False)]

    def save_link_check(self, check: LinkCheck) -> None:
        """Keep the latest check of a call's link."""
        with self.session() as session:
            session.merge(check)

    def link_checks(self) -> dict[int, LinkCheck]:
        """opportunity id → its last link check."""
        with self.session() as session:
            return {c.opportunity_id: c for c in session.exec(select(LinkCheck)).all()}

    def link_counts(self, as_of: date) -> LinkCounts:
        """How many open calls were checked, found dead, not checked yet."""
        checks = self.link_checks()
        open_ids = [i for i, _ in self.open_call_links(as_of)]
        checked = [checks[i] for i in open_ids if i in checks]
        return LinkCounts(len(checked), sum(not c.ok for c in checked), len(open_ids) - len(checked))
