"""The COPIL report's tables as typed cells, shared by the HTML and XLSX renderers: one label per figure, values
kept as numbers and dates (each renderer shows them the French way)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from models import display
from models.copil_records import CopilReport, FicheSection, Figures
from models.display_labels import AXE_LABELS, FOLLOWUP_LABELS
from models.vocab import FollowUp

EUROS, COUNT, DAY, RATE, TEXT = "euros", "count", "day", "rate", "text"
"""Kinds of cells: amounts, counts, dates, percentages (as a number of percent), text."""
NO_AXE = "Sans axe"


@dataclass(frozen=True)
class Column:
    """A column of a table: its French header and the kind of its cells."""

    header: str
    kind: str = TEXT


FIGURE_COLUMNS = [
    Column("Fiches-actions", COUNT), Column("Appels proposés", COUNT), Column("Acceptés", COUNT),
    Column("Dossiers déposés", COUNT), Column("Dossiers obtenus", COUNT), Column("Budget (€)", EUROS),
    Column("Besoin de financement (€)", EUROS), Column("Montants demandés (€)", EUROS),
    Column("Montants obtenus (€)", EUROS), Column("Reste à couvrir (€)", EUROS),
    Column("Reste après demandes en cours (€)", EUROS), Column("Prochaine échéance", DAY),
]


def figure_values(f: Figures) -> list[Any]:
    """Figures in FIGURE_COLUMNS order."""
    return [f.fiches, f.proposed, f.accepted, f.filed, f.won, f.budget, f.need, f.requested, f.obtained,
            f.uncovered, f.uncovered_after_pending, f.next_deadline]


def summary_rows(report: CopilReport) -> list[tuple[Column, Any]]:
    """The summary page: each figure of the territory, then what changed since the last COPIL."""
    rows = list(zip(FIGURE_COLUMNS, figure_values(report.summary), strict=True))
    changes = report.changes
    rows += [(Column("Nouvelles fiches-actions depuis le dernier COPIL", COUNT), len(changes.new_fiches)),
             (Column("Nouveaux appels proposés depuis le dernier COPIL", COUNT), len(changes.new_calls)),
             (Column("Dossiers déposés depuis le dernier COPIL", COUNT), len(changes.filed)),
             (Column("Montants obtenus depuis le dernier COPIL (€)", EUROS), changes.obtained),
             (Column("Dossiers sans réponse 90 jours après la clôture", COUNT), len(report.overdue))]
    return rows


FICHE_COLUMNS = [Column("Porteur"), Column("Fiche"), Column("Titre"), Column("Axe"), *FIGURE_COLUMNS[1:],
                 Column("Taux d'aides publiques cumulées", RATE), Column("Plafond des taux", RATE)]


def fiche_values(section: FicheSection) -> list[Any]:
    """A fiche in FICHE_COLUMNS order (a rate is None when unknown)."""
    fiche = section.fiche
    return [fiche.porteur, fiche.id, fiche.titre, axe_name(fiche.axe), *figure_values(section.figures)[1:],
            section.funding.aid_rate, section.funding.ceiling]


AXE_COLUMNS = [Column("Axe"), *FIGURE_COLUMNS]


def axe_name(code: str | None) -> str:
    """The axe's French name (« Sans axe » for a fiche without one)."""
    return display.label(code, AXE_LABELS, empty=NO_AXE)


CHANGE_COLUMNS = [Column("Changement"), Column("Porteur"), Column("Fiche"), Column("Appel"), Column("Date", DAY),
                  Column("Montant (€)", EUROS)]


def change_rows(report: CopilReport) -> list[list[Any]]:
    """What changed since the last COPIL, one line per event."""
    c = report.changes
    rows = [["Nouvelle fiche-action", f.porteur, f.titre, "", f.created_on, None] for f in c.new_fiches]
    rows += [["Appel proposé", f.porteur, f.titre, call.title, call.proposed_on, None] for f, call in c.new_calls]
    rows += [[f"Dossier {display.label(call.status, FOLLOWUP_LABELS).lower()}", f.porteur, f.titre, call.title,
              call.followup_on, call.obtained if call.status == FollowUp.WON else call.requested] for f, call in c.filed]
    return rows


DEADLINE_COLUMNS = [Column("Clôture", DAY), Column("Porteur"), Column("Fiche"), Column("Appel"),
                    Column("Financeurs"), Column("Suivi"), Column("Lien")]


def deadline_rows(report: CopilReport) -> list[list[Any]]:
    """The deadlines that matter, soonest first."""
    return [[d.day, d.fiche.porteur, d.fiche.titre, d.call.title, ", ".join(d.call.funders),
             display.label(d.call.status, FOLLOWUP_LABELS, empty="Accepté"), d.call.url] for d in report.deadlines]


def period_line(report: CopilReport) -> str:
    """« au 08/12/2026 · changements depuis le 09/09/2026 »."""
    return f"au {display.short_date(report.as_of)} · changements depuis le {display.short_date(report.since)}"


def french_cell(kind: str, value: Any) -> str:
    """A cell as the HTML report shows it: « 1 234 567 € », « 62 % », 15/01/2027, « — » when absent."""
    if kind == EUROS:
        return display.euros(value)
    if kind == RATE:
        return display.UNKNOWN if value is None else display.percent(round(value))
    if kind == DAY:
        return display.short_date(value) if isinstance(value, date) else display.DASH
    if value is None or value == "":
        return display.DASH
    return str(value)
