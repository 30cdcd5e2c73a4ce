"""Read models of the web app's pages: dashboard, call and match detail, plan matrix, search."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, case, cast, distinct, func, or_
from sqlmodel import col, select

from models.display_evidence import evidence_lines
from models.french import search_keys
from models.funders import FunderNames, funder_key
from models.merge import merge_copies
from models.records import profile_fiche_id, status_as_of
from models.store.convert import to_record
from models.store.web_queue import next_deadline
from models.tables import FicheAction, Match, Opportunity, OpportunityEvent, Porteur
from models.vocab import Beneficiary, FollowUp, Recurrence, ReviewStatus, Status


def retained_clause(threshold: float) -> Any:
    """SQL: a match a chef de projet considers — accepted, or eligible, scored at or above the matching
    threshold and not rejected (the stored pairs below the threshold are noise)."""
    candidate = and_(Match.eligible == True, Match.score >= threshold,  # noqa: E712
                     Match.review_status != ReviewStatus.REJECTED.value)
    return or_(Match.review_status == ReviewStatus.ACCEPTED.value, candidate)


def is_retained(match: Match, threshold: float) -> bool:
    """retained_clause in Python, for rows already loaded."""
    if match.review_status == ReviewStatus.ACCEPTED.value:
        return True
    return match.eligible and match.score >= threshold and match.review_status != ReviewStatus.REJECTED.value


def scoped(query: Any, territories: list[str] | None) -> Any:
    """The query joined to each match's porteur, kept to the territories (None: all)."""
    query = query.join(Porteur, col(Porteur.id) == Match.porteur_id)
    return query if territories is None else query.where(col(Porteur.territoire_id).in_(territories or [""]))


class ViewQueries:
    """Mixin of WebQueries: what the pages show."""

    def dashboard(self, territories: list[str] | None, today: date, week: tuple[datetime, datetime],
                  threshold: float) -> dict[str, Any]:
        """New calls this week, and the calls closing within 30 days with the number of fiches for which
        they are retained (see retained_clause)."""
        new_calls = self.store.new_calls_count(*week)
        with self.session() as session:
            soon = session.exec(self._closing_soon(territories, today, threshold)).all()
        return {"new_calls": new_calls, "deadlines": [tuple(r) for r in soon]}

    def _closing_soon(self, territories: list[str] | None, today: date, threshold: float) -> Any:
        """Calls closing within 30 days (computed once per call, in a CTE) with their retained fiches."""
        deadline = next_deadline(self.engine.dialect.name, today)
        calls = (select(Opportunity.id.label("oid"), Opportunity.title.label("title"), deadline.label("d"))
                 .where(deadline <= (today + timedelta(days=30)).isoformat())
                 .cte("closing").prefix_with("MATERIALIZED"))
        query = scoped(select(calls.c.oid, calls.c.title, calls.c.d, func.count(distinct(Match.fiche_id))),
                        territories).join(calls, calls.c.oid == Match.opportunity_id)
        return (query.where(retained_clause(threshold)).group_by(calls.c.oid, calls.c.title, calls.c.d)
                .order_by(calls.c.d, calls.c.oid).limit(20))

    def plan_matrix(self, territories: list[str] | None, threshold: float) -> list[dict[str, Any]]:
        """One line per fiche-action: funding status (aucun / candidats / accepté / déposé / obtenu),
        need and amounts obtained. Candidates are eligible calls scored at or above the threshold."""
        accepted = func.sum(case((Match.review_status == ReviewStatus.ACCEPTED.value, 1), else_=0))
        candidates = func.sum(case((and_(Match.eligible == True, Match.score >= threshold), 1), else_=0))  # noqa: E712
        filed = func.sum(case((col(Match.followup_status).in_([FollowUp.FILED.value, FollowUp.WON.value]), 1), else_=0))
        won = func.sum(case((Match.followup_status == FollowUp.WON.value, 1), else_=0))
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
        facts = merge_copies([to_record(s) for s in siblings]) if siblings else to_record(row)
        return {"call": row, "siblings": list(siblings), "events": list(events), "facts": facts,
                "evidence": evidence_lines(facts)}

    def matches_of_call(self, opportunity_id: int, territories: list[str] | None) -> list[dict[str, Any]]:
        """The fiches a call matches (in the user's territories), best first."""
        with self.session() as session:
            query = scoped(select(Match, FicheAction.titre, Porteur.nom), territories)
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
            call = session.get(Opportunity, m.opportunity_id)
            return {"match": m, "call": call, "evidence": evidence_lines(to_record(call)) if call else [],
                    "fiche": session.get(FicheAction, m.fiche_id), "porteur": session.get(Porteur, m.porteur_id)}

    def search_calls(self, words: str, funder: str = "", open_on: date | None = None, limit: int = 100,
                     seen_in: tuple[datetime, datetime] | None = None, funder_names: FunderNames | None = None,
                     beneficiary: str = "") -> list[Opportunity]:
        """Stored calls holding every content word of the query, in French: case, accents, plurals and
        inflections aside (« friches » finds « friche », « industrielles » « industrie »), function words
        ignored; title hits first, then the most recent. Optional: funder (its display name through
        `funder_names`, compared folded), open on a day (not closed nor upcoming then, see call_status),
        first seen in a span (the week of notifier.week_span), open to a type of beneficiary (see BENEFICIARY_SCOPE)."""
        terms = search_keys(words)
        names = funder_names or FunderNames()
        wanted_funder = funder_key(funder)
        wanted_kinds = BENEFICIARY_SCOPE.get(beneficiary, {beneficiary})
        with self.session() as session:
            query = select(Opportunity).where(col(Opportunity.canonical_id).is_(None))
            if seen_in is not None:
                query = query.where(Opportunity.first_seen >= seen_in[0], Opportunity.first_seen < seen_in[1])
            rows = session.exec(query.order_by(col(Opportunity.first_seen).desc(), col(Opportunity.id).desc())).all()
        found = []
        for row in rows:
            title, text = _call_stems(row)
            if terms <= text and (not wanted_funder or any(funder_key(names.display(f)) == wanted_funder
                                                           for f in row.funders)) \
                    and (not beneficiary or wanted_kinds & set(row.beneficiaries)) \
                    and (open_on is None or call_status(row, open_on) not in _NOT_OPEN):
                found.append((-len(terms & title), len(found), row))
        return [row for *_, row in sorted(found, key=lambda t: t[:2])][:limit]

    def funder_spellings(self) -> list[str]:
        """Every funder name as the sources write it, over the stored calls (one per canonical call); kept until
        the database changes (every queue page lists them)."""
        kept = self.store.queue_totals
        return list(kept.get("funder spellings", kept.version(), self._funder_spellings))

    def _funder_spellings(self) -> tuple[str, ...]:
        # Each distinct list once (as its JSON text: PostgreSQL's json type has no equality): calls share them.
        lists = select(cast(Opportunity.funders, String)).where(col(Opportunity.canonical_id).is_(None)).distinct()
        with self.session() as session:
            rows = session.exec(lists).all()
        names = {name for text in rows for name in json.loads(text or "[]") or [] if name and name.strip()}
        return tuple(sorted(names))

    def suggest(self, opportunity_id: int, porteur_id: str, fiche_id: str | None, reviewer: str,
                now: datetime) -> Match:
        """The chef de projet suggests a call to a porteur: an accepted match (kept if it already exists)."""
        fiche = fiche_id or profile_fiche_id(porteur_id)
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


