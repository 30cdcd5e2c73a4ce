"""The review queue's totals (and its funder choices) kept until the database changes (SQLite): counting a filter's
matches reads every one of them — 10 ms at 100,000 matches —, and pages, the dashboard tile, the API and every
reader of the same territory ask the same totals again and again between two decisions.

A database change is seen by `PRAGMA data_version` on a connection of its own that never writes: its value
changes whenever any other connection — of this process or another (a crawl, a match run, a decision) — commits.
The version is read before counting, so a kept total is never older than the version it is kept under. Other
databases (PostgreSQL, SQLite in memory) count every time.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.engine import Engine

T = TypeVar("T")
KEPT = 256
"""Totals kept at most (filters × days); all are dropped when it is reached."""


class QueueTotals:
    """Totals by key, each with the database version it was counted at."""

    def __init__(self, database: str | None) -> None:
        self.database = database
        """The SQLite file, or None: nothing is kept."""
        self._watch: sqlite3.Connection | None = None
        self._kept: dict[str, tuple[int, object]] = {}
        self._lock = threading.Lock()

    @classmethod
    def of(cls, engine: Engine) -> QueueTotals:
        """For a Store's engine: kept for an SQLite file only."""
        url = engine.url
        file = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
            and not str(url.database).startswith("file:")
        return cls(url.database if file else None)

    def version(self) -> int | None:
        """The database's change counter now (None: not known, nothing is kept)."""
        if self.database is None:
            return None
        with self._lock:
            try:
                if self._watch is None:
                    self._watch = sqlite3.connect(self.database, timeout=5, check_same_thread=False)
                return int(self._watch.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                return None

    def get(self, key: str, version: int | None, count: Callable[[], T]) -> T:
        """The total kept under `key` at `version` (read before counting), else `count()`, then kept."""
        with self._lock:
            found = self._kept.get(key)
        if version is not None and found is not None and found[0] == version:
            return found[1]  # type: ignore[return-value]
        value = count()
        if version is not None:
            with self._lock:
                if len(self._kept) >= KEPT:
                    self._kept.clear()
                self._kept[key] = (version, value)
        return value

    def close(self) -> None:
        """Close the watching connection."""
        with self._lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
