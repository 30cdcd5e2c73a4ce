"""`vigie export …`: files for other tools. `ics` gives a porteur's deadline calendar, `correspondances` the
retained matches for a French spreadsheet (CSV or XLSX, as on the web page), `appels` the stored calls in the
etalab dispositif-aide schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from models.errors import VigieError
from vigie.commands.common import app_context, console

export_app = typer.Typer(help="Exporter les appels, les correspondances et les échéances.", no_args_is_help=True)


@export_app.command("ics")
def export_ics(
    ctx: typer.Context,
    porteur: Annotated[str, typer.Option("--porteur", help="Identifiant du porteur (voir « vigie plan show »).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Fichier .ics à écrire (défaut : sortie standard).")] = None,
) -> None:
    """Calendrier ICS des prochaines clôtures des appels ouverts retenus pour un porteur."""
    from vigie.pipeline.calendar_export import porteur_calendar

    app = app_context(ctx)
    ics, count = porteur_calendar(app.config, app.store, porteur, app.as_of)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(ics)
        sys.stdout.buffer.flush()
        return
    _write(output, ics)
    console.print(f"{count} échéance{'s' if count > 1 else ''} écrite{'s' if count > 1 else ''} dans {output}")


@export_app.command("correspondances")
def export_matches(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="Fichier à écrire : .xlsx pour un classeur Excel, "
                                         "sinon CSV pour un tableur français (« ; », virgule décimale).")],
    territoire: Annotated[list[str] | None, typer.Option("--territoire", help="Limiter à ce territoire "
                                                         "(répétable ; défaut : tous).")] = None,
) -> None:
    """Correspondances retenues, leur revue et leur suivi, pour un tableur (mêmes colonnes que la page Exports)."""
    from vigie.web import exports  # the web app's writers: imported only when this command runs

    app = app_context(ctx)
    rows = app.store.export_rows(territoire or None, app.config.settings.matching.threshold)
    lines = exports.match_lines(rows, app.as_of)
    if output.suffix.lower() == ".xlsx":
        _write(output, exports.to_xlsx("Correspondances", exports.MATCH_COLUMNS, lines))
    else:
        _write(output, exports.to_csv(exports.MATCH_COLUMNS, lines))
    console.print(f"{len(lines)} correspondance(s) écrite(s) dans {output}")


@export_app.command("appels")
def export_calls(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="Fichier CSV à écrire.")],
) -> None:
    """Appels enregistrés au schéma etalab dispositif-aide (CSV au format du schéma : « , », dates ISO)."""
    from vigie.web import exports

    lines = [exports.dispositif_line(row) for row in app_context(ctx).store.canonical_calls()]
    _write(output, exports.to_schema_csv(exports.DISPOSITIF_COLUMNS, lines))
    console.print(f"{len(lines)} appel(s) écrit(s) dans {output}")


def _write(output: Path, content: bytes) -> None:
    try:
        output.write_bytes(content)
    except OSError as exc:
        raise VigieError("écriture impossible", str(output), exc.strerror or str(exc)) from exc


def register(app: typer.Typer) -> None:
    """Add the `export` group."""
    app.add_typer(export_app, name="export")
