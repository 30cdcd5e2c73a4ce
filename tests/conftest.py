"""Shared fixtures: a Store on SQLite and, when the server answers, on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.store import Store

PG_ADMIN_URL = os.environ.get("VIGIE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
NOW = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)


def _pg_admin():
    import psycopg

    try:
        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL ne répond pas sur {PG_ADMIN_URL} ({exc}); tests PostgreSQL sautés")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database, dropped afterwards; skipped (with the reason) if no server answers."""
    admin = _pg_admin()
    name = f"vigie_test_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database URL of each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/vigie.db"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An upgraded, empty store on each backend."""
    opened = Store.open(db_url)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _wall_clock_between_tests() -> Iterator[None]:
    """A test that fixes "today" (--as-of in-process) never leaks it into the next one."""
    from vigie.pipeline.clock import fix_today

    yield
    fix_today(None)


UNDER_FAKETIME = "faketime" in os.environ.get("LD_PRELOAD", "")
"""The suite runs under Debian's faketime (`make test-later`): the system clock is moved ahead."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under faketime, a test that needs timed thread waits is skipped, saying why (libfaketime's own limit:
    `threading.Event().wait(1)` never returns under `faketime -f +400d`)."""
    if not UNDER_FAKETIME:
        return
    reason = ("sous faketime, les attentes minutées des fils d'exécution ne reviennent jamais (limite de "
              "libfaketime) : ce test ne se lance qu'à l'heure de la machine")
    for item in items:
        if item.get_closest_marker("timed_waits"):
            item.add_marker(pytest.mark.skip(reason=reason))
