"""`vigie backup` / `vigie restore`: consistent SQLite snapshots, refusals, nothing replaced is lost."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest

from clirun import run_cli
from conftest import NOW
from factories import opportunity
from models.errors import VigieError
from models.store import Store
from vigie.defaults import copy_example_config
from vigie.pipeline.backup import backup_sqlite, backup_target, restore_sqlite, vigie_revisions

WHEN = datetime(2026, 11, 24, 9, 30, 5)


@pytest.fixture
def conf(tmp_path: Path) -> Path:
    copy_example_config(tmp_path / "conf")
    return tmp_path / "conf"


def calls_in(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("select count(*) from opportunity").fetchone()[0]


def test_a_backup_is_named_after_its_time_in_the_default_or_given_folder(tmp_path: Path) -> None:
    assert backup_target(None, tmp_path / "d", WHEN) == tmp_path / "d" / "vigie-20261124-093005.db"
    assert backup_target(tmp_path, tmp_path / "d", WHEN) == tmp_path / "vigie-20261124-093005.db"
    assert backup_target(tmp_path / "x.db", tmp_path / "d", WHEN) == tmp_path / "x.db"


def test_backup_then_restore_with_force_brings_back_the_data_and_keeps_the_replaced_base(
    capsys: pytest.CaptureFixture[str], conf: Path, tmp_path: Path,
) -> None:
    db = conf / "var" / "vigie.db"
    store = Store.open(f"sqlite:///{db}")
    store.upsert_opportunity(opportunity("aap-1"), NOW)
    result = run_cli(capsys, "--config", str(conf), "backup", str(tmp_path))
    assert result.code == 0, result.err
    saved = next(tmp_path.glob("vigie-*.db"))
    store.upsert_opportunity(opportunity("aap-2"), NOW)
    store.close()
    refused = run_cli(capsys, "--config", str(conf), "restore", str(saved))
    assert refused.code == 1 and "--force" in refused.err and calls_in(db) == 2
    done = run_cli(capsys, "--config", str(conf), "restore", str(saved), "--force")
    assert done.code == 0, done.err
    kept = next((conf / "var").glob("vigie-avant-restauration-*.db"))
    assert calls_in(db) == 1 and calls_in(kept) == 2


def test_restore_refuses_a_file_that_is_not_a_vigie_database(tmp_path: Path) -> None:
    (tmp_path / "texte.db").write_text("pas une base", "utf-8")
    with sqlite3.connect(tmp_path / "autre.db") as other:
        other.execute("create table t (x)")
    for name in ("texte.db", "autre.db", "absent.db"):
        with pytest.raises(VigieError, match="restauration"):
            restore_sqlite(tmp_path / name, tmp_path / "vigie.db", True, WHEN)
    assert not (tmp_path / "vigie.db").exists()


def test_restore_refuses_a_schema_newer_than_this_version(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "future.db") as future:
        future.execute("create table alembic_version (version_num varchar(32))")
        future.execute("insert into alembic_version values ('9999_future')")
    with pytest.raises(VigieError, match="mettez Vigie à jour"):
        vigie_revisions(tmp_path / "future.db")


def test_a_backup_taken_while_another_connection_writes_is_consistent(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path}/vigie.db")
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            store.upsert_opportunity(opportunity(f"w-{n}"), NOW)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        targets = [backup_sqlite(tmp_path / "vigie.db", tmp_path / f"b{i}.db") for i in range(3)]
    finally:
        stop.set()
        writer.join()
    store.close()
    for target in targets:
        with sqlite3.connect(target) as copy:
            assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert vigie_revisions(target)


def test_postgresql_is_sent_to_pg_dump_in_french(capsys: pytest.CaptureFixture[str], conf: Path) -> None:
    settings = conf / "settings.toml"
    text = settings.read_text("utf-8").replace('database_url = "sqlite:///var/vigie.db"',
                                                'database_url = "postgresql://vigie@127.0.0.1:1/vigie"')
    settings.write_text(text, "utf-8")
    backup = run_cli(capsys, "--config", str(conf), "backup")
    restore = run_cli(capsys, "--config", str(conf), "restore", "x.dump")
    assert backup.code == 1 and "pg_dump --format=custom" in backup.err
    assert restore.code == 1 and "pg_restore" in restore.err
