"""`vigie stats`: what porteurs do with Vigie, per ISO week and territory."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from vigie.commands.common import app_context, console


def stats(
    ctx: typer.Context,
    territoire: Annotated[str | None, typer.Option("--territoire", help="Un seul territoire (son identifiant).")] = None,
    semaines: Annotated[int, typer.Option("--semaines", help="Nombre de semaines ISO, celle-ci comprise (1 à 520).")] = 8,
) -> None:
    """Usage par semaine et territoire : appels proposés dans les lettres envoyées, espaces ouverts, réponses."""
    from vigie.pipeline.clock import today
    from vigie.pipeline.usage_report import HEADERS, check_request, row_cells, usage_lines

    app = app_context(ctx)
    check_request(app.config, territoire, semaines)
    lines = usage_lines(app.config, app.store, [territoire] if territoire else None, semaines, today())
    if not lines:
        console.print(f"Aucune lettre envoyée, aucun espace ouvert ni aucune réponse sur les {semaines} dernières "
                      "semaines.")
        return
    table = Table(*HEADERS, title="Usage de Vigie par semaine et territoire")
    for line in lines:
        table.add_row(*row_cells(app.config, line))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the command."""
    app.command("stats")(stats)
