"""`vigie backup`, `vigie restore` and `vigie purge`: operating a deployment."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from vigie.commands.common import app_context, console
from vigie.pipeline.clock import PARIS

DEFAULT_BACKUP_DIR = "var/sauvegardes"


def backup(
    ctx: typer.Context,
    dest: Annotated[Path | None, typer.Argument(
        help=f"Dossier où écrire la sauvegarde horodatée, ou fichier .db (défaut : {DEFAULT_BACKUP_DIR}/).")] = None,
) -> None:
    """Sauvegarder la base SQLite, même pendant que le planificateur écrit (PostgreSQL : pg_dump)."""
    from vigie.pipeline.backup import PG_BACKUP, backup_sqlite, backup_target, sqlite_file

    app = app_context(ctx)
    db = sqlite_file(app.config.database_url, PG_BACKUP)
    target = backup_target(dest, app.config.resolve(DEFAULT_BACKUP_DIR), datetime.now(PARIS))
    done = backup_sqlite(db, target)
    console.print(f"Sauvegarde écrite : {done} ({done.stat().st_size // 1024} Kio)")


def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Sauvegarde à remettre en place (fichier écrit par « vigie backup »).")],
    force: Annotated[bool, typer.Option("--force", help="Remplacer la base existante (une copie en est gardée).")] = False,
) -> None:
    """Remettre en place une sauvegarde SQLite ; refuse d'écraser la base sans --force (PostgreSQL : pg_restore)."""
    from vigie.pipeline.backup import PG_RESTORE, restore_sqlite, sqlite_file

    app = app_context(ctx)
    db = sqlite_file(app.config.database_url, PG_RESTORE)
    kept = restore_sqlite(file, db, force, datetime.now(PARIS))
    console.print(f"Base restaurée depuis {file} : {db}")
    if kept:
        console.print(f"L'ancienne base est gardée dans {kept}")
    console.print("Relancez « vigie schedule » et « vigie serve » s'ils tournaient.")


def purge(ctx: typer.Context) -> None:
    """Appliquer la conservation de settings.toml ([retention]) : données brutes, historique des collectes, boîte d'envoi."""
    from vigie.pipeline.retention import purge as run_purge

    app = app_context(ctx)
    report = run_purge(app.config, app.store)
    console.print(f"Purge : {report.raw_payloads} données brutes d'appels vidées, {report.crawl_runs} collectes "
                  f"effacées de l'historique, {report.outbox_files} fichiers de la boîte d'envoi supprimés "
                  "(appels et revues ne sont jamais effacés).")


def register(app: typer.Typer) -> None:
    """Add the commands."""
    app.command("backup")(backup)
    app.command("restore")(restore)
    app.command("purge")(purge)
