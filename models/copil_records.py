"""The COPIL report as data: what goes in (a territory's fiches and the calls proposed for them) and what comes
out (summary, per fiche-action, per axe, changes since the last COPIL, next deadlines, dossiers without outcome).
Built by models.copil.build_report, rendered by vigie/report (HTML, PDF, XLSX)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.cofinancing import Cofinancing
from models.followup import OverdueDossier


@dataclass(frozen=True)
class FicheRow:
    """A fiche-action of the territory."""

    id: str
    titre: str
    porteur: str
    """The porteur's name."""
    axe: str | None
    """Axe code (models.display_labels.AXE_LABELS)."""
    budget: float | None
    need: float | None
    created_on: date | None
    """Day it entered the plan (None: unknown)."""


@dataclass(frozen=True)
class CallRow:
    """A call proposed for a fiche (a retained match, or one with a follow-up) and where it stands."""

    match_id: int
    fiche_id: str
    title: str
    url: str
    funders: tuple[str, ...]
    close_dates: tuple[date, ...]
    """Every relève, sorted."""
    rate_max: float | None
    """Maximum aid rate the call states, percent."""
    proposed_on: date
    """Day Vigie first matched it to the fiche."""
    accepted: bool
    """The chef de projet accepted it."""
    status: str | None
    """Follow-up code, None without follow-up."""
    followup_on: date | None
    requested: float | None
    obtained: float | None


@dataclass(frozen=True)
class Figures:
    """Counts and amounts of a fiche, an axe or the whole territory."""

    fiches: int = 0
    proposed: int = 0
    """Calls proposed."""
    accepted: int = 0
    filed: int = 0
    """Dossiers filed (déposé, obtenu or refusé)."""
    won: int = 0
    """Dossiers obtained."""
    budget: float = 0.0
    need: float = 0.0
    requested: float = 0.0
    obtained: float = 0.0
    uncovered: float = 0.0
    """Σ of the fiches' uncovered need (fiches without a need left out)."""
    uncovered_after_pending: float = 0.0
    next_deadline: date | None = None


@dataclass(frozen=True)
class Deadline:
    """A deadline that matters: an open call accepted or « à déposer », not yet filed."""

    day: date
    fiche: FicheRow
    call: CallRow


@dataclass(frozen=True)
class FicheSection:
    """One fiche-action in the report."""

    fiche: FicheRow
    figures: Figures
    funding: Cofinancing


@dataclass(frozen=True)
class Overdue:
    """A filed dossier still without outcome long after its deadline."""

    fiche: FicheRow
    call: CallRow
    dossier: OverdueDossier


@dataclass(frozen=True)
class Changes:
    """What changed since the last COPIL."""

    new_fiches: list[FicheRow] = field(default_factory=list)
    new_calls: list[tuple[FicheRow, CallRow]] = field(default_factory=list)
    filed: list[tuple[FicheRow, CallRow]] = field(default_factory=list)
    won: list[tuple[FicheRow, CallRow]] = field(default_factory=list)

    @property
    def obtained(self) -> float:
        """Amount obtained over the period."""
        return sum(call.obtained or 0 for _, call in self.won)


@dataclass(frozen=True)
class CopilReport:
    """Everything the COPIL report says about one territory."""

    territory: str
    """The territory's name."""
    as_of: date
    since: date
    summary: Figures
    fiches: list[FicheSection]
    axes: list[tuple[str | None, Figures]]
    """(axe code, figures) in the programme's order; None gathers fiches without an axe."""
    changes: Changes
    deadlines: list[Deadline]
    overdue: list[Overdue]
