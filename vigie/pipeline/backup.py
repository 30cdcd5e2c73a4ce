"""`vigie backup` / `vigie restore` for SQLite, through sqlite3's online backup API.

The backup API copies the database page by page under SQLite's own locking, so a backup taken while
the scheduler writes is a consistent snapshot (a plain file copy could catch a half-written WAL).
PostgreSQL has its own tools (pg_dump / pg_restore): the commands say so instead of re-doing them.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from models.errors import VigieError
from models.store.core import masked, normalise_url
from models.store.migrate import alembic_config

logger = logging.getLogger(__name__)

PG_BACKUP = ("PostgreSQL se sauvegarde avec ses propres outils : "
             "pg_dump --format=custom --file=vigie-AAAAMMJJ.dump BASE (voir README, « Exploitation »)")
PG_RESTORE = ("PostgreSQL se restaure avec ses propres outils : "
              "pg_restore --clean --if-exists --no-owner --dbname=BASE vigie-AAAAMMJJ.dump (voir README, « Exploitation »)")


def sqlite_file(url: str, when_postgres: str) -> Path:
    """The SQLite file of `url`; a French error naming the PostgreSQL tool otherwise."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite":
        raise VigieError("commande réservée à SQLite", masked(url), when_postgres)
    if parsed.database in (None, "", ":memory:"):
        raise VigieError("base SQLite en mémoire", url, "rien à sauvegarder ni à restaurer")
    return Path(parsed.database)


def stamped_name(now: datetime, prefix: str = "vigie") -> str:
    """`vigie-AAAAMMJJ-HHMMSS.db` (local time of `now`)."""
    return f"{prefix}-{now:%Y%m%d-%H%M%S}.db"


def backup_target(dest: Path | None, default_dir: Path, now: datetime) -> Path:
    """Where the backup goes: a stamped file in `dest` (a folder) or `default_dir`, or `dest` itself (a .db file)."""
    if dest is not None and not dest.is_dir() and dest.suffix:
        return dest
    return (dest or default_dir) / stamped_name(now)


def copy_database(source: Path, target: Path) -> None:
    """Copy `source` into `target` with the online backup API (the target is replaced page by page)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(_connect(source)) as src, closing(_connect(target)) as dst:
        src.backup(dst)


def backup_sqlite(db: Path, target: Path) -> Path:
    """Back `db` up to `target`, which must not exist yet; returns it."""
    if not db.is_file():
        raise VigieError("sauvegarde impossible", str(db), "la base n'existe pas encore (lancez « vigie init »)")
    if target.exists():
        raise VigieError("sauvegarde refusée", str(target), "le fichier existe déjà")
    copy_database(db, target)
    logger.info("backup done database=%s file=%s bytes=%d", db, target, target.stat().st_size)
    return target


def vigie_revisions(path: Path) -> set[str]:
    """The migrations a backup is at; a French error when it is not a Vigie database of a known version."""
    if not path.is_file():
        raise VigieError("restauration impossible", str(path), "fichier introuvable")
    try:
        with closing(_connect(path)) as db:
            rows = db.execute("select version_num from alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:
        raise VigieError("restauration refusée", str(path), f"pas une base Vigie ({exc})") from exc
    revisions = {r[0] for r in rows}
    known = {s.revision for s in _script_directory().walk_revisions()}
    if not revisions or not revisions <= known:
        cause = "aucune version de schéma" if not revisions else \
            f"schéma inconnu de cette version de Vigie ({', '.join(sorted(revisions - known))}) : mettez Vigie à jour"
        raise VigieError("restauration refusée", str(path), cause)
    return revisions


def restore_sqlite(backup: Path, db: Path, force: bool, now: datetime) -> Path | None:
    """Put `backup` in place of `db`; the replaced database is kept next to it (returned), never lost."""
    vigie_revisions(backup)
    kept = None
    if db.exists():
        if not force:
            raise VigieError("restauration refusée", str(db),
                             "la base existe déjà ; relancez avec --force (une copie de la base actuelle sera gardée)")
        kept = db.with_name(stamped_name(now, prefix=f"{db.stem}-avant-restauration"))
        copy_database(db, kept)
    copy_database(backup, db)
    logger.info("restore done database=%s file=%s kept=%s", db, backup, kept)
    return kept


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=30)


def _script_directory():  # noqa: ANN202 - alembic's ScriptDirectory
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())
