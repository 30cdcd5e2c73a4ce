"""The `vigie` command: French help, one-line errors, --config / --as-of / -v shared by every command."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from vigie.commands import (  # one line per command module
    changes_cmd,
    config_cmds,
    crawl_cmds,
    demo_cmd,
    digest_cmds,
    eval_cmd,
    eval_fields_cmd,
    export_cmds,
    match_cmds,
    ops_cmds,
    plan_cmds,
    report_cmd,
    schedule_cmds,
    stats_cmd,
    tune_cmds,
    web_cmds,
)
from vigie.cli_french import use_french_help
from vigie.context import AppContext
from vigie.errors import report
from vigie.leave import leave
from vigie.logs import setup_logging

app = typer.Typer(
    name="vigie",
    help="Vigie — veille des appels à projets et appariement aux fiches-actions des Territoires d'industrie.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main_options(
    ctx: typer.Context,
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", envvar="VIGIE_CONFIG", help="Dossier de configuration (défaut : ./config).")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", envvar="VIGIE_AS_OF", help="Date du jour à utiliser (AAAA-MM-JJ), pour rejouer une semaine.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Afficher le détail des erreurs.")] = False,
) -> None:
    """Options communes à toutes les commandes."""
    setup_logging(verbose)
    ctx.obj = AppContext(config_option=config, as_of_option=as_of, verbose=verbose)
    ctx.call_on_close(ctx.obj.close)


COMMAND_MODULES = [
    config_cmds,
    crawl_cmds,
    changes_cmd,
    plan_cmds,
    match_cmds,
    digest_cmds,
    demo_cmd,
    export_cmds,
    report_cmd,
    web_cmds,
    eval_cmd,
    eval_fields_cmd,
    ops_cmds,
    tune_cmds,
    schedule_cmds,
    stats_cmd,
]
for module in COMMAND_MODULES:
    module.register(app)
use_french_help(app)  # typer's own words (usage, panels, the help option) in French


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args or "--verbose" in args
    try:
        # Without standalone mode click returns the code of typer.Exit instead of raising it.
        code = app(args=args, prog_name="vigie", standalone_mode=False)
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - every error leaves as one French line
        code = report(exc, verbose)
    if isinstance(code, int) and code:
        sys.exit(code)
    return 0


def run() -> None:
    """The console script (`vigie`, `python -m vigie`): `main`, then leave without freeing every object the
    command built (vigie.leave: seconds after a large match)."""
    try:
        code: object = main()
    except SystemExit as stop:
        code = stop.code
    leave(code)
