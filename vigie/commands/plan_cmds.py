"""`vigie plan import FILE` and `vigie plan show`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from models import display
from models.display import AXE_LABELS, PORTEUR_TYPE_LABELS
from models.plan.limits import MAX_FILE_BYTES, MAX_ROWS
from vigie.commands.common import app_context, console
from vigie.pipeline.clock import utcnow

if TYPE_CHECKING:  # the spreadsheet reader (openpyxl) is imported only by `plan import`
    from models.store import ImportReport

_ROWS = f"{MAX_ROWS:,}".replace(",", "\u00a0")
FILE_HELP = (f"Tableur du plan d'actions (.csv ou .xlsx, au plus {MAX_FILE_BYTES // 2**20}\u00a0Mo et {_ROWS} lignes), "
             "colonnes de la documentation.")
"""The help of the file argument, with the reader's limits (models.plan.limits loads no spreadsheet library)."""

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
    file: Annotated[Path, typer.Argument(help=FILE_HELP)],
) -> None:
    """Importer (ou réimporter) le plan d'actions : tout ou rien, chaque cellule fautive signalée."""
    from models.plan import read_plan

    app = app_context(ctx)
    # Territories are declared in settings.toml only (with their chef de projet), as for porteurs/*.toml:
    # a row naming another one is refused with the block to add, so that every stored territory can get
    # a user (`vigie user add --territoire`) and a chef de projet letter.
    declared = {t.id: t for t in app.config.plan.territories}
    settings = app.config.directory / "settings.toml"
    plan = read_plan(file, {t.id: t.nom for t in declared.values()}, declared_in=str(settings))
    plan = plan.model_copy(update={"territories": [declared[t.id] for t in plan.territories]})
    print_import_report(app.store.import_plan(plan, utcnow()))
    for territory in plan.territories:
        if not territory.chef_de_projet_email:
            console.print(f"Territoire « {territory.id} » sans adresse de chef de projet dans {settings} "
                          "([territoire.chef_de_projet] email) : il ne recevra pas la lettre de revue.")


@plan_app.command("show")
def show(ctx: typer.Context) -> None:
    """Afficher les porteurs et fiches-actions enregistrés."""
    plan = app_context(ctx).store.plan()
    table = Table(title="Plan d'actions")
    for column in ("territoire", "porteur", "type", "fiche", "titre", "axe"):
        table.add_column(column)
    porteurs = {p.id: p for p in plan.porteurs}
    names = {t.id: t.nom for t in plan.territories}
    for fiche in plan.fiches:
        p = porteurs[fiche.porteur_id]
        table.add_row(names.get(p.territoire, p.territoire), p.nom, display.label(p.type, PORTEUR_TYPE_LABELS),
                      fiche.id, fiche.titre, display.label(fiche.axe, AXE_LABELS))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the `plan` group."""
    app.add_typer(plan_app, name="plan")
