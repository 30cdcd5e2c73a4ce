"""The database held by another process or its disk full: one French line naming the database, exit code 1,
no SQL nor row data, a wait of seconds, and nothing already stored lost."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import models.store.core as store_core
from clirun import CliResult, run_cli
from models.errors import DatabaseError
from models.store import Store
from test_cli_inputs_markup import write_plan

ROOT = Path(__file__).resolve().parents[1]
DEMO_PLAN = ROOT / "vigie" / "demo" / "plan_actions.csv"
LEAKS = ("Traceback", "SQL", "INSERT", "UPDATE", "SELECT", "OperationalError", "[parameters", "vieille halle")
"""What the line must not show: a traceback, the statement, the driver's words, a row's data (a fiche's title)."""

SQLITE_LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("verrou pris", flush=True)
sys.stdin.read()
"""

PG_LOCKER = """
import psycopg, sys
connection = psycopg.connect(sys.argv[1])
connection.execute("LOCK TABLE ficheaction IN EXCLUSIVE MODE")
print("verrou pris", flush=True)
sys.stdin.read()
"""


def init(tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str | None = None) -> Path:
    """A configuration (on `database_url` if given) whose store holds two fiches, LOM-01 and LOM-02."""
    conf = tmp_path / "conf"
    run_cli(capsys, "init", str(conf))
    if database_url:
        settings = conf / "settings.toml"
        text = re.sub(r'(?m)^database_url = .*$', f'database_url = "{database_url}"', settings.read_text("utf-8"))
        settings.write_text(text, "utf-8")
    assert run_cli(capsys, "--config", str(conf), "plan", "import", str(write_plan(tmp_path / "plan.csv"))).code == 0
    return conf


def stored_fiches(url: str) -> set[str]:
    store = Store.open(url)
    try:
        return {f.id for f in store.plan().fiches}
    finally:
        store.close()


def assert_one_clean_line(err: str, code: int, words: str) -> None:
    assert code == 1, err
    assert err.startswith("Erreur : ") and len(err.strip().splitlines()) == 1, err
    assert words in err
    assert not [leak for leak in LEAKS if leak in err], err


class Locker:
    """Another process holding the database's lock until closed."""

    def __init__(self, script: str, target: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", script, target], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "verrou pris"

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(10)


def test_a_write_while_another_process_holds_the_lock_gives_up_in_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conf = init(tmp_path, capsys)
    db = conf / "var" / "vigie.db"
    locker = Locker(SQLITE_LOCKER, str(db))
    try:
        started = time.monotonic()
        result: CliResult = run_cli(capsys, "--config", str(conf), "plan", "import", str(DEMO_PLAN))
        waited = time.monotonic() - started
    finally:
        locker.close()
    assert_one_clean_line(result.err, result.code, "base verrouillée par un autre processus")
    assert f"({db})" in result.err and "réessayez plus tard" in result.err
    assert waited < 20
    assert stored_fiches(f"sqlite:///{db}") == {"LOM-01", "LOM-02"}


def test_a_full_disk_stops_the_write_with_one_french_line_and_keeps_what_was_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    conf = init(tmp_path, capsys)
    db = conf / "var" / "vigie.db"
    with sqlite3.connect(db) as connection:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    usual = store_core._sqlite_pragmas

    def no_room_left(connection, record) -> None:  # noqa: ANN001 - DB-API objects
        usual(connection, record)
        connection.execute(f"PRAGMA max_page_count={pages}")  # SQLite answers SQLITE_FULL past it

    monkeypatch.setattr(store_core, "_sqlite_pragmas", no_room_left)
    result = run_cli(capsys, "--config", str(conf), "plan", "import", str(DEMO_PLAN))
    monkeypatch.undo()
    assert_one_clean_line(result.err, result.code, "disque plein")
    assert f"({db})" in result.err
    assert stored_fiches(f"sqlite:///{db}") == {"LOM-01", "LOM-02"}


def test_a_postgresql_table_locked_by_another_process_is_waited_for_seconds_not_forever(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    conf = init(tmp_path, capsys, pg_url)
    locker = Locker(PG_LOCKER, pg_url)
    try:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "vigie", "--config", str(conf), "plan", "import", str(DEMO_PLAN)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        waited = time.monotonic() - started
    finally:
        locker.close()
    assert_one_clean_line(done.stderr, done.returncode, "base verrouillée par un autre processus")
    assert waited < 30
    assert stored_fiches(pg_url) == {"LOM-01", "LOM-02"}


def test_a_database_scheme_without_its_driver_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="base de données non prise en charge"):
        Store.open("mysql://vigie@127.0.0.1/vigie")
