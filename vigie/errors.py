"""Turning expected errors into one French line (and a traceback with -v)."""

from __future__ import annotations

import sys
import traceback

import click
import typer

from models.errors import ConfigError, InputError, PlanImportError, VigieError
from vigie.cli_french import usage_error_line
from vigie.commands.common import literal_console, styled

err_console = literal_console(stderr=True)


def report(exc: BaseException, verbose: bool) -> int:
    """Print an error the way a user should see it; return the exit code."""
    if isinstance(exc, click.exceptions.Exit):
        return exc.exit_code
    if isinstance(exc, click.ClickException):
        exc.show()
        return exc.exit_code
    if isinstance(exc, (click.exceptions.Abort, typer.Abort)):
        err_console.print("Interrompu.")
        return 130
    if isinstance(exc, typer.Exit):
        return exc.exit_code
    if isinstance(exc, getattr(typer, "TyperException", ())):  # typer's bundled click: usage errors in French
        ctx = getattr(exc, "ctx", None)
        hint = f" (voir « {ctx.command_path} --help »)" if ctx is not None else ""
        err_console.print(f"Erreur : {usage_error_line(exc)}{hint}", markup=False)
        return exc.exit_code
    if verbose:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, (ConfigError, PlanImportError)):
        err_console.print(styled("[bold red]Erreur[/] : {} ({})", exc.what, exc.where))
        for line in exc.problems:
            err_console.print(f"  {line}", markup=False)
        return 2
    if isinstance(exc, VigieError):
        err_console.print(f"Erreur : {exc}")
        return 2 if isinstance(exc, InputError) else 1
    from models.store.failures import database_failure, error_text  # the database layer, only for such an error

    failure = database_failure(exc)  # locked, disk full…: what to do, never the SQL nor a row's data
    if failure is not None:
        err_console.print(f"Erreur : {failure}")
        return 1
    err_console.print(f"Erreur inattendue : {error_text(exc)} (relancez avec -v pour le détail)")
    return 3
