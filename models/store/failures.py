"""A database failure told to whoever runs Vigie: one French line, never the SQL nor a row's data.

The driver's own message (`database is locked`, `could not serialize access…`) is English and SQLAlchemy adds
the statement and its parameters to it; people get what happened and what to do instead. Pure functions
over the exception; the engine names its database on each error (`name_database`) so the line says which.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Any

from sqlalchemy.exc import DBAPIError, StatementError

LOCKED = "base verrouillée par un autre processus : réessayez plus tard"
FULL = "disque plein : libérez de la place puis relancez (rien de ce qui était enregistré n'est perdu)"
READ_ONLY = "base en lecture seule : vérifiez les droits sur le fichier et son dossier"
CANT_OPEN = "base impossible à ouvrir : vérifiez le chemin de database_url et les droits sur son dossier"
DISK = "erreur d'écriture sur le disque : vérifiez le disque et l'espace libre puis relancez"
DAMAGED = "base endommagée ou n'est pas une base Vigie : restaurez une sauvegarde (vigie restore)"
UNREACHABLE = "base de données injoignable : vérifiez que le serveur tourne puis relancez"

_SQLITE = {
    sqlite3.SQLITE_BUSY: LOCKED, sqlite3.SQLITE_LOCKED: LOCKED, sqlite3.SQLITE_FULL: FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY, sqlite3.SQLITE_PERM: READ_ONLY, sqlite3.SQLITE_CANTOPEN: CANT_OPEN,
    sqlite3.SQLITE_IOERR: DISK, sqlite3.SQLITE_CORRUPT: DAMAGED, sqlite3.SQLITE_NOTADB: DAMAGED,
}
"""SQLite's primary result codes (an extended code's low byte) and what they mean here."""

_POSTGRES = {"53100": FULL, "55P03": LOCKED, "40P01": LOCKED, "57014": LOCKED, "25006": READ_ONLY,
             "53": DISK, "08": UNREACHABLE, "57P": UNREACHABLE}
"""PostgreSQL SQLSTATE (or its leading characters): disk full, lock not available, deadlock, a statement
cancelled by a lock or statement timeout, read-only transaction, insufficient resources, connection lost,
server shutting down."""

_OS = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EROFS: READ_ONLY}

_WHERE = "vigie_database"
"""Attribute set on a SQLAlchemy error by `name_database`: the database, password hidden."""


def name_database(context: Any) -> None:  # noqa: ANN401 - sqlalchemy.engine.ExceptionContext
    """Engine `handle_error` hook: remember on the error which database raised it (the error is kept)."""
    error, engine = context.sqlalchemy_exception, context.engine
    if error is not None and engine is not None:
        url = engine.url
        sqlite_file = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
        setattr(error, _WHERE, url.database if sqlite_file else url.render_as_string(hide_password=True))


def database_meaning(exc: BaseException) -> str | None:
    """`what : what to do` for a failure of the database or of its disk; None for anything else."""
    driver = exc.orig if isinstance(exc, DBAPIError) else exc
    meaning = _sqlite_meaning(driver) or _postgres_meaning(driver) or _os_meaning(driver)
    if meaning is None and isinstance(exc, DBAPIError) and exc.connection_invalidated:
        meaning = UNREACHABLE
    return meaning


def database_failure(exc: BaseException) -> str | None:
    """`what (database or file) : what to do` for a failure of the database or of a disk; None otherwise."""
    meaning = database_meaning(exc)
    if meaning is None:
        return None
    driver = exc.orig if isinstance(exc, DBAPIError) else exc
    where = getattr(exc, _WHERE, "") or getattr(driver, "filename", None) or ""
    what, _, todo = meaning.partition(" : ")
    return f"{what} ({where}) : {todo}" if where else meaning


def error_text(exc: BaseException) -> str:
    """An unexpected error in a few words: for a statement that failed, the driver's error class and the
    database, never the statement, its parameters nor the driver's message (it may quote a row's values)."""
    if not isinstance(exc, StatementError):
        return f"{type(exc).__name__}: {exc}"
    driver = type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__
    where = getattr(exc, _WHERE, "")
    return f"{driver} dans la base de données" + (f" ({where})" if where else "")


def _sqlite_meaning(error: BaseException) -> str | None:
    if not isinstance(error, sqlite3.Error):
        return None
    code = getattr(error, "sqlite_errorcode", None)  # None: raised by the sqlite3 module itself (misuse)
    return None if code is None else _SQLITE.get(code & 0xFF)


def _postgres_meaning(error: BaseException) -> str | None:
    if type(error).__module__.split(".")[0] != "psycopg":
        return None
    state = getattr(error, "sqlstate", None) or ""
    if not state:  # an OperationalError without a state: no answer from the server (refused or cut)
        return UNREACHABLE if type(error).__name__ == "OperationalError" else None
    return next((_POSTGRES[p] for p in (state, state[:3], state[:2]) if p in _POSTGRES), None)


def _os_meaning(error: BaseException) -> str | None:
    return _OS.get(error.errno or 0) if isinstance(error, OSError) else None
