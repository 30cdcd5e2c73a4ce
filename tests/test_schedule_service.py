"""APScheduler with its jobs in Vigie's database: restarts keep next runs, a missed run runs once,
SIGTERM (the stop event) lets the running job finish."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from models.store import Store
from tests.schedule_world import write_config
from vigie.scheduler import jobs
from vigie.scheduler.plan import JobSpec
from vigie.scheduler.service import build_scheduler, serve, stop_scheduler, sync_jobs

DAILY = JobSpec("crawl:csv", "fake", "0 6 * * *", "collecte de csv", {"slug": "csv"})
WEEKLY = JobSpec("digest", "fake", "0 8 * * mon", "lettres")


class Ran(list):
    """Runs of the fake job, and an event set when one starts."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> Ran:
    """A job kind "fake" (slow enough to be caught running) that records the run's arguments."""
    seen = Ran()

    def fake(config_dir: Path, as_of: date, slug: str = "") -> str:
        seen.started.set()
        time.sleep(0.5)
        seen.append(f"{as_of}:{slug}")
        return "fait"

    monkeypatch.setitem(jobs.JOBS, "fake", fake)
    return seen


def stored(db_url: str, folder: Path, specs: list[JobSpec], back: timedelta | None = None) -> dict[str, datetime]:
    """Start a scheduler paused, sync the jobs (optionally move them `back` in time), stop it."""
    scheduler = build_scheduler(db_url)
    scheduler.start(paused=True)
    sync_jobs(scheduler, specs, folder)
    if back is not None:
        for job in scheduler.get_jobs():
            scheduler.modify_job(job.id, next_run_time=datetime.now(UTC) - back)
    times = {job.id: job.next_run_time for job in scheduler.get_jobs()}
    stop_scheduler(scheduler)
    return times


def test_a_restart_keeps_each_jobs_next_run_and_a_changed_cron_replaces_it(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url)
    Store.open(db_url).close()
    first = stored(db_url, folder, [DAILY, WEEKLY], back=timedelta(days=2))
    again = stored(db_url, folder, [DAILY, WEEKLY])
    moved = stored(db_url, folder, [DAILY, JobSpec("digest", "fake", "0 9 * * tue", "lettres")])
    assert again == first  # nothing lost: the missed runs are still due
    assert moved["digest"] > datetime.now(UTC) and moved["crawl:csv"] == first["crawl:csv"]
    assert set(stored(db_url, folder, [WEEKLY])) == {"digest"}


def test_runs_missed_over_a_weekend_run_once_at_start_up(tmp_path: Path, db_url: str, ran: Ran) -> None:
    folder = write_config(tmp_path / "conf", db_url)
    Store.open(db_url).close()
    stored(db_url, folder, [DAILY], back=timedelta(days=3))  # three daily runs missed
    stop = threading.Event()
    thread = threading.Thread(target=serve, args=(db_url, [DAILY], folder, stop), kwargs={"say": lambda s: None})
    thread.start()
    deadline = time.monotonic() + 20
    while not ran and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    stop.set()
    thread.join(30)
    assert len(ran) == 1 and ran[0].endswith(":csv")
    [run] = Store.open(db_url).job_runs("crawl:csv")
    assert run.outcome == "ok"
    assert stored(db_url, folder, [DAILY])["crawl:csv"] > datetime.now(UTC)


def test_stopping_lets_the_running_job_finish_and_record_its_result(tmp_path: Path, ran: Ran) -> None:
    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url)
    Store.open(db_url).close()
    stored(db_url, folder, [WEEKLY], back=timedelta(hours=1))
    stop, lines = threading.Event(), []
    thread = threading.Thread(target=serve, args=(db_url, [WEEKLY], folder, stop), kwargs={"say": lines.append})
    thread.start()
    assert ran.started.wait(20)
    stop.set()  # what SIGTERM does, while the job sleeps
    thread.join(30)
    assert len(ran) == 1
    assert [r.outcome for r in Store.open(db_url).job_runs("digest")] == ["ok"]
    assert lines[-2:] == ["Arrêt demandé : la tâche en cours se termine…", "Planificateur arrêté."]


@pytest.mark.timed_waits
def test_the_scheduler_loop_outlives_a_job_store_failure_outside_get_due_jobs() -> None:
    from apscheduler.jobstores.memory import MemoryJobStore
    from sqlalchemy.exc import OperationalError

    from vigie.scheduler.service import ResilientScheduler

    class Flaky(MemoryJobStore):
        """Fails like a database that went away, where APScheduler 3 does not catch it."""

        failures = 2

        def get_next_run_time(self):  # noqa: ANN202
            if Flaky.failures:
                Flaky.failures -= 1
                raise OperationalError("SELECT", {}, Exception("connexion refusée"))
            return super().get_next_run_time()

    done = threading.Event()
    scheduler = ResilientScheduler(jobstores={"default": Flaky()}, jobstore_retry_interval=0.5)
    scheduler.start()
    try:
        scheduler.add_job(done.set, "date", run_date=datetime.now(UTC) + timedelta(seconds=1))
        assert done.wait(15) and Flaky.failures == 0
        assert scheduler._thread.is_alive()
    finally:
        scheduler.shutdown(wait=False)
