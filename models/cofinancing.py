"""Co-financing of a fiche-action: its funding plan (the calls accepted or applied for), the cumulated share of
public aid against the lowest maximum rate those calls state, and what is still uncovered. Pure: rows in, value out.

Rules, each in one place:
- a call is in the funding plan when its follow-up is « à déposer », « déposé » or « obtenu »
  (models.vocab.FOLLOWUP_IN_PLAN);
- cumulated public aid = Σ (obtained, else requested) / budget; unknown without a budget or without any amount;
- the ceiling (« plafond ») is the lowest maximum rate stated by the plan's calls; unknown when none states one —
  never guessed;
- uncovered = funding need − obtained (never below zero); « après demandes en cours » also takes off what is
  requested and pending (« à déposer », « déposé »); unknown without a funding need.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.vocab import FOLLOWUP_IN_PLAN, FOLLOWUP_PENDING, FollowUp


@dataclass(frozen=True)
class FundingLine:
    """One call in a fiche's funding plan (or a candidate for it)."""

    call_title: str
    """The call's title as collected."""
    funders: tuple[str, ...]
    """Funders' names as collected."""
    status: str | None
    """Follow-up code (models.display_labels.FOLLOWUP_LABELS), None without follow-up."""
    requested: float | None
    """Amount the dossier asks for, euros."""
    obtained: float | None
    """Amount granted, euros."""
    rate_max: float | None
    """Maximum aid rate the call states, percent (None: not stated)."""


@dataclass(frozen=True)
class Cofinancing:
    """A fiche's funding plan and what it leaves uncovered."""

    budget: float | None
    """budget_total of the fiche, euros."""
    need: float | None
    """besoin_financement of the fiche, euros."""
    lines: tuple[FundingLine, ...]
    """The calls in the plan (FOLLOWUP_IN_PLAN)."""
    requested: float
    """Σ requested over the plan."""
    obtained: float
    """Σ obtained over the plan."""
    pending: float
    """Σ requested over the calls still awaited (FOLLOWUP_PENDING)."""
    aid_rate: float | None
    """Cumulated public aid in percent of the budget (None: unknown)."""
    ceiling: float | None
    """Lowest maximum rate stated by the plan's calls, percent (None: unknown)."""
    uncovered: float | None
    """need − obtained (None without a need)."""
    uncovered_after_pending: float | None
    """need − obtained − pending (None without a need)."""

    @property
    def over_ceiling(self) -> bool:
        """The cumulated aid goes beyond the lowest stated ceiling."""
        return self.aid_rate is not None and self.ceiling is not None and self.aid_rate > self.ceiling


def cofinancing(budget: float | None, need: float | None, lines: list[FundingLine]) -> Cofinancing:
    """The funding plan of a fiche from its budget, its need and the follow-up of its calls."""
    plan = tuple(line for line in lines if line.status in FOLLOWUP_IN_PLAN)
    obtained = sum(line.obtained or 0 for line in plan if line.status == FollowUp.WON)
    pending = sum(line.requested or 0 for line in plan if line.status in FOLLOWUP_PENDING)
    return Cofinancing(
        budget=budget, need=need, lines=plan, requested=sum(line.requested or 0 for line in plan),
        obtained=obtained, pending=pending, aid_rate=aid_rate(budget, plan), ceiling=ceiling(plan),
        uncovered=_left(need, obtained), uncovered_after_pending=_left(need, obtained + pending),
    )


def _left(need: float | None, covered: float) -> float | None:
    """What the need leaves uncovered, never below zero (None without a need)."""
    return None if need is None else max(0.0, need - covered)


def aid_rate(budget: float | None, plan: tuple[FundingLine, ...]) -> float | None:
    """Σ (obtained, else requested) / budget in percent; None without a budget or without any amount."""
    amounts = [_expected(line) for line in plan]
    known = [a for a in amounts if a is not None]
    if not budget or not known:
        return None
    return 100 * sum(known) / budget


def _expected(line: FundingLine) -> float | None:
    if line.status == FollowUp.WON and line.obtained is not None:
        return line.obtained
    return line.requested


def ceiling(plan: tuple[FundingLine, ...]) -> float | None:
    """The lowest maximum rate the plan's calls state (None when none states one)."""
    return min((line.rate_max for line in plan if line.rate_max is not None), default=None)
