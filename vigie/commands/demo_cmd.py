"""`vigie demo`: the main job, offline, on the embedded defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vigie.commands.common import app_context, console
from vigie.commands.crawl_cmds import crawl_summary
from vigie.pipeline.clock import fix_today
from vigie.demo.run import DEMO_AS_OF, DemoReport, run_demo


def print_report(report: DemoReport) -> None:
    """Where everything went."""
    console.print(crawl_summary(report.crawl))
    stored = sum(o.counts.new + o.counts.changed + o.counts.unchanged for o in report.crawl)
    eligible = [m for m in report.matches if m.result.eligible]
    fiches = {m.result.fiche_id for m in eligible}
    letters = [d for d in report.digests if d.status == "written"]
    folder = letters[0].paths[0].parent if letters else None
    console.print(f"\n[bold]Démo terminée[/] (au {report.as_of:%d/%m/%Y}, semaine {report.week}).")
    console.print(f"  Configuration copiée : {report.config_dir}")
    console.print(f"  Base de données      : {report.database_url}")
    console.print(f"  Appels enregistrés   : {stored} (depuis le miroir {report.base_url}, arrêté)")
    console.print(f"  Plan d'actions       : {report.plan.fiches_new} fiches-actions, {report.plan.porteurs_new} porteurs importés")
    console.print(f"  Appariement          : {len(report.matches)} correspondances retenues, {len(eligible)} éligibles, {len(fiches)} fiches couvertes")
    console.print(f"  Lettres écrites      : {len(letters)} dans {folder or '—'}")
    console.print(f"Pour explorer : vigie --config {report.config_dir} --as-of {report.as_of} match")


def demo(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Option("--dir", help="Dossier de travail de la démo (recréé).")] = Path("vigie-demo"),
) -> None:
    """Démonstration hors ligne : sert un miroir local des sources, collecte, importe un plan, apparie, écrit les lettres."""
    app = app_context(ctx)
    as_of = app.as_of if app.as_of_fixed else DEMO_AS_OF
    fix_today(as_of)
    report = run_demo(directory.resolve(), as_of, say=lambda line: console.print(line, markup=False))
    print_report(report)


def register(app: typer.Typer) -> None:
    """Add the command."""
    app.command("demo")(demo)
