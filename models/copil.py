"""The COPIL report, built from rows: a territory's fiches and the calls proposed for them (models.copil_records).
Pure (no database, no clock): `as_of` and `since` are parameters. Each figure is defined once, here:

- proposed: calls proposed for a fiche (retained by the matcher or the chef de projet, or followed up);
- accepted: accepted by the chef de projet; filed: follow-up déposé, obtenu or refusé; won: obtenu;
- requested, obtained, uncovered: the fiche's funding plan (models.cofinancing);
- next deadlines: open calls accepted or « à déposer » and not yet filed, next close date on or after `as_of`;
- since the last COPIL: fiches that entered the plan, calls first proposed, dossiers whose follow-up (filed or
  outcome) is dated, and amounts obtained, on or after `since`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from models.cofinancing import FundingLine, cofinancing
from models.copil_records import (
    CallRow, Changes, CopilReport, Deadline, FicheRow, FicheSection, Figures, Overdue,
)
from models.followup import overdue
from models.vocab import FOLLOWUP_DONE, Axe, FollowUp


def build_report(territory: str, fiches: list[FicheRow], calls: list[CallRow], as_of: date,
                 since: date) -> CopilReport:
    """The report of one territory as of a day, with the changes since `since`."""
    by_fiche: dict[str, list[CallRow]] = defaultdict(list)
    for call in calls:
        by_fiche[call.fiche_id].append(call)
    sections = [fiche_section(f, by_fiche[f.id], as_of) for f in fiches]
    return CopilReport(
        territory=territory, as_of=as_of, since=since, summary=total(s.figures for s in sections),
        fiches=sections, axes=axes(sections), changes=changes(fiches, by_fiche, since),
        deadlines=deadlines(fiches, by_fiche, as_of), overdue=overdue_dossiers(fiches, by_fiche, as_of),
    )


def fiche_section(fiche: FicheRow, calls: list[CallRow], as_of: date) -> FicheSection:
    """A fiche's figures and funding plan."""
    funding = cofinancing(fiche.budget, fiche.need, [funding_line(c) for c in calls])
    upcoming = [d for c in calls if _matters(c) for d in [next_close(c, as_of)] if d is not None]
    figures = Figures(
        fiches=1, proposed=len(calls), accepted=sum(c.accepted for c in calls),
        filed=sum(c.status in FOLLOWUP_DONE for c in calls), won=sum(c.status == FollowUp.WON for c in calls),
        budget=fiche.budget or 0.0, need=fiche.need or 0.0, requested=funding.requested,
        obtained=funding.obtained, uncovered=funding.uncovered or 0.0,
        uncovered_after_pending=funding.uncovered_after_pending or 0.0, next_deadline=min(upcoming, default=None),
    )
    return FicheSection(fiche, figures, funding)


def funding_line(call: CallRow) -> FundingLine:
    """The call as a line of the fiche's funding plan."""
    return FundingLine(call.title, call.funders, call.status, call.requested, call.obtained, call.rate_max)


def total(parts: Iterable[Figures]) -> Figures:
    """Figures added up (the earliest next deadline)."""
    result = Figures()
    for f in parts:
        deadlines = [d for d in (result.next_deadline, f.next_deadline) if d is not None]
        result = Figures(
            result.fiches + f.fiches, result.proposed + f.proposed, result.accepted + f.accepted,
            result.filed + f.filed, result.won + f.won, result.budget + f.budget, result.need + f.need,
            result.requested + f.requested, result.obtained + f.obtained, result.uncovered + f.uncovered,
            result.uncovered_after_pending + f.uncovered_after_pending, min(deadlines, default=None))
    return result


def axes(sections: list[FicheSection]) -> list[tuple[str | None, Figures]]:
    """Figures per axe, in the programme's order; fiches without an axe last."""
    order: list[str | None] = [a.value for a in Axe] + [None]
    grouped = {axe: [s.figures for s in sections if (s.fiche.axe or None) == axe] for axe in order}
    return [(axe, total(parts)) for axe, parts in grouped.items() if parts]


def next_close(call: CallRow, as_of: date) -> date | None:
    """The call's next relève on or after `as_of` (None when closed or permanent)."""
    return next((d for d in call.close_dates if d >= as_of), None)


def _matters(call: CallRow) -> bool:
    """Accepted or « à déposer », and not yet filed: its deadline is still ahead of the porteur."""
    return (call.accepted or call.status == FollowUp.TO_FILE) and call.status not in FOLLOWUP_DONE


def deadlines(fiches: list[FicheRow], by_fiche: dict[str, list[CallRow]], as_of: date) -> list[Deadline]:
    """Deadlines that matter, soonest first."""
    found = [Deadline(day, f, c) for f in fiches for c in by_fiche[f.id] if _matters(c)
             for day in [next_close(c, as_of)] if day is not None]
    return sorted(found, key=lambda d: (d.day, d.fiche.id, d.call.match_id))


def changes(fiches: list[FicheRow], by_fiche: dict[str, list[CallRow]], since: date) -> Changes:
    """What happened on or after `since`."""
    pairs = [(f, c) for f in fiches for c in by_fiche[f.id]]
    dated = [(f, c) for f, c in pairs if c.followup_on is not None and c.followup_on >= since]
    return Changes(
        new_fiches=[f for f in fiches if f.created_on is not None and f.created_on >= since],
        new_calls=[(f, c) for f, c in pairs if c.proposed_on >= since],
        filed=[(f, c) for f, c in dated if c.status in FOLLOWUP_DONE],
        won=[(f, c) for f, c in dated if c.status == FollowUp.WON],
    )


def overdue_dossiers(fiches: list[FicheRow], by_fiche: dict[str, list[CallRow]], as_of: date) -> list[Overdue]:
    """Filed dossiers without outcome long after their deadline (models.followup), longest first."""
    found = [Overdue(f, c, late) for f in fiches for c in by_fiche[f.id]
             for late in [overdue(c.match_id, c.status, c.close_dates, c.followup_on, as_of)] if late]
    return sorted(found, key=lambda o: (-o.dossier.days, o.call.match_id))
