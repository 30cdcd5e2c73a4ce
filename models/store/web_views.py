"""Read models of the web app's pages: dashboard, call and match detail, plan matrix, search (issue 7)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, func
from sqlmodel import col, select

from models.store.web_queue import next_deadline
from models.tables import FicheAction, Match, Opportunity, OpportunityEvent, Porteur
from models.vocab import ReviewStatus

FOLLOWUP_ORDER = ["obtenu", "depose", "a_deposer", "a_etudier", "refuse"]


def fold(text: str) -> str:
    """Lower case without accents, for French search."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def _scoped(query: Any, territories: list[str] | None) -> Any:
    query = query.join(Porteur, col(Porteur.id) == Match.porteur_id)
    return query if territories is None else query.where(col(Porteur.territoire_id).in_(territories or [""]))


class WebViewStore:
    """Mixin of Store: what the pages show."""

    def dashboard(self, territories: list[str] | None, today: date, week_start: datetime) -> dict[str, Any]:
        """Counts and lists of the tableau de bord."""
        with self.session() as session:
            new_calls = session.exec(select(func.count(Opportunity.id)).where(
                Opportunity.first_seen >= week_start, col(Opportunity.canonical_id).is_(None))).one()
            waiting = session.exec(_scoped(select(func.count(Match.id)), territories).where(
                Match.eligible == True, Match.review_status == ReviewStatus.PENDING.value)).one()  # noqa: E712
            deadline = next_deadline(self.engine.dialect.name, today)
            soon = session.exec(_scoped(select(Opportunity.id, Opportunity.title, deadline.label("d"),
                                               func.count(Match.id)), territories)
                                .join(Opportunity, col(Opportunity.id) == Match.opportunity_id)
                                .where(Match.eligible == True, Match.review_status != ReviewStatus.REJECTED.value,  # noqa: E712
                                       deadline <= (today + timedelta(days=30)).isoformat())
                                .group_by(Opportunity.id, Opportunity.title).order_by(deadline).limit(20)).all()
        return {"new_calls": new_calls, "waiting": waiting, "deadlines": [tuple(r) for r in soon]}

    def plan_matrix(self, territories: list[str] | None) -> list[dict[str, Any]]:
        """One line per fiche-action: funding status (aucun / candidats / accepté / déposé / obtenu),
        need and amounts obtained."""
        accepted = func.sum(case((Match.review_status == ReviewStatus.ACCEPTED.value, 1), else_=0))
        candidates = func.sum(case((Match.eligible == True, 1), else_=0))  # noqa: E712
        filed = func.sum(case((col(Match.followup_status).in_(["depose", "obtenu"]), 1), else_=0))
        won = func.sum(case((Match.followup_status == "obtenu", 1), else_=0))
        with self.session() as session:
            stats = session.exec(select(Match.fiche_id, candidates, accepted, filed, won,
                                        func.sum(Match.amount_obtained)).where(Match.review_status != ReviewStatus.REJECTED.value)
                                 .group_by(Match.fiche_id)).all()
            query = select(FicheAction, Porteur).join(Porteur, col(Porteur.id) == FicheAction.porteur_id)
            if territories is not None:
                query = query.where(col(Porteur.territoire_id).in_(territories or [""]))
            fiches = session.exec(query.order_by(Porteur.nom, FicheAction.id)).all()
        by_fiche = {s[0]: s[1:] for s in stats}
        return [_matrix_line(f, p, by_fiche.get(f.id, (0, 0, 0, 0, None))) for f, p in fiches]

    def opportunity_detail(self, opportunity_id: int) -> dict[str, Any] | None:
        """A call, every row of it at other sources (same canonical call) and their change history."""
        with self.session() as session:
            row = session.get(Opportunity, opportunity_id)
            if row is None:
                return None
            root = row.canonical_id or row.id
            siblings = session.exec(select(Opportunity).where(
                (Opportunity.id == root) | (Opportunity.canonical_id == root)).order_by(Opportunity.id)).all()
            ids = [s.id for s in siblings]
            events = session.exec(select(OpportunityEvent).where(col(OpportunityEvent.opportunity_id).in_(ids))
                                  .order_by(col(OpportunityEvent.at).desc())).all()
        return {"call": row, "siblings": list(siblings), "events": list(events)}

    def matches_of_call(self, opportunity_id: int, territories: list[str] | None) -> list[dict[str, Any]]:
        """The fiches a call matches (in the user's territories), best first."""
        with self.session() as session:
            query = _scoped(select(Match, FicheAction.titre, Porteur.nom), territories)
            query = query.outerjoin(FicheAction, col(FicheAction.id) == Match.fiche_id)
            rows = session.exec(query.where(Match.opportunity_id == opportunity_id)
                                .order_by(Match.score.desc())).all()
        return [{"match": m, "fiche_titre": t, "porteur_nom": n} for m, t, n in rows]

    def match_detail(self, match_id: int) -> dict[str, Any] | None:
        """A match with its call, fiche and porteur."""
        with self.session() as session:
            m = session.get(Match, match_id)
            if m is None:
                return None
            return {"match": m, "call": session.get(Opportunity, m.opportunity_id),
                    "fiche": session.get(FicheAction, m.fiche_id), "porteur": session.get(Porteur, m.porteur_id)}

    def search_calls(self, words: str, funder: str = "", open_on: date | None = None,
                     limit: int = 100) -> list[Opportunity]:
        """Stored calls whose text holds every word (accents and case ignored), title hits first."""
        terms = [fold(w) for w in words.split() if w.strip()]
        with self.session() as session:
            rows = session.exec(select(Opportunity).where(col(Opportunity.canonical_id).is_(None))
                                .order_by(col(Opportunity.id).desc())).all()
        found = []
        for row in rows:
            text = fold(" ".join([row.title, row.summary, row.description, " ".join(row.funders),
                                  " ".join(row.programmes)]))
            if all(t in text for t in terms) and (not funder or funder in row.funders) \
                    and (open_on is None or _open_on(row, open_on)):
                found.append((-sum(t in fold(row.title) for t in terms), row))
        return [row for _, row in sorted(found, key=lambda p: p[0])][:limit]

    def export_rows(self, territories: list[str] | None) -> list[dict[str, Any]]:
        """Matches with their review and follow-up, for CSV / XLSX reporting."""
        with self.session() as session:
            query = _scoped(select(Match, Opportunity.title, Opportunity.url, Porteur.nom, Porteur.territoire_id),
                            territories).join(Opportunity, col(Opportunity.id) == Match.opportunity_id)
            rows = session.exec(query.where(Match.eligible == True).order_by(Porteur.nom, Match.score.desc())).all()  # noqa: E712
        return [{"match": m, "title": t, "url": u, "porteur_nom": n, "territoire": te} for m, t, u, n, te in rows]

    def canonical_calls(self) -> list[Opportunity]:
        """Stored calls, one per canonical call (duplicates found at other sources left out)."""
        with self.session() as session:
            query = select(Opportunity).where(col(Opportunity.canonical_id).is_(None)).order_by(Opportunity.id)
            return list(session.exec(query).all())

    def suggest(self, opportunity_id: int, porteur_id: str, fiche_id: str | None, reviewer: str,
                now: datetime) -> Match:
        """The chef de projet suggests a call to a porteur: an accepted match (kept if it already exists)."""
        fiche = fiche_id or f"{porteur_id}#profil"
        with self.session() as session:
            row = session.exec(select(Match).where(Match.fiche_id == fiche,
                                                   Match.opportunity_id == opportunity_id)).first()
            if row is None:
                reason = {"feature": "suggestion", "weight": 1.0, "evidence": f"suggéré par {reviewer}"}
                row = Match(fiche_id=fiche, opportunity_id=opportunity_id, porteur_id=porteur_id, score=0.0,
                            eligible=True, reasons=[reason], first_matched_at=now, scored_at=now)
                session.add(row)
            row.review_status, row.reviewer, row.reviewed_at = ReviewStatus.ACCEPTED.value, reviewer, now
            session.flush()
            return row


def _open_on(row: Opportunity, day: date) -> bool:
    dates = row.close_dates
    return (not dates or dates[-1] >= day.isoformat()) and (row.open_date is None or row.open_date <= day)


def _matrix_line(fiche: FicheAction, porteur: Porteur, stats: tuple) -> dict[str, Any]:
    candidates, accepted, filed, won, amount = (stats[0] or 0, stats[1] or 0, stats[2] or 0, stats[3] or 0, stats[4])
    status = ("obtenu" if won else "depose" if filed else "accepte" if accepted
              else "candidats" if candidates else "aucun")
    return {"fiche": fiche, "porteur": porteur, "status": status, "candidates": candidates,
            "need": fiche.besoin_financement, "obtained": amount or 0.0}
