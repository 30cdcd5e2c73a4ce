"""`vigie export …`: files for other tools. `ics` gives a porteur's deadline calendar; other formats
join the same group as commands of `export_app`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from models.errors import VigieError
from vigie.commands.common import app_context, console
from vigie.pipeline.calendar_export import porteur_calendar

export_app = typer.Typer(help="Exporter les appels, les correspondances et les échéances.", no_args_is_help=True)


@export_app.command("ics")
def export_ics(
    ctx: typer.Context,
    porteur: Annotated[str, typer.Option("--porteur", help="Identifiant du porteur (voir « vigie plan show »).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Fichier .ics à écrire (défaut : sortie standard).")] = None,
) -> None:
    """Calendrier ICS des prochaines clôtures des appels ouverts retenus pour un porteur."""
    app = app_context(ctx)
    ics, count = porteur_calendar(app.config, app.store, porteur, app.as_of)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(ics)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(ics)
    except OSError as exc:
        raise VigieError("écriture impossible", str(output), exc.strerror or str(exc)) from exc
    console.print(f"{count} échéance{'s' if count > 1 else ''} écrite{'s' if count > 1 else ''} dans {output}")


def register(app: typer.Typer) -> None:
    """Add the `export` group."""
    app.add_typer(export_app, name="export")
