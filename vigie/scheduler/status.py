"""`vigie status`: each job's next run (from the job store) and last result, sources' health, link checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import inspect, text

from models.jobs import JobRun
from models.store import Store
from models.store.jobs import LinkCounts
from vigie.scheduler.plan import PARIS, JobSpec, fire_times
from vigie.scheduler.runner import LEASE_TTL
from vigie.scheduler.service import JOBS_TABLE

OUTCOMES = {"ok": "réussie", "failed": "échec", "running": "en cours", "interrupted": "interrompue (reprise)"}


@dataclass(frozen=True)
class JobStatus:
    """One line of `vigie status`."""

    spec: JobSpec
    next_run: datetime | None
    stored: bool
    """False: `vigie schedule` has not planned it yet (next_run then comes from the cron)."""
    last: JobRun | None


@dataclass(frozen=True)
class Status:
    """Everything `vigie status` shows."""

    jobs: list[JobStatus]
    links: LinkCounts


def stored_next_runs(store: Store) -> dict[str, datetime | None]:
    """job id → next run time, as the scheduler's job store holds it (empty before the first `vigie schedule`)."""
    if not inspect(store.engine).has_table(JOBS_TABLE):
        return {}
    with store.engine.connect() as connection:
        rows = connection.execute(text(f"SELECT id, next_run_time FROM {JOBS_TABLE}")).all()
    return {job: datetime.fromtimestamp(ts, UTC) if ts is not None else None for job, ts in rows}


def next_from_cron(spec: JobSpec, now: datetime) -> datetime | None:
    """The next fire time of the spec's cron after `now`."""
    return next(fire_times(spec.cron, now, now.replace(year=now.year + 2)), None)


def gather(store: Store, specs: list[JobSpec], now: datetime, as_of: date) -> Status:
    """The status of every configured job, and the link counts."""
    stored, last = stored_next_runs(store), store.last_job_runs()
    jobs = [JobStatus(s, stored[s.id] if s.id in stored else next_from_cron(s, now), s.id in stored, last.get(s.id))
            for s in specs]
    return Status(jobs, store.link_counts(as_of))


def when(value: datetime | None) -> str:
    """Paris time, French style."""
    return value.astimezone(PARIS).strftime("%d/%m/%Y %H:%M") if value else "—"


def last_result(run: JobRun | None, now: datetime) -> str:
    """`réussie le 23/11/2026 08:00 : …`, or `jamais lancée`; a run still "running" after its lease
    expired was interrupted (its process killed)."""
    if run is None:
        return "jamais lancée"
    label = OUTCOMES.get(run.outcome, run.outcome)
    if run.outcome == "running" and now - run.started_at > LEASE_TTL:
        label = "interrompue"
    tries = f" ({run.attempts} essais)" if run.attempts > 1 else ""
    return f"{label}{tries} le {when(run.finished_at or run.started_at)} : {run.message}".rstrip(" :")
