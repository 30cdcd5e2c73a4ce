"""`vigie demo`: the main job, offline, on the embedded defaults."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from models.vocab import Role
from vigie.commands.common import app_context
from vigie.commands.web_cmds import check_account, save_account
from vigie.invocation import shown_path, vigie_command
from vigie.pipeline.clock import fix_today

if TYPE_CHECKING:  # the demo (plan, crawl, matching) is imported only when it runs
    from vigie.commands.demo_report import Account
    from vigie.demo.run import DemoReport


def add_demo_account(report: DemoReport) -> Account:
    """A chef de projet account for the demo's territories, made as `vigie user add` makes one, with a random
    password; and the demo's random key (it signed the letters' personal links) for `vigie serve`."""
    from models.store import Store
    from vigie.commands.demo_report import Account
    from vigie.demo.folder import DEMO_USER

    territories = [t.id for t in report.config.plan.territories]
    password = secrets.token_urlsafe(12)
    check_account(report.config, DEMO_USER, Role.CHEF, territories)
    store = Store.open(report.database_url)
    try:
        save_account(store, DEMO_USER, Role.CHEF, territories, password)
    finally:
        store.close()
    return Account(DEMO_USER, password, report.config.settings.web.secret_key_env, report.secret_key)


def demo(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Option("--dir", help="Dossier de travail de la démo (recréé).")] = Path("vigie-demo"),
    reset: Annotated[bool, typer.Option(
        "--reinitialiser", help="Effacer une démo précédente même si l'on y a travaillé depuis (revues, comptes, "
                                "réglages…) ; sans cette option, la démo refuse et dit ce qui serait perdu.")] = False,
) -> None:
    """Démonstration hors ligne : sert un miroir local des sources, collecte, importe un plan, apparie, joue la
    revue du chef de projet, écrit les lettres de ce qui est accepté, crée un compte pour l'application web."""
    from vigie.commands.demo_report import print_next_steps, print_steps, say
    from vigie.demo.run import DEMO_AS_OF, run_demo

    app = app_context(ctx)
    as_of = app.as_of if app.as_of_fixed else DEMO_AS_OF
    fix_today(as_of)
    vigie = vigie_command()
    as_of_option = f"--as-of {app.as_of_option} " if app.as_of_option else ""
    rerun = f"{vigie} {as_of_option}demo --dir {shown_path(directory)} --reinitialiser"
    report = run_demo(directory.resolve(), as_of, say=lambda line: say(line), reset=reset, rerun=rerun)
    print_steps(report)
    print_next_steps(report, vigie, add_demo_account(report))


def register(app: typer.Typer) -> None:
    """Add the command."""
    app.command("demo")(demo)
