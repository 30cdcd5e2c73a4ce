"""One run of a job: claimed once per cron time across schedulers, recorded, never raising."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from models.store import Store
from tests.schedule_world import write_config
from vigie.scheduler import jobs
from vigie.scheduler.runner import Runner

MONDAY = datetime(2026, 11, 23, 7, 0, 5, tzinfo=UTC)  # 08:00:05 in Paris


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """A job kind "fake" that records the day it ran for."""
    seen: list[date] = []

    def fake(config_dir: Path, as_of: date) -> str:
        seen.append(as_of)
        return "fait"

    monkeypatch.setitem(jobs.JOBS, "fake", fake)
    return seen


def runner(folder: Path, holder: str, at: datetime = MONDAY) -> Runner:
    return Runner(folder, clock=lambda: at, sleep=lambda s: None, delays=(0, 0), holder=holder)


def test_two_schedulers_on_one_database_run_a_job_once_for_its_cron_time(
    tmp_path: Path, db_url: str, calls: list[date]
) -> None:
    folder = write_config(tmp_path / "conf", db_url)
    first = runner(folder, "a:1").run("digest", "fake", "0 8 * * mon")
    second = runner(folder, "b:2").run("digest", "fake", "0 8 * * mon")
    assert (first.outcome, first.message, second.outcome) == ("ok", "fait", "skipped")
    assert calls == [date(2026, 11, 23)]
    [run] = Store.open(db_url).job_runs("digest")
    assert (run.outcome, run.holder, run.slot) == ("ok", "a:1", datetime(2026, 11, 23, 7, 0, tzinfo=UTC))


def test_a_restart_late_the_same_day_does_not_repeat_a_run_already_done(tmp_path: Path, calls: list[date]) -> None:
    folder = write_config(tmp_path / "conf", f"sqlite:///{tmp_path}/v.db")
    runner(folder, "a:1").run("digest", "fake", "0 8 * * mon")
    later = runner(folder, "a:2", datetime(2026, 11, 23, 15, 0, tzinfo=UTC)).run("digest", "fake", "0 8 * * mon")
    next_week = runner(folder, "a:2", datetime(2026, 11, 30, 7, 1, tzinfo=UTC)).run("digest", "fake", "0 8 * * mon")
    assert (later.outcome, next_week.outcome) == ("skipped", "ok")
    assert calls == [date(2026, 11, 23), date(2026, 11, 30)]


def test_an_expected_failure_is_recorded_in_french_and_not_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tries = []

    def failing(config_dir: Path, as_of: date) -> str:
        tries.append(as_of)
        raise jobs.JobFailed("collecte en échec", "csv", "délai dépassé : collecte arrêtée après 10 s")

    monkeypatch.setitem(jobs.JOBS, "failing", failing)
    folder = write_config(tmp_path / "conf", f"sqlite:///{tmp_path}/v.db")
    report = runner(folder, "a:1").run("crawl:csv", "failing", "0 6 * * *")
    assert (report.outcome, len(tries)) == ("failed", 1)
    [run] = Store.open(f"sqlite:///{tmp_path}/v.db").job_runs()
    assert run.message == "collecte en échec: csv: délai dépassé : collecte arrêtée après 10 s"


def test_a_bug_in_a_job_is_recorded_and_does_not_escape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(jobs.JOBS, "buggy", lambda config_dir, as_of: 1 / 0)
    folder = write_config(tmp_path / "conf", f"sqlite:///{tmp_path}/v.db")
    report = runner(folder, "a:1").run("retrain", "buggy", "0 3 * * sun")
    assert (report.outcome, report.message) == ("failed", "erreur inattendue : ZeroDivisionError : division by zero")


def test_an_invalid_configuration_is_reported_without_raising(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "conf", f"sqlite:///{tmp_path}/v.db", extra="[schedule]\ndigest = 'tous les lundis'\n")
    report = runner(folder, "a:1").run("digest", "digest", "0 8 * * mon")
    assert report.outcome == "failed" and "expression cron invalide" in report.message
