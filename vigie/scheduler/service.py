"""`vigie schedule`: APScheduler 3 with its jobs kept in Vigie's database, stopped cleanly by SIGTERM.

Jobs live in APScheduler's SQLAlchemy job store (table `apscheduler_jobs`, same database_url): a restart
keeps each job's next run time, so a run missed while the machine was off runs once at start-up
(coalesce, misfire grace), and a run already done is not repeated. One worker thread: jobs run one after
another (crawls run in child processes with their own time limit); the runner's lease keeps two
schedulers on one database from running the same job."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from models.store import Store
from models.store.core import create_vigie_engine
from vigie.pipeline.clock import utcnow
from vigie.scheduler.plan import PARIS, JobSpec, trigger
from vigie.scheduler.runner import database_message, execute, execute_resume, interrupted_runs

logger = logging.getLogger(__name__)
JOBS_TABLE = "apscheduler_jobs"
MISFIRE_GRACE_SECONDS = 7 * 24 * 3600
"""A run missed by up to a week (machine off over the weekend, holidays) still runs once at start-up."""


class ResilientScheduler(BackgroundScheduler):
    """APScheduler 3 guards only the job store's `get_due_jobs` call: if the database goes away while its
    loop updates a job or asks for the next run time, the exception kills the loop's thread and every job
    stops, silently, while `vigie schedule` still looks alive. Here such a round is logged and tried again
    after `jobstore_retry_interval`; a job submitted twice because its update was lost is refused by the
    runner's lease (same slot)."""

    def _process_jobs(self) -> float | None:
        try:
            return super()._process_jobs()
        except Exception as exc:  # noqa: BLE001 - the loop must outlive any job-store failure
            logger.warning("planificateur : base de données indisponible (%s) ; nouvel essai dans %.0f s",
                           database_message(exc), self.jobstore_retry_interval)
            return self.jobstore_retry_interval


def build_scheduler(database_url: str) -> BackgroundScheduler:
    """A scheduler whose jobs are stored in Vigie's database."""
    store = SQLAlchemyJobStore(engine=create_vigie_engine(database_url), tablename=JOBS_TABLE)
    return ResilientScheduler(
        jobstores={"default": store}, executors={"default": ThreadPoolExecutor(1)}, timezone=PARIS,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE_SECONDS},
    )


def job_args(spec: JobSpec, config_dir: Path) -> list:
    """The stored arguments of `runner.execute` for a spec."""
    return [spec.id, spec.kind, spec.cron, str(config_dir), dict(spec.args)]


def sync_jobs(scheduler: BackgroundScheduler, specs: list[JobSpec], config_dir: Path) -> list[str]:
    """Make the stored jobs those of the configuration; an unchanged job keeps its next run time
    (so a missed run is not lost). Returns the ids added or changed."""
    stored = {job.id: job for job in scheduler.get_jobs()}
    changed = []
    for spec in specs:
        current, args = stored.pop(spec.id, None), job_args(spec, config_dir)
        if current is not None and list(current.args) == args and str(current.trigger) == str(trigger(spec.cron)):
            continue
        scheduler.add_job(execute, trigger(spec.cron), args=args, id=spec.id, name=spec.label, replace_existing=True)
        changed.append(spec.id)
    for gone in stored:
        scheduler.remove_job(gone)
    return changed


def schedule_resumes(scheduler: BackgroundScheduler, database_url: str, specs: list[JobSpec],
                     config_dir: Path) -> list[str]:
    """Runs left unfinished by a process that died (kill -9, power cut) are redone once, now, for their slot
    (a restart neither loses nor repeats a run). Returns what was planned, in French."""
    by_id = {spec.id: spec for spec in specs}
    store = Store.open(database_url)
    try:
        runs = [r for r in interrupted_runs(store.unfinished_job_runs(), utcnow()) if r.job in by_id]
    finally:
        store.close()
    lines = []
    for run in runs:
        spec = by_id[run.job]
        scheduler.add_job(execute_resume, "date", run_date=datetime.now(PARIS), id=f"reprise:{run.id}",
                          args=[spec.id, spec.kind, str(config_dir), dict(spec.args), run.id, run.holder],
                          name=f"reprise de {spec.label}", replace_existing=True)
        lines.append(f"  {spec.id} : interrompue (processus {run.holder} arrêté) ; reprise maintenant")
    return lines


def serve(database_url: str, specs: list[JobSpec], config_dir: Path, stop: threading.Event,
          say: Callable[[str], None] = print) -> None:
    """Run the jobs until `stop` is set (SIGTERM, SIGINT); the job running then is allowed to finish."""
    scheduler = build_scheduler(database_url)
    scheduler.start(paused=True)
    try:
        sync_jobs(scheduler, specs, config_dir)
        planned = sorted(scheduler.get_jobs(), key=lambda j: j.next_run_time)
        for line in schedule_resumes(scheduler, database_url, specs, config_dir):
            say(line)
        scheduler.resume()
        say(f"Planificateur démarré : {len(specs)} tâches, heure de Paris ; arrêt par SIGTERM ou Ctrl+C.")
        for job in planned:
            say(f"  {job.id} : prochaine exécution {job.next_run_time:%d/%m/%Y %H:%M}")
        stop.wait()
        say("Arrêt demandé : la tâche en cours se termine…")
    finally:
        stop_scheduler(scheduler)
    say("Planificateur arrêté.")


def stop_scheduler(scheduler: BackgroundScheduler) -> None:
    """Shut down, waiting for the running job. The job store is detached first: APScheduler 3's loop looks
    for due jobs once more after `shutdown`, fails to submit them to the stopped executor and still moves
    their next run time on, which would lose a run due at that moment (or missed runs not yet started)."""
    scheduler.pause()
    scheduler.remove_jobstore("default")
    scheduler.shutdown(wait=True)


def stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM and SIGINT set `stop` (the main thread then shuts the scheduler down)."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
