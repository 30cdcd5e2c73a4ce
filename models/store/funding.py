"""Follow-up to the grant and the COPIL report: a territory's fiches and the calls proposed for them, as rows
for models.copil; the reports generated per territory."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_
from sqlmodel import col, select

from models.copil_records import CallRow, FicheRow
from models.merge import merge_copies
from models.records import OpportunityData
from models.store.convert import to_record
from models.store.web_views import retained_clause
from models.tables import CopilReport, FicheAction, Match, Opportunity, Porteur, Territory
from models.vocab import ReviewStatus

PARIS = ZoneInfo("Europe/Paris")


class FundingStore:
    """Mixin of Store: rows of the COPIL report and of the follow-up lists."""

    def territory_name(self, territoire_id: str) -> str | None:
        """The territory's name (None when it is not stored)."""
        with self.session() as session:
            row = session.get(Territory, territoire_id)
            return row.nom if row else None

    def copil_rows(self, territoire_id: str, threshold: float) -> tuple[list[FicheRow], list[CallRow]]:
        """The territory's fiches (by porteur, then id) and the calls proposed for them: matches retained
        (models.store.web_views.retained_clause) or with a follow-up, each with its call's merged facts."""
        with self.session() as session:
            fiches = session.exec(
                select(FicheAction, Porteur.nom).join(Porteur, col(Porteur.id) == FicheAction.porteur_id)
                .where(Porteur.territoire_id == territoire_id).order_by(Porteur.nom, FicheAction.id)).all()
            matches = session.exec(
                select(Match).join(FicheAction, col(FicheAction.id) == Match.fiche_id)
                .join(Porteur, col(Porteur.id) == FicheAction.porteur_id)
                .where(Porteur.territoire_id == territoire_id)
                .where(or_(retained_clause(threshold), col(Match.followup_status).is_not(None)))
                .order_by(Match.fiche_id, Match.id)).all()
            calls = _merged_calls(session, {m.opportunity_id for m in matches})
        return [_fiche_row(f, nom) for f, nom in fiches], [_call_row(m, calls[m.opportunity_id]) for m in matches]

    def record_copil_report(self, territoire_id: str, generated_at: datetime, as_of: date, since: date,
                            fmt: str) -> None:
        """Keep that a report was generated: its day starts the next report's changes."""
        with self.session() as session:
            session.add(CopilReport(territoire_id=territoire_id, generated_at=generated_at, as_of=as_of,
                                    since=since, format=fmt))

    def last_copil_day(self, territoire_id: str, before: date) -> date | None:
        """The day of the latest report generated for the territory before `before` (None: none yet)."""
        with self.session() as session:
            return session.exec(select(CopilReport.as_of).where(CopilReport.territoire_id == territoire_id,
                                                                CopilReport.as_of < before)
                                .order_by(col(CopilReport.as_of).desc()).limit(1)).first()


def _merged_calls(session: Any, ids: set[int]) -> dict[int, OpportunityData]:
    """Each call with the facts its duplicates at other sources add (models.merge), by id."""
    if not ids:
        return {}
    rows = session.exec(select(Opportunity).where(or_(col(Opportunity.id).in_(ids),
                                                      col(Opportunity.canonical_id).in_(ids)))
                        .order_by(Opportunity.id)).all()
    copies: dict[int, list[Opportunity]] = defaultdict(list)
    for row in rows:
        copies[row.id if row.id in ids else row.canonical_id].append(row)
    return {root: merge_copies([to_record(r) for r in sorted(group, key=lambda r: r.id != root)])
            for root, group in copies.items()}


def _fiche_row(fiche: FicheAction, porteur: str) -> FicheRow:
    created = fiche.created_at
    return FicheRow(fiche.id, fiche.titre, porteur, fiche.axe, fiche.budget_total, fiche.besoin_financement,
                    _day(created) if created else None)


def _call_row(match: Match, call: OpportunityData) -> CallRow:
    return CallRow(
        match_id=match.id or 0, fiche_id=match.fiche_id, title=call.title, url=str(call.url),
        funders=tuple(call.funders), close_dates=tuple(sorted(call.close_dates)), rate_max=call.rate_max,
        proposed_on=_day(match.first_matched_at), accepted=match.review_status == ReviewStatus.ACCEPTED.value,
        status=match.followup_status, followup_on=match.followup_at, requested=match.amount_requested,
        obtained=match.amount_obtained)


def _day(moment: datetime) -> date:
    """The Paris day of a stored instant (naive means UTC)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(PARIS).date()
