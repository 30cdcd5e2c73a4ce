"""`vigie plan import FILE` and `vigie plan show`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from models.plan import read_plan
from models.store import ImportReport
from vigie.commands.common import app_context, console
from vigie.pipeline.clock import utcnow

plan_app = typer.Typer(help="Plan d'actions : importer le tableur des fiches-actions, l'afficher.",
                       no_args_is_help=True)


def print_import_report(report: ImportReport) -> None:
    """What an import created and updated."""
    console.print(
        f"Import terminé : fiches-actions {report.fiches_new} nouvelle(s), {report.fiches_updated} modifiée(s), "
        f"{report.fiches_unchanged} inchangée(s) ; porteurs {report.porteurs_new} nouveau(x), "
        f"{report.porteurs_updated} modifié(s) ; {report.contacts_new} contact(s) ajouté(s) ; "
        f"{report.territories_new} territoire(s) créé(s)."
    )
    if report.updated_fiche_ids:
        console.print("Fiches modifiées (seront réévaluées, revues conservées) : " + ", ".join(report.updated_fiche_ids))


@plan_app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Tableur du plan d'actions (.csv ou .xlsx), colonnes de la documentation.")],
) -> None:
    """Importer (ou réimporter) le plan d'actions : tout ou rien, chaque cellule fautive signalée."""
    app = app_context(ctx)
    store = app.store
    known = {t.id: t.nom for t in app.config.plan.territories} | {t.id: t.nom for t in store.plan().territories}
    plan = read_plan(file, known)
    print_import_report(store.import_plan(plan, utcnow()))


@plan_app.command("show")
def show(ctx: typer.Context) -> None:
    """Afficher les porteurs et fiches-actions enregistrés."""
    plan = app_context(ctx).store.plan()
    table = Table(title="Plan d'actions")
    for column in ("territoire", "porteur", "type", "fiche", "titre", "axe"):
        table.add_column(column)
    porteurs = {p.id: p for p in plan.porteurs}
    for fiche in plan.fiches:
        p = porteurs[fiche.porteur_id]
        table.add_row(p.territoire, p.nom, str(p.type), fiche.id, fiche.titre, str(fiche.axe or "—"))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the `plan` group."""
    app.add_typer(plan_app, name="plan")
