"""Exports shared by `vigie export` and the web app's downloads: retained matches with their review and
follow-up, and the stored calls one per canonical call."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_
from sqlmodel import col, select

from models.store.web_views import retained_clause, scoped
from models.tables import FicheAction, Match, Opportunity, Porteur, Territory


class ExportStore:
    """Mixin of Store: what the CSV, XLSX and dispositif exports read."""

    def export_rows(self, territories: list[str] | None, threshold: float) -> list[dict[str, Any]]:
        """Retained matches (or with a follow-up) with their review and follow-up, for CSV / XLSX reporting:
        the call's title, url, funders and close dates, the porteur, its territory's name, the fiche's title
        (None for a porteur matched on its profile)."""
        with self.session() as session:
            query = scoped(select(Match, Opportunity.title, Opportunity.url, Opportunity.funders,
                                   Opportunity.close_dates, Porteur.nom, Territory.nom, FicheAction.titre),
                            territories).join(Opportunity, col(Opportunity.id) == Match.opportunity_id)
            query = (query.join(Territory, col(Territory.id) == Porteur.territoire_id)
                     .outerjoin(FicheAction, col(FicheAction.id) == Match.fiche_id))
            kept = or_(retained_clause(threshold), col(Match.followup_status).is_not(None))
            rows = session.exec(query.where(kept).order_by(Porteur.nom, Match.score.desc())).all()
        keys = ("match", "title", "url", "funders", "close_dates", "porteur_nom", "territoire", "fiche_titre")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def canonical_calls(self) -> list[Opportunity]:
        """Stored calls, one per canonical call (duplicates found at other sources left out)."""
        with self.session() as session:
            query = select(Opportunity).where(col(Opportunity.canonical_id).is_(None)).order_by(Opportunity.id)
            return list(session.exec(query).all())
