"""The database away for a while (PostgreSQL stopped, SQLite locked): jobs fail with a clear French
message, are retried, and nothing escapes the run (the scheduler keeps going)."""

from __future__ import annotations

import logging
import socket
import sqlite3
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import models.store.core as store_core
from models.store import Store
from tests.schedule_world import write_config
from vigie.scheduler import jobs, runner
from vigie.scheduler.runner import Runner

MONDAY = datetime(2026, 11, 23, 7, 0, 5, tzinfo=UTC)


class PgProxy:
    """A TCP relay in front of PostgreSQL that can be stopped (connections refused) and started again."""

    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432)) -> None:
        self.target, self.port = target, 0
        self.listener: socket.socket | None = None
        self.open: list[socket.socket] = []

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(32)
        self.port, self.listener = listener.getsockname()[1], listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        """PostgreSQL "stopped": the port refuses connections and open ones are cut."""
        if self.listener is not None:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread; close alone would not
            self.listener.close()
            self.listener = None
        for connection in self.open:  # like a server that stops: each connection is closed (FIN), which
            try:                          # shutdown does even while a relay thread is blocked reading it
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()
        self.open.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client = listener.accept()[0]
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.close()
                except OSError:
                    pass


@pytest.fixture
def proxied(pg_url: str) -> tuple[PgProxy, str]:
    """A fresh PostgreSQL database (schema created), reached through a relay that can stop."""
    Store.open(pg_url).close()
    proxy = PgProxy()
    proxy.start()
    yield proxy, pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    proxy.stop()


def make_runner(folder: Path, sleep) -> Runner:  # noqa: ANN001
    return Runner(folder, clock=lambda: MONDAY, sleep=sleep, delays=(0.1, 0.1, 0.1), holder="h:1")


def test_postgresql_stopped_then_back_the_job_is_retried_and_succeeds(
    tmp_path: Path, proxied: tuple[PgProxy, str], caplog: pytest.LogCaptureFixture
) -> None:
    proxy, url = proxied
    folder = write_config(tmp_path / "conf", url)
    proxy.stop()
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            proxy.start()  # the server is back after two failed attempts

    with caplog.at_level(logging.WARNING, logger="vigie.scheduler"):
        report = make_runner(folder, sleep).run("retrain", "retrain", "0 3 * * sun")
    assert (report.outcome, report.attempts) == ("ok", 1)  # the job itself ran once, after the claim was retried
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2
    assert "essai 1 : base de données injoignable: postgresql://postgres@127.0.0.1:" in warnings[0]
    assert warnings[0].endswith("; nouvel essai dans 0 s")
    [run] = Store.open(url).job_runs("retrain")
    assert run.outcome == "ok"


def test_postgresql_stopped_for_good_the_run_fails_with_a_clear_message_and_does_not_raise(
    tmp_path: Path, proxied: tuple[PgProxy, str], caplog: pytest.LogCaptureFixture
) -> None:
    proxy, url = proxied
    folder = write_config(tmp_path / "conf", url)
    proxy.stop()
    with caplog.at_level(logging.ERROR, logger="vigie.scheduler"):
        report = make_runner(folder, lambda s: None).run("digest", "digest", "0 8 * * mon")
    assert report.outcome == "failed" and report.attempts == 4
    assert report.message.startswith("base de données injoignable: postgresql://postgres@127.0.0.1:")
    assert report.message.endswith("(4 essais)")
    assert any("abandonnée" in r.getMessage() and "prochain essai à l'heure prévue suivante" in r.getMessage()
               for r in caplog.records)


