"""A run left unfinished by a scheduler that died (kill -9, power cut) is redone once at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from models.store import Store
from tests.schedule_world import csv_source, write_config
from tests.test_schedule_cli import wait_for
from tests.test_schedule_service import stored
from vigie.scheduler import jobs
from vigie.scheduler.runner import LEASE_TTL, Runner, holder_dead, interrupted_runs

CALLS = Path(__file__).parent / "data" / "matching" / "calls.csv"
SLOT = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)


def dead_pid() -> int:
    """The pid of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_a_holder_is_known_dead_only_on_this_machine() -> None:
    import socket

    host = socket.gethostname()
    assert holder_dead(f"{host}:{dead_pid()}")
    assert not holder_dead(f"{host}:{os.getppid()}")  # a live process
    assert not holder_dead(f"autre-machine:{dead_pid()}")
    assert holder_dead(f"{host}:{os.getpid()}")  # this pid, before this process ran anything: an earlier one's


def test_runs_to_redo_are_those_of_dead_processes_or_long_expired_leases() -> None:
    from models.jobs import JobRun

    import socket

    now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    dead = JobRun(job="a", holder=f"{socket.gethostname()}:{dead_pid()}", started_at=now)
    alive = JobRun(job="b", holder=f"{socket.gethostname()}:{os.getppid()}", started_at=now)
    elsewhere = JobRun(job="c", holder="autre:1", started_at=now - LEASE_TTL - timedelta(minutes=1))
    assert [r.job for r in interrupted_runs([dead, alive, elsewhere], now)] == ["a", "c"]


def test_an_interrupted_run_is_redone_for_its_slot_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url)
    done: list[date] = []
    monkeypatch.setitem(jobs.JOBS, "fake", lambda config_dir, as_of: done.append(as_of) or "refait")
    store = Store.open(db_url)
    ghost = f"machine:{dead_pid()}"
    assert store.claim_job("digest", ghost, SLOT, SLOT, LEASE_TTL)
    run_id = store.start_job_run("digest", SLOT, ghost, SLOT)
    clock = lambda: SLOT + timedelta(minutes=30)  # noqa: E731
    report = Runner(folder, clock=clock, holder="moi:1").resume("digest", "fake", run_id, ghost)
    again = Runner(folder, clock=clock, holder="autre:2").resume("digest", "fake", run_id, ghost)
    runs = store.job_runs("digest")
    assert (report.outcome, again.outcome, len(done)) == ("ok", "skipped", 1)
    assert [(r.outcome, r.slot, r.holder) for r in runs] == [("interrupted", SLOT, ghost), ("ok", SLOT, "moi:1")]
    assert store.claim_job("digest", "moi:1", SLOT, clock(), LEASE_TTL) is False  # the slot stays done
    from vigie.scheduler.status import last_result

    assert last_result(runs[0], clock()).startswith("interrompue (reprise) le 23/11/2026")
    store.close()


class Site(BaseHTTPRequestHandler):
    """Serves the dispositif-aide CSV; while `stall` is set, holds the request (a site that hangs)."""

    stall = threading.Event()
    asked = threading.Event()

    def do_GET(self) -> None:  # noqa: N802
        if self.path == "/robots.txt":
            self.send_error(404)
            return
        Site.asked.set()
        deadline = time.monotonic() + 60
        while Site.stall.is_set() and time.monotonic() < deadline:
            time.sleep(0.1)
        body = CALLS.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/csv; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Site.stall.set()
    Site.asked.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    Site.stall.clear()
    server.shutdown()


def start_scheduler(folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    return subprocess.Popen([sys.executable, "-m", "vigie", "--config", str(folder), "schedule"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env, start_new_session=True)


def test_a_crawl_cut_by_kill_9_of_the_scheduler_is_redone_at_the_next_start(tmp_path: Path, site: str) -> None:
    from models.config import load_config
    from vigie.context import source_kinds
    from vigie.scheduler.plan import job_specs

    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url, csv_source("aides", f"{site}/aides.csv"))
    Store.open(db_url).close()
    specs = job_specs(load_config(folder, source_kinds()))
    stored(db_url, folder, [s for s in specs if s.id == "crawl:aides"], back=timedelta(hours=2))  # missed
    stored(db_url, folder, specs)
    first = start_scheduler(folder)
    try:
        assert Site.asked.wait(60), "la collecte n'a pas démarré"
        os.killpg(first.pid, signal.SIGKILL)  # the scheduler and its crawl process, mid-crawl
        first.wait(30)
    finally:
        first.kill()
    [cut] = Store.open(db_url).job_runs("crawl:aides")
    assert cut.outcome == "running" and cut.finished_at is None
    Site.stall.clear()
    second = start_scheduler(folder)
    try:
        started = wait_for(second, "Planificateur démarré")
        deadline = time.monotonic() + 90
        while len(Store.open(db_url).job_runs("crawl:aides")) < 2 or \
                Store.open(db_url).job_runs("crawl:aides")[-1].finished_at is None:
            assert time.monotonic() < deadline, "la collecte interrompue n'a pas été refaite"
            time.sleep(0.5)
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(60)
    finally:
        second.kill()
    assert "crawl:aides : interrompue" in started and "reprise maintenant" in started
    runs = Store.open(db_url).job_runs("crawl:aides")
    assert [r.outcome for r in runs] == ["interrupted", "ok"] and runs[1].slot == cut.slot, runs[1].message
    store = Store.open(db_url)
    assert len(store.opportunities()) >= 100 and store.sources_health()[0].consecutive_failures == 0
