"""Commands of the design that later steps deliver: they say so clearly and exit non-zero."""

from __future__ import annotations

import typer

from vigie.commands.common import console

NOT_YET = 4
PENDING = {
    "schedule": ("Lancer le planificateur (collectes, appariements et lettres aux heures de settings.toml).",
                 "le planificateur arrive avec l'exploitation (APScheduler, reprise après arrêt)"),
}


def _pending(name: str, reason: str):  # noqa: ANN202
    def command(args: list[str] = typer.Argument(None, hidden=True)) -> None:  # noqa: B008
        console.print(f"« vigie {name} » n'est pas encore disponible dans cette version : {reason}.")
        raise typer.Exit(NOT_YET)

    return command


def register(app: typer.Typer) -> None:
    """Add the not-yet-built commands, each with its help text."""
    for name, (help_text, reason) in PENDING.items():
        app.command(name, help=help_text + " (pas encore disponible)")(_pending(name, reason))