def test_postgresql_lost_during_a_job_the_job_is_retried_and_its_attempts_recorded(
    tmp_path: Path, proxied: tuple[PgProxy, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy, url = proxied
    folder = write_config(tmp_path / "conf", url)
    tries = []

    def flaky(config_dir: Path, as_of) -> str:  # noqa: ANN001
        tries.append(as_of)
        if len(tries) == 1:
            proxy.stop()  # the server goes away in the middle of the job
        return jobs.retrain_job(config_dir, as_of)

    monkeypatch.setitem(jobs.JOBS, "flaky", flaky)
    report = make_runner(folder, lambda s: proxy.listener or proxy.start()).run("retrain", "flaky", "0 3 * * sun")
    assert (report.outcome, report.attempts, len(tries)) == ("ok", 2, 2)
    [run] = Store.open(url).job_runs("retrain")
    assert (run.outcome, run.attempts) == ("ok", 2)


def test_sqlite_locked_by_another_writer_the_job_waits_is_retried_and_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def short_wait(connection, record) -> None:  # noqa: ANN001 - DB-API objects
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=200")
        cursor.close()

    monkeypatch.setattr(store_core, "_sqlite_pragmas", short_wait)
    path = tmp_path / "v.db"
    folder = write_config(tmp_path / "conf", f"sqlite:///{path}")
    Store.open(f"sqlite:///{path}").close()
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # a backup, a long write: nobody else may write
    with caplog.at_level(logging.WARNING, logger="vigie.scheduler"):
        report = make_runner(folder, lambda s: locker.in_transaction and locker.execute("COMMIT")).run(
            "retrain", "retrain", "0 3 * * sun")
    assert (report.outcome, report.attempts) == ("ok", 1)
    assert any("base de données indisponible : database is locked" in r.getMessage() for r in caplog.records)
    assert [r.outcome for r in Store.open(f"sqlite:///{path}").job_runs()] == ["ok"]


@pytest.mark.timed_waits
def test_the_scheduler_keeps_running_while_postgresql_is_stopped_and_runs_the_job_once_it_is_back(
    tmp_path: Path, proxied: tuple[PgProxy, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_schedule_service import DAILY
    from vigie.scheduler.service import build_scheduler, serve, stop_scheduler, sync_jobs

    proxy, url = proxied
    folder = write_config(tmp_path / "conf", url)
    ran: list[str] = []
    monkeypatch.setitem(jobs.JOBS, "fake", lambda config_dir, as_of, slug: ran.append(slug) or "fait")
    scheduler = build_scheduler(url)
    scheduler.start(paused=True)
    sync_jobs(scheduler, [DAILY], folder)
    scheduler.modify_job(DAILY.id, next_run_time=datetime.now(UTC) + timedelta(seconds=4))
    stop_scheduler(scheduler)
    # Retries outlast the outage: on a loaded machine the job may fall due before the relay is cut (a slow
    # start-up), and is then retried until the database is back instead of waiting for APScheduler's round.
    monkeypatch.setattr(runner, "RETRY_DELAYS", (2.0,) * 15)
    stop, started = threading.Event(), threading.Event()
    thread = threading.Thread(target=serve, args=(url, [DAILY], folder, stop),
                              kwargs={"say": lambda line: started.set()})
    thread.start()
    assert started.wait(30)
    proxy.stop()  # the job falls due while the database is away: APScheduler cannot even read it
    time.sleep(5)
    alive_during_outage = thread.is_alive()
    proxy.start()
    # APScheduler looks at its job store again every 10 s; on a loaded machine that can take a few rounds.
    deadline = time.monotonic() + 60
    while not ran and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    thread.join(30)
    assert alive_during_outage and ran == ["csv"]
    assert [r.outcome for r in Store.open(url).job_runs(DAILY.id)] == ["ok"]


def test_postgresql_connections_notice_a_vanished_peer_and_a_silent_server(pg_url: str) -> None:
    from models.store.core import create_vigie_engine

    engine = create_vigie_engine(pg_url)
    with engine.connect() as connection:
        dsn = connection.connection.dbapi_connection.info.dsn
    engine.dispose()
    for option in ("connect_timeout=5", "keepalives=1", "keepalives_idle=30", "tcp_user_timeout=60000"):
        assert option in dsn
