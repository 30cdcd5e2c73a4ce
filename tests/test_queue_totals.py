"""The queue's totals are counted once while the database does not change, and again as soon as anything commits:
a decision here, a write from another process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import event

from models.store import Store, WebQueries
from models.store.web_queue import review_filter
from models.vocab import ReviewStatus
from conftest import NOW
from test_web_queue_pages import AS_OF, _world


def _opened(tmp_path: Path) -> tuple[Store, list[str]]:
    store = Store.open(f"sqlite:///{tmp_path / 'vigie.db'}")
    _world(store)
    counts: list[str] = []
    event.listen(store.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *rest: counts.append(statement) if "count(" in statement else None)
    return store, counts


def test_the_totals_are_counted_once_while_nothing_changes(tmp_path: Path) -> None:
    store, counts = _opened(tmp_path)
    f = review_filter(0.3)
    first = [store.review_queue(f, AS_OF).total, store.count_queue(f, AS_OF), store.review_queue(f, AS_OF, 2).total]
    assert len(set(first)) == 1 and len(counts) == 1
    store.close()


def test_a_decision_changes_the_totals_at_once(tmp_path: Path) -> None:
    store, counts = _opened(tmp_path)
    f = review_filter(0.3)
    page = store.review_queue(f, AS_OF)
    WebQueries(store).decide([page.rows[0]["id"]], ReviewStatus.ACCEPTED, "camille", NOW)
    assert store.review_queue(f, AS_OF).total == page.total - 1 == store.count_queue(f, AS_OF)
    store.close()


def test_a_write_from_another_process_changes_the_totals_at_once(tmp_path: Path) -> None:
    store, _ = _opened(tmp_path)
    f = review_filter(0.3)
    page = store.review_queue(f, AS_OF)
    first = page.rows[0]["id"]
    script = ("import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
              "db.execute(\"UPDATE match SET review_status = 'rejete' WHERE id = ?\", (int(sys.argv[2]),)); "
              "db.commit()")
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "vigie.db"), str(first)], check=True)
    assert store.count_queue(f, AS_OF) == page.total - 1
    assert store.review_queue(f, AS_OF).rows[0]["id"] != first
    store.close()
