"""One run of a scheduled job: the database lease, the job-run record, retries while the database is away.

`execute` is what APScheduler calls (a module-level function: the job store keeps a reference to it).
A run answers a slot (the cron time it is for): the lease row records the last slot claimed, so a second
scheduler on the same database, or a restart, never runs the same slot twice, and a job never runs in two
processes at once. Errors never leave a run: the scheduler keeps going and the next slot runs as usual."""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError

from models.config import load_config
from models.errors import DatabaseError, VigieError
from models.jobs import JobRun
from models.store import Store
from vigie.context import source_kinds
from vigie.pipeline.clock import utcnow
from vigie.scheduler.plan import PARIS, last_fire_time

logger = logging.getLogger(__name__)
T = TypeVar("T")
TRANSIENT = (SQLAlchemyError, DatabaseError)
"""The database is away (server stopped, file locked): the step is tried again."""
RETRY_DELAYS = (30.0, 60.0, 120.0, 300.0)
LEASE_TTL = timedelta(hours=3)
"""A holder that died loses its lease after this (longer than any job: crawls stop at process_timeout)."""


def default_holder() -> str:
    """host:pid of this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class RunReport:
    """How one run ended."""

    job: str
    outcome: str
    """ok | failed | skipped (another process has it, or this slot is done)."""
    message: str
    attempts: int = 1


class Exhausted(Exception):
    """Every retry failed."""

    def __init__(self, cause: BaseException, attempts: int) -> None:
        super().__init__(str(cause))
        self.cause, self.attempts = cause, attempts


def database_message(exc: BaseException) -> str:
    """The French line of a database failure."""
    if isinstance(exc, VigieError):
        return str(exc)
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"base de données indisponible : {text[0] if text else type(exc).__name__}"


@dataclass
class Runner:
    """Runs jobs of one configuration directory; clock, sleep and delays are injectable (tests)."""

    config_dir: Path
    clock: Callable[[], datetime] = utcnow
    sleep: Callable[[float], None] = time.sleep
    delays: tuple[float, ...] = RETRY_DELAYS
    holder: str = field(default_factory=default_holder)

    def run(self, job: str, kind: str, cron: str, args: dict[str, str] | None = None) -> RunReport:
        """Claim the job's slot, run it (retried while the database is away), record how it ended."""
        now = self.clock()
        slot = last_fire_time(cron, now) or now
        try:
            (store, run_id), _ = self.retrying(job, lambda: self.begin(job, slot))
        except Exhausted as exc:
            return self.abandon(job, exc)
        except VigieError as exc:  # the configuration became invalid: nothing can be recorded
            logger.error("tâche %s non lancée : %s", job, exc)
            return RunReport(job, "failed", str(exc))
        if run_id is None:
            store.close()
            logger.info("tâche %s : créneau %s déjà fait, ou tâche en cours ailleurs", job, slot.isoformat())
            return RunReport(job, "skipped", f"créneau {slot.isoformat()} déjà pris")
        report = self.body(job, kind, now.astimezone(PARIS).date(), args or {})
        self.end(store, run_id, report)
        return report

    def resume(self, job: str, kind: str, run_id: int, dead_holder: str, args: dict[str, str] | None = None
               ) -> RunReport:
        """Redo, for its slot, a run whose process died (kill -9, power cut): the old run is recorded as
        interrupted, the dead process's lease taken over (only one scheduler wins it), the job run again."""
        try:
            (store, new_id), _ = self.retrying(job, lambda: self.take_over(job, run_id, dead_holder))
        except Exhausted as exc:
            return self.abandon(job, exc)
        if new_id is None:
            store.close()
            return RunReport(job, "skipped", "déjà reprise par un autre planificateur")
        logger.warning("tâche %s : reprise après l'arrêt brutal de %s", job, dead_holder)
        report = self.body(job, kind, self.clock().astimezone(PARIS).date(), args or {})
        self.end(store, new_id, report)
        return report

    def take_over(self, job: str, run_id: int, dead_holder: str) -> tuple[Store, int | None]:
        """Open the store, take the dead holder's lease, close its run, record the new one (None: not ours)."""
        config = load_config(self.config_dir, source_kinds())
        store = Store.open(config.database_url)
        try:
            old = next((r for r in store.unfinished_job_runs() if r.id == run_id), None)
            if old is None or not store.take_over_job(job, dead_holder, self.holder, self.clock(), LEASE_TTL):
                return store, None
            store.finish_job_run(run_id, "interrupted", f"processus {dead_holder} arrêté en cours de tâche ; reprise",
                                 old.attempts, self.clock())
            return store, store.start_job_run(job, old.slot, self.holder, self.clock())
        except BaseException:
            store.close()
            raise

    def begin(self, job: str, slot: datetime) -> tuple[Store, int | None]:
        """Open the store, take the lease, record the run as started (run id None: not ours)."""
        config = load_config(self.config_dir, source_kinds())
        store = Store.open(config.database_url)
        try:
            if not store.claim_job(job, self.holder, slot, self.clock(), LEASE_TTL):
                return store, None
            return store, store.start_job_run(job, slot, self.holder, self.clock())
        except BaseException:
            store.close()
            raise

    def body(self, job: str, kind: str, as_of: date, args: dict[str, str]) -> RunReport:
        """The job itself: its French summary, or why it failed."""
        from vigie.scheduler.jobs import JOBS  # the crawlers, the matcher, the notifier: only when a job runs

        logger.info("tâche %s lancée (jour %s)", job, as_of.isoformat())
        try:
            message, attempts = self.retrying(job, lambda: JOBS[kind](self.config_dir, as_of, **args))
        except Exhausted as exc:
            return RunReport(job, "failed", f"{database_message(exc.cause)} ({exc.attempts} essais)", exc.attempts)
        except VigieError as exc:
            logger.warning("tâche %s en échec : %s", job, exc)
            return RunReport(job, "failed", str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug in one job must not stop the scheduler
            logger.exception("tâche %s : erreur inattendue", job)
            return RunReport(job, "failed", f"erreur inattendue : {type(exc).__name__} : {exc}")
        logger.info("tâche %s terminée : %s", job, message)
        return RunReport(job, "ok", message, attempts)

    def end(self, store: Store, run_id: int, report: RunReport) -> None:
        """Record the outcome and give the lease back (retried: the database may still be away)."""
        def record() -> None:
            store.finish_job_run(run_id, report.outcome, report.message, report.attempts, self.clock())
            store.release_job(report.job, self.holder)

        try:
            self.retrying(report.job, record)
        except Exhausted as exc:
            logger.error("tâche %s : résultat non enregistré : %s", report.job, database_message(exc.cause))
        finally:
            store.close()

    def abandon(self, job: str, exc: Exhausted) -> RunReport:
        """The database stayed away through every retry: said in the log (it cannot be recorded)."""
        message = f"{database_message(exc.cause)} ({exc.attempts} essais)"
        logger.error("tâche %s abandonnée : %s ; prochain essai à l'heure prévue suivante", job, message)
        return RunReport(job, "failed", message, exc.attempts)

    def retrying(self, job: str, step: Callable[[], T]) -> tuple[T, int]:
        """`step()` and how many attempts it took; retried after each delay while the database is away."""
        for attempt, delay in enumerate((*self.delays, None), start=1):
            try:
                return step(), attempt
            except TRANSIENT as exc:
                if delay is None:
                    raise Exhausted(exc, attempt) from exc
                logger.warning("tâche %s, essai %d : %s ; nouvel essai dans %.0f s",
                               job, attempt, database_message(exc), delay)
                self.sleep(delay)
        raise AssertionError("unreachable")


def execute(job: str, kind: str, cron: str, config_dir: str, args: dict[str, str] | None = None) -> None:
    """What APScheduler runs (keep this signature: stored jobs refer to it by name)."""
    Runner(Path(config_dir), delays=RETRY_DELAYS).run(job, kind, cron, args)


def execute_resume(job: str, kind: str, config_dir: str, args: dict[str, str], run_id: int, dead_holder: str) -> None:
    """What APScheduler runs to redo an interrupted run (keep this signature: stored jobs refer to it)."""
    Runner(Path(config_dir), delays=RETRY_DELAYS).resume(job, kind, run_id, dead_holder, args)


def holder_dead(holder: str, this_host: str | None = None) -> bool:
    """Whether the process `host:pid` that holds a run is known to be gone: on this machine only (the pid
    is looked up); a run held on another machine is left to its lease's expiry. Asked at start-up, before
    this process runs anything: a run held under this very pid is an earlier process's that had the same
    pid (a container restarted, where the scheduler is often pid 1)."""
    host, _, pid = holder.rpartition(":")
    if host != (this_host or socket.gethostname()) or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        pass
    return False


def interrupted_runs(runs: list[JobRun], now: datetime) -> list[JobRun]:
    """Unfinished runs to redo: their process is gone, or their lease has long expired."""
    return [r for r in runs if holder_dead(r.holder) or now - r.started_at > LEASE_TTL]
