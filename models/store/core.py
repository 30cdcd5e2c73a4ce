"""Opening the database, upgrading its schema, and handing out sessions."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import Session

from models.errors import DatabaseError
from models.store.accounts import AccountStore
from models.store.changes import ChangeStore
from models.store.dedup import DedupStore
from models.store.digests import DigestStore
from models.store.exports import ExportStore
from models.store.failures import UNREACHABLE, database_meaning, name_database
from models.store.funding import FundingStore
from models.store.jobs import JobStore
from models.store.learning import LearningStore
from models.store.matches import MatchStore
from models.store.migrate import upgrade_schema
from models.store.notify import NotifyStore
from models.store.opportunities import OpportunityStore
from models.store.plan import PlanStore
from models.store.porteur_space import PorteurSpaceStore
from models.store.retention import RetentionStore
from models.store.sources import SourceStore
from models.store.usage_stats import UsageStore
from models.store.queue_totals import QueueTotals
from models.store.web_queue import QueueStore

logger = logging.getLogger(__name__)


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for plain postgresql:// URLs."""
    return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", url)


def masked(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return url


LOCK_WAIT_SECONDS = 5
"""How long a write waits for another process's lock (SQLite's busy timeout, PostgreSQL's lock_timeout)
before giving up with « base verrouillée » : Vigie's own transactions last well under a second, and a
person waiting longer learns nothing more."""


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={LOCK_WAIT_SECONDS * 1000}")
    cursor.close()


def create_vigie_engine(url: str) -> Engine:
    """An engine for SQLite (folder created, WAL, foreign keys) or PostgreSQL."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": LOCK_WAIT_SECONDS})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, connect_args=_pg_args(parsed))
    event.listen(engine, "handle_error", name_database)
    return engine


PG_CONNECT_ARGS = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
                   "keepalives_count": 3, "tcp_user_timeout": 60_000,
                   "options": f"-c lock_timeout={LOCK_WAIT_SECONDS * 1000}"}
"""libpq options: a server that does not answer fails in 5 s; a connection whose peer vanished without closing
it (network cut, host gone) is found dead in about a minute instead of leaving a query waiting forever; a row
or table locked by another process is waited for LOCK_WAIT_SECONDS, not forever."""


def _pg_args(parsed) -> dict:  # noqa: ANN001
    return dict(PG_CONNECT_ARGS) if parsed.get_backend_name() == "postgresql" else {}


class Store(OpportunityStore, PlanStore, SourceStore, MatchStore, DigestStore, NotifyStore, AccountStore, QueueStore, ExportStore, DedupStore, LearningStore, RetentionStore, JobStore, ChangeStore,
            PorteurSpaceStore, UsageStore, FundingStore):
    """Vigie's database. Open it with `Store.open(url)`; every method runs in its own transaction. What only the
    web app asks is in WebQueries (models/store/web_queries.py), built on a Store."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.queue_totals = QueueTotals.of(engine)

    @classmethod
    def open(cls, url: str, upgrade: bool = True) -> Store:
        """Connect (clear French error when the server does not answer) and bring the schema to head."""
        try:
            engine = create_vigie_engine(url)
            with engine.connect():
                pass
        except (OperationalError, SQLAlchemyError, OSError) as exc:
            raise DatabaseError("base de données injoignable", masked(url), _first_line(exc)) from exc
        except ImportError as exc:  # a scheme whose driver is not installed (mysql://…)
            raise DatabaseError("base de données non prise en charge", masked(url),
                                "seules SQLite (sqlite:///…) et PostgreSQL (postgresql://…) le sont") from exc
        store = cls(engine)
        if upgrade:
            store.upgrade()
        return store

    def upgrade(self) -> None:
        """Apply pending alembic migrations (an old database is brought up to date)."""
        try:
            upgrade_schema(self.engine)
        except SQLAlchemyError as exc:
            raise DatabaseError("mise à jour du schéma impossible", masked(str(self.engine.url)), _first_line(exc)) from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        """Release the connections."""
        self.queue_totals.close()
        self.engine.dispose()


def _first_line(exc: BaseException) -> str:
    known = database_meaning(exc)
    if known not in (None, UNREACHABLE):  # locked, full, read-only…: said in French; the database is named
        return known
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
