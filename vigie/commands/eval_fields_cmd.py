"""`vigie eval-fields`: how exactly the crawlers read each fact, per source and per field, on a corpus of pages
whose facts were written by hand (see vigie/pipeline/eval_fields.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from models import display
from vigie.commands.common import app_context, console

if TYPE_CHECKING:  # the crawlers are imported only when the command runs
    from crawlers.field_accuracy import FieldReport

SHORT = {"trouvé": "trouvé", "titre": "titre", "dates de clôture": "clôtures", "prochaine échéance": "prochaine",
         "bénéficiaires": "bénéf.", "territoire": "territoire", "montant de l'aide": "aide",
         "budget du projet": "projet", "taux": "taux"}


def eval_fields_command(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Dossier du corpus : site/, expected.csv, SET.toml.")],
    detail: Annotated[bool, typer.Option("--detail", help="Lister chaque fait manqué : attendu → lu.")] = False,
) -> None:
    """Exactitude des faits collectés (clôtures, échéance, bénéficiaires, territoire, montants) par source."""
    from crawlers.field_accuracy import FLOORS
    from vigie.pipeline.eval_fields import USAGES, run_corpus

    app = app_context(ctx)
    run = run_corpus(app.config, corpus, app.as_of if app.as_of_option else None)
    console.print(f"Corpus {corpus} : {USAGES.get(run.usage, run.usage)} ; au {run.as_of:%d/%m/%Y}.", markup=False)
    console.print(fields_table(run.report))
    for name, floor in FLOORS.items():
        right, judged = run.report.share(name)
        verdict = "atteint" if judged and right / judged >= floor else "non atteint"
        console.print(f"{name} : {_share(right, judged)} exacts (plancher {display.decimal(floor)} : {verdict}).",
                      markup=False)
    failed = [o.slug for o in run.outcomes if o.error]
    if failed:
        console.print(f"Sources en échec pendant la collecte : {', '.join(failed)}.", markup=False)
    if detail:
        for source, title, name, want, got in run.report.misses:
            console.print(f"- {source} « {title} » — {name} : attendu {want} ; lu {got}", markup=False)


def fields_table(report: FieldReport) -> Table:
    """One row per source and a total row; one column per field: right / judged."""
    from crawlers.field_accuracy import FIELDS

    table = Table(title="Faits exacts par source (exacts / appels)")
    table.add_column("source")
    for name in FIELDS:
        table.add_column(SHORT[name], justify="right")
    for source in report.sources():
        table.add_row(source, *(_cell(*report.share(name, source)) for name in FIELDS))
    table.add_row("ensemble", *(_share(*report.share(name)) for name in FIELDS))
    return table


def _cell(right: int, judged: int) -> str:
    return f"{right}/{judged}" if judged else "—"


def _share(right: int, judged: int) -> str:
    return f"{display.decimal(right / judged)} ({right}/{judged})" if judged else "—"


def register(app: typer.Typer) -> None:
    """Add the command."""
    app.command("eval-fields")(eval_fields_command)
