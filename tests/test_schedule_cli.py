"""`vigie schedule` as a real process (start, SIGTERM, exit 0) and `vigie status` in French."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.jobs import LinkCheck
from models.store import Store
from tests.clirun import run_cli
from tests.factories import opportunity
from tests.schedule_world import csv_source, write_config

SOURCES = csv_source("csv", "https://example.org/aides.csv")


def wait_for(process: subprocess.Popen, *texts: str, timeout: float = 60) -> str:
    """Read the process's stdout until every one of `texts` shows up (in any order: the jobs are listed by their next
    run, which depends on the day and hour the test runs)."""
    seen, deadline = "", time.monotonic() + timeout
    while not all(text in seen for text in texts) and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen += line
    return seen


def test_vigie_schedule_starts_plans_the_jobs_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "conf", f"sqlite:///{tmp_path}/v.db", SOURCES)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    process = subprocess.Popen([sys.executable, "-m", "vigie", "--config", str(folder), "schedule"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        started = wait_for(process, "digest : prochaine exécution", "crawl:csv : prochaine exécution")
        process.send_signal(signal.SIGTERM)
        rest, _ = process.communicate(timeout=30)
    finally:
        process.kill()
    assert "Planificateur démarré : 5 tâches" in started
    assert "crawl:csv : prochaine exécution" in started
    assert process.returncode == 0
    assert rest.splitlines()[-2:] == ["Arrêt demandé : la tâche en cours se termine…", "Planificateur arrêté."]


def test_vigie_status_shows_next_runs_last_results_sources_and_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url, SOURCES)
    store = Store.open(db_url)
    run = store.start_job_run("digest", None, "h:1", datetime(2026, 11, 23, 7, 0, tzinfo=UTC))
    store.finish_job_run(run, "ok", "semaine 2026-W48 : 3 written", 1, datetime(2026, 11, 23, 7, 1, tzinfo=UTC))
    store.upsert_opportunity(opportunity("a"), datetime(2026, 11, 20, tzinfo=UTC))
    [(call_id, data)] = store.opportunities()
    store.save_link_check(LinkCheck(opportunity_id=call_id, url=data.url, checked_at=datetime.now(UTC), ok=False,
                                    status_code=404, error="réponse HTTP 404"))
    result = run_cli(capsys, "--config", str(folder), "--as-of", "2026-11-24", "status")
    assert result.code == 0, result.err
    assert "réussie le 23/11/2026 08:01 : semaine 2026-W48 : 3 written" in result.out
    assert "collecte de csv" in result.out and "crawl:csv" not in result.out and "jamais lancée" in result.out
    assert "pas encore planifié" in result.out
    assert "Liens des appels ouverts : 1 vérifiés, 1 morts, 0 pas encore vérifiés." in result.out


def test_two_vigie_schedule_processes_on_one_database_run_a_missed_job_once(tmp_path: Path) -> None:
    from models.config import load_config
    from tests.test_schedule_service import stored
    from vigie.context import source_kinds
    from vigie.scheduler.plan import job_specs

    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url)
    Store.open(db_url).close()
    specs = job_specs(load_config(folder, source_kinds()))
    stored(db_url, folder, [s for s in specs if s.id == "retrain"], back=timedelta(days=2))  # missed on Sunday
    stored(db_url, folder, specs)  # the other jobs, not due
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "vigie", "--config", str(folder), "schedule"]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
                 for _ in range(2)]
    try:
        for process in processes:
            wait_for(process, "Planificateur démarré")
        deadline = time.monotonic() + 30
        while not Store.open(db_url).job_runs("retrain") and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)
        for process in processes:
            process.send_signal(signal.SIGTERM)
        codes = [process.wait(timeout=30) for process in processes]
    finally:
        for process in processes:
            process.kill()
    assert codes == [0, 0]
    [run] = Store.open(db_url).job_runs("retrain")
    assert (run.outcome, run.message) == ("ok", "pas assez de revues pour apprendre : 0 sur 100 nécessaires")


def test_a_run_left_running_past_its_lease_is_shown_as_interrupted() -> None:
    from models.jobs import JobRun
    from vigie.scheduler.status import last_result

    started = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    run = JobRun(job="digest", started_at=started, outcome="running")
    assert last_result(run, started + timedelta(minutes=5)).startswith("en cours le 23/11/2026 08:00")
    assert last_result(run, started + timedelta(hours=4)).startswith("interrompue le 23/11/2026 08:00")
