"""`vigie eval`: Vigie against three baselines on a labelled set; what is learnt on the labels is judged held out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from models import display
from models.errors import VigieError
from vigie.commands.common import app_context, console

if TYPE_CHECKING:  # the matcher and the evaluation are imported only when the command runs
    from matcher.evaluation import Grades
    from models.config.schema import MatchingConfig
    from vigie.pipeline.evaluate import HeldOutCalibration


def eval_command(
    ctx: typer.Context,
    labels: Annotated[Path, typer.Argument(help="Notes fiche_id,source_id,grade (0 à 3).")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date du jour (AAAA-MM-JJ).")] = None,
    calls: Annotated[Path | None, typer.Option(
        "--calls", help="Appels au format CSV dispositif-aide, au lieu des appels enregistrés.")] = None,
    plan: Annotated[Path | None, typer.Option(
        "--plan", help="Plan d'actions (.csv/.xlsx), au lieu des fiches enregistrées.")] = None,
    facts: Annotated[Path | None, typer.Option(
        "--facts", help="Faits écrits sur chaque appel (id,beneficiaires,territoires,date_cloture,exclusions) : "
                        "éligibilité de référence.")] = None,
    accord: Annotated[tuple[Path, Path] | None, typer.Option(
        "--accord", help="Deux fichiers de notes de deux annotateurs indépendants : leur accord (κ de Cohen).")] = None,
    calibrer: Annotated[bool, typer.Option(
        "--calibrer", help="Ajuster l'étalonnage sur ces notes (hors groupe) : Brier, fiabilité, coefficients.")] = False,
    ecrire: Annotated[Path | None, typer.Option(
        "--ecrire", help="Avec --calibrer : écrire la table [matching.calibration] ajustée dans ce fichier.")] = None,
    croise: Annotated[bool, typer.Option(
        "--croise", help="Simuler l'apprentissage d'un territoire à l'autre : chaque territoire classé avec les "
                         "seules décisions des autres.")] = False,
) -> None:
    """Évaluer l'appariement sur un jeu annoté : Vigie face à trois références (mots communs, TF-IDF, BM25)."""
    from matcher.agreement import agreement
    from matcher.oracle_eval import oracle_report
    from matcher.thresholds import THRESHOLDS, threshold_table
    from vigie.commands.eval_print import print_agreement, print_comparison, print_cross, print_oracle, print_thresholds
    from vigie.pipeline.eval_inputs import read_facts, read_label_set
    from vigie.pipeline.evaluate import (
        cross_territory_systems, evaluate_inputs, file_inputs, held_out_calibration, read_labels, stored_inputs,
    )

    app = app_context(ctx)
    day = app.use_as_of(as_of)
    grades = read_labels(labels)
    if (calls is None) != (plan is None):
        raise VigieError("évaluation impossible", "--calls / --plan", "donner les deux options ou aucune")
    if ecrire is not None and not calibrer:
        raise VigieError("évaluation impossible", "--ecrire", "ajouter --calibrer (l'étalonnage à écrire)")
    reference = read_facts(facts) if facts is not None else None
    label_set = read_label_set(labels)
    if accord is not None:
        print_agreement(agreement(read_labels(accord[0]), read_labels(accord[1])), accord[0].name, accord[1].name)
    inputs = file_inputs(calls, plan, day) if calls is not None and plan is not None else stored_inputs(app.store, day)
    comparison = evaluate_inputs(app.config, *inputs, grades, day)
    if not comparison.systems[0].per_fiche:
        raise VigieError("évaluation impossible", str(labels), "aucune fiche notée n'a d'appel pertinent éligible")
    matching = app.config.settings.matching
    fitted_on = f"{label_set.kind()} {labels} ({len(comparison.porteur_of)} fiches)"
    held = held_out_calibration(comparison, grades, matching, fitted_on)
    console.print(label_set.statement())
    console.print(held.protocol.statement())
    print_comparison(comparison, [held.system] if held.system else [])
    print_thresholds(threshold_table(comparison.results, grades, matching.top_n, [*THRESHOLDS, matching.threshold]),
                     matching.threshold, matching.top_n)
    if reference is not None and facts is not None:
        print_oracle(oracle_report(comparison, grades, reference, day), facts.name)
    if calibrer:
        report_calibration(held, grades, matching, ecrire)
    if croise:
        systems, notes = cross_territory_systems(app.config, *inputs, grades, day)
        print_cross(systems, notes)
    console.print(f"Au {day:%d/%m/%Y} ; une note ≥ 2 compte comme pertinente ; un appel inéligible ne rapporte rien.")


def report_calibration(held: HeldOutCalibration, grades: Grades, matching: MatchingConfig, target: Path | None) -> None:
    """`--calibrer`: Brier and reliability held out, the threshold table under held-out probabilities, the
    suggested threshold, and the coefficients fitted on every label (written only to `target`)."""
    from matcher.thresholds import TARGET_RECALL, THRESHOLDS, highest_threshold, lowest_threshold, threshold_table
    from vigie.commands.eval_print import print_calibration, print_thresholds
    from vigie.pipeline.eval_inputs import calibration_toml, write_calibration

    if held.report is None:
        console.print("Étalonnage impossible à juger : il faut au moins deux porteurs dans les notes.")
        return
    print_calibration(held.report, matching.calibration)
    print_thresholds(threshold_table(held.results, grades, matching.top_n, [*THRESHOLDS, matching.threshold]),
                     matching.threshold, matching.top_n,
                     title="Seuil d'envoi avec l'étalonnage réappris hors groupe (probabilités jamais apprises sur "
                           "la fiche jugée)")
    reviewed = highest_threshold(held.results, grades, matching.top_n)
    unreviewed = lowest_threshold(held.results, grades, matching.top_n)
    console.print("Seuil suggéré, probabilités hors groupe — avec relecture (review_required = true : le plus haut "
                  f"qui propose encore {display.percent(TARGET_RECALL * 100)} des appels pertinents) : "
                  f"{display.decimal(reviewed) if reviewed is not None else 'aucun'} ; sans relecture (le plus bas où "
                  "la moitié des propositions sont pertinentes) : "
                  f"{display.decimal(unreviewed) if unreviewed is not None else 'aucun'}.")
    if target is not None and held.report.fitted is not None:
        write_calibration(target, calibration_toml(held.report.fitted, held.report))
        console.print(f"Étalonnage écrit dans {target} : table [matching.calibration] à copier dans settings.toml.", markup=False)


def register(app: typer.Typer) -> None:
    """Add the command."""
    app.command("eval")(eval_command)
