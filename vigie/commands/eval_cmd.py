"""`vigie eval`: Vigie against three baselines on a labelled set."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from matcher.comparison import Comparison
from matcher.evaluation import METRICS
from matcher.thresholds import THRESHOLDS, ThresholdRow, threshold_table
from models import display
from models.errors import VigieError
from vigie.commands.common import app_context, console
from vigie.pipeline.evaluate import evaluate_files, evaluate_stored, read_labels

HEADERS = {"ndcg@10": "nDCG@10", "recall@20": "Rappel@20", "p@5": "P@5", "mrr": "MRR",
           "ineligible@10": "inéligibles top 10"}
AXES = {axe: name.lower() for axe, name in display.AXE_LABELS.items()}


def print_comparison(comparison: Comparison) -> None:
    """The overall table, then nDCG@10 and Rappel@20 per axe (axes with judged fiches only)."""
    table = Table(title=f"Appariement : moyennes sur {len(comparison.systems[0].per_fiche)} fiches jugées")
    table.add_column("système")
    for metric in METRICS:
        table.add_column(HEADERS[metric], justify="right")
    for system in comparison.systems:
        table.add_row(system.name, *(display.decimal(system.mean(m), 3) for m in METRICS))
    console.print(table)
    per_axe = Table(title="Par axe : nDCG@10 / Rappel@20")
    per_axe.add_column("système")
    axes = [a for a in AXES if comparison.fiches_of_axe(a)]
    for axe in axes:
        per_axe.add_column(f"{AXES[axe]} ({len(comparison.fiches_of_axe(axe))})", justify="right")
    for system in comparison.systems:
        cells = [f"{display.decimal(system.mean('ndcg@10', comparison.fiches_of_axe(a)), 3)} / "
                 f"{display.decimal(system.mean('recall@20', comparison.fiches_of_axe(a)), 3)}" for a in axes]
        per_axe.add_row(system.name, *cells)
    console.print(per_axe)


def eval_command(
    ctx: typer.Context,
    labels: Annotated[Path, typer.Argument(help="Notes fiche_id,source_id,grade (0 à 3).")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date du jour (AAAA-MM-JJ).")] = None,
    calls: Annotated[Path | None, typer.Option(
        "--calls", help="Appels au format CSV dispositif-aide, au lieu des appels enregistrés.")] = None,
    plan: Annotated[Path | None, typer.Option(
        "--plan", help="Plan d'actions (.csv/.xlsx), au lieu des fiches enregistrées.")] = None,
) -> None:
    """Évaluer l'appariement sur un jeu annoté : Vigie face à trois références (mots communs, TF-IDF, BM25)."""
    app = app_context(ctx)
    day = app.use_as_of(as_of)
    grades = read_labels(labels)
    if (calls is None) != (plan is None):
        raise VigieError("évaluation impossible", "--calls / --plan", "donner les deux options ou aucune")
    if calls is not None and plan is not None:
        comparison = evaluate_files(app.config, calls, plan, grades, day)
    else:
        comparison = evaluate_stored(app.config, app.store, grades, day)
    if not comparison.systems[0].per_fiche:
        raise VigieError("évaluation impossible", str(labels), "aucune fiche notée n'a d'appel pertinent éligible")
    print_comparison(comparison)
    matching = app.config.settings.matching
    print_thresholds(threshold_table(comparison.results, grades, matching.top_n,
                                     [*THRESHOLDS, matching.threshold]), matching.threshold, matching.top_n)
    console.print(f"Au {day:%d/%m/%Y} ; une note ≥ 2 compte comme pertinente ; un appel inéligible ne rapporte rien.")


def print_thresholds(rows: list[ThresholdRow], current: float, top_n: int) -> None:
    """What the digest would propose at each threshold (the configured one marked)."""
    table = Table(title=f"Seuil d'envoi (matching.threshold ; au plus {top_n} appels par fiche)")
    for header in ("seuil", "appels proposés / fiche", "dont hors sujet", "précision", "rappel"):
        table.add_column(header, justify="right")
    for row in rows:
        mark = " (réglé)" if abs(row.threshold - current) < 1e-9 else ""
        table.add_row(f"{display.decimal(row.threshold)}{mark}", display.decimal(row.per_fiche, 1),
                      display.decimal(row.off_topic_per_fiche, 1), display.decimal(row.precision),
                      display.decimal(row.recall))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add the command."""
    app.command("eval")(eval_command)