_STEMS: dict[tuple[int, str], tuple[set[str], set[str]]] = {}
"""Word keys of each call (title, everything), by id and content hash: computed once per version."""


def _call_stems(row: Opportunity) -> tuple[set[str], set[str]]:
    key = (row.id or 0, row.content_hash)
    if key not in _STEMS:
        if len(_STEMS) > 50_000:
            _STEMS.clear()  # old versions of changed calls: start again rather than grow forever
        title = search_keys(row.title)
        body = " ".join([row.summary, row.description, row.eligibility_text, " ".join(row.funders),
                         " ".join(row.programmes), " ".join(row.beneficiaries)])
        _STEMS[key] = (title, title | search_keys(body))
    return _STEMS[key]


_COMPANIES = {Beneficiary.ENTREPRISE.value, Beneficiary.TPE.value, Beneficiary.PME.value, Beneficiary.ETI.value,
              Beneficiary.GE.value}
BENEFICIARY_SCOPE = {Beneficiary.ENTREPRISE.value: _COMPANIES,
                     **{size: {size, Beneficiary.ENTREPRISE.value}
                        for size in _COMPANIES - {Beneficiary.ENTREPRISE.value}}}
"""A type of beneficiary → the call beneficiaries that admit it: « entreprise » is open to every size, a
call for companies of any size is open to a PME."""
_NOT_OPEN = {Status.CLOSED, Status.UPCOMING}


def call_status(row: Opportunity, day: date) -> Status:
    """A stored call's status on a day (models.records.status_as_of: what the source says, then its dates),
    not the one stored at its last crawl."""
    return status_as_of(row.open_date, [date.fromisoformat(d) for d in row.close_dates or []],
                        Recurrence(row.recurrence) if row.recurrence else None, day,
                        Status(row.stated_status) if row.stated_status else None)


def _matrix_line(fiche: FicheAction, porteur: Porteur, stats: tuple) -> dict[str, Any]:
    candidates, accepted, filed, won, amount = (stats[0] or 0, stats[1] or 0, stats[2] or 0, stats[3] or 0, stats[4])
    status = (FollowUp.WON.value if won else FollowUp.FILED.value if filed else "accepte" if accepted
              else "candidats" if candidates else "aucun")
    return {"fiche": fiche, "porteur": porteur, "status": status, "candidates": candidates,
            "need": fiche.besoin_financement, "obtained": amount or 0.0}
