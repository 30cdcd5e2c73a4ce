"""What `vigie eval` prints: French tables over the comparison, the thresholds, the calibration, the reference
eligibility and the labellers' agreement."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from matcher.agreement import Agreement
from matcher.calibration import FEATURE_LABELS, FEATURES
from matcher.calibration_fit import CalibrationReport
from matcher.comparison import Comparison
from matcher.evaluation import METRICS, SystemScores
from matcher.oracle_eval import OracleReport
from matcher.thresholds import ThresholdRow
from models import display
from models.config.schema import CalibrationConfig
from vigie.commands.common import console

HEADERS = {"ndcg@10": "nDCG@10", "recall@20": "Rappel@20", "p@5": "P@5", "mrr": "MRR",
           "ineligible@10": "inéligibles top 10"}
AXES = {axe: name.lower() for axe, name in display.AXE_LABELS.items()}
BEST, BEST_ELIGIBLE = "meilleure référence", "meilleure référence ∩ éligibles"


def dec(value: float, places: int = 3) -> str:
    """French decimal."""
    return display.decimal(value, places)


def systems_table(title: str, systems: Sequence[SystemScores], metrics: Sequence[str] = METRICS) -> Table:
    """One row per system, one column per metric (means over the judged fiches)."""
    table = Table(title=title)
    table.add_column("système")
    for metric in metrics:
        table.add_column(HEADERS[metric], justify="right")
    for system in systems:
        table.add_row(system.name, *(dec(system.mean(m)) for m in metrics))
    return table


def print_comparison(comparison: Comparison, extra: Sequence[SystemScores] = ()) -> None:
    """The overall table (with `extra` systems below Vigie), then nDCG@10 / Rappel@20 per axe: Vigie against the
    best baseline of each axe (named below the table)."""
    systems = [comparison.systems[0], *extra, *comparison.systems[1:]]
    console.print(systems_table(f"Appariement : moyennes sur {len(comparison.systems[0].per_fiche)} fiches jugées",
                                systems))
    axes = [a for a in AXES if comparison.fiches_of_axe(a)]
    per_axe = Table(title="Par axe : nDCG@10 / Rappel@20")
    per_axe.add_column("système", min_width=20)
    for axe in axes:
        per_axe.add_column(f"{AXES[axe]} ({len(comparison.fiches_of_axe(axe))})", justify="right")
    for system in [comparison.systems[0], *extra]:
        per_axe.add_row(system.name, *(_axe_cell(system, comparison.fiches_of_axe(a)) for a in axes))
    names = []
    for label, restricted in ((BEST, False), (BEST_ELIGIBLE, True)):
        best = [comparison.best_reference(a, restricted) for a in axes]
        per_axe.add_row(label, *(_axe_cell(b, comparison.fiches_of_axe(a)) for a, b in zip(axes, best)))
        names.append(f"{label} : " + ", ".join(f"{AXES[a]} {b.name}" for a, b in zip(axes, best)))
    console.print(per_axe)
    console.print(" ; ".join(names) + ".")


def _axe_cell(system: SystemScores, fiches: list[str]) -> str:
    return f"{dec(system.mean('ndcg@10', fiches))} / {dec(system.mean('recall@20', fiches))}"


def print_thresholds(rows: list[ThresholdRow], current: float, top_n: int, title: str = "") -> None:
    """What the digest would propose at each threshold (the configured one marked)."""
    table = Table(title=title or f"Seuil d'envoi (matching.threshold ; au plus {top_n} appels par fiche)")
    for header in ("seuil", "appels proposés / fiche", "dont hors sujet", "précision", "rappel"):
        table.add_column(header, justify="right")
    for row in rows:
        mark = " (réglé)" if abs(row.threshold - current) < 1e-9 else ""
        table.add_row(f"{display.decimal(row.threshold)}{mark}", display.decimal(row.per_fiche, 1),
                      display.decimal(row.off_topic_per_fiche, 1), display.decimal(row.precision),
                      display.decimal(row.recall))
    console.print(table)


def print_calibration(report: CalibrationReport, configured: CalibrationConfig) -> None:
    """Brier scores, reliability of the held-out probabilities and the coefficients fitted on every label."""
    console.print(f"Étalonnage sur {report.pairs} paires ({report.relevant} pertinentes) — score de Brier, plus bas "
                  f"= mieux : score fusionné lu comme une probabilité {dec(report.brier_fused, 4)} ; étalonnage en "
                  f"service ({configured.fitted_on or 'provenance non dite'}) {dec(report.brier_configured, 4)} ; "
                  f"étalonnage réappris hors groupe {dec(report.brier_heldout, 4)}.")
    table = Table(title="Fiabilité des probabilités hors groupe (par tranche de 0,1)")
    for header in ("tranche", "paires", "probabilité moyenne", "part pertinente"):
        table.add_column(header, justify="right")
    for b in report.reliability:
        table.add_row(f"{display.decimal(b.low, 1)} – {display.decimal(b.high, 1)}", str(b.pairs),
                      dec(b.predicted), dec(b.observed))
    console.print(table)
    if report.fitted is None:
        console.print("Pas d'étalonnage ajusté : les notes ne comptent qu'une seule classe (pertinent ou non).")
        return
    terms = " ; ".join(f"{FEATURE_LABELS[n]} {display.decimal(getattr(report.fitted, n), 4)}" for n in FEATURES)
    console.print(f"Ajusté sur toutes les notes : constante {display.decimal(report.fitted.intercept, 4)} ; {terms}.")


def print_oracle(report: OracleReport, facts_name: str) -> None:
    """Rankings on the reference eligible set, Vigie end to end, and its verdicts against the facts."""
    console.print(systems_table(f"Appels réellement éligibles (faits écrits : {facts_name}) : classement de chacun",
                                report.ranking, METRICS[:4]))
    console.print(systems_table("Vigie avec sa propre éligibilité, de bout en bout", [report.end_to_end]))
    table = Table(title="Verdicts d'éligibilité de Vigie contre les faits écrits (paires des fiches jugées)")
    for header in ("critère", "écartés à tort", "admis à tort"):
        table.add_column(header, justify="right")
    for d in report.disagreements:
        table.add_row(display.CRITERION_LABELS.get(d.criterion, d.criterion), str(d.wrongly_excluded),
                      str(d.wrongly_admitted))
    console.print(table)
    console.print(f"Appels inéligibles d'après les faits dans un top 10 de Vigie : {report.ineligible_in_top} "
                  f"(sur {report.fiches_with_ineligible} fiche(s)) ; appels sans ligne de faits, réputés éligibles : "
                  f"{report.calls_without_facts}.")


def print_agreement(found: Agreement, first: str, second: str) -> None:
    """κ and raw agreement of two labellers."""
    console.print(f"Accord entre annotateurs ({first} / {second}) sur {found.pairs} paires notées par l'un ou "
                  f"l'autre (une paire absente vaut 0) : κ de Cohen pondéré (quadratique) {dec(found.kappa)} ; "
                  f"accord brut {dec(found.raw)} ; κ sur « pertinent (note ≥ 2) ou non » {dec(found.relevant_kappa)} ; "
                  f"notées par un seul : {found.only_a} / {found.only_b}.")


def print_cross(systems: Sequence[SystemScores], notes: dict[str, str]) -> None:
    """`--croise`: each territory ranked with the other territories' decisions only."""
    console.print(systems_table("D'un territoire à l'autre : chaque territoire classé avec les seules décisions "
                                "des autres (simulation sur les notes)", systems))
    for territory, note in sorted(notes.items()):
        console.print(f"  {territory} : {note}")
