"""The review queue (web pages, `vigie review list`, the chef de projet's letter): filtered, sorted, paginated
in SQL; the follow-up of a match. Decisions from the pages: models/store/web_review.py (WebQueries)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import String, and_, cast, func, literal_column, or_
from sqlmodel import col, select

from models.tables import FicheAction, Match, Opportunity, Porteur
from models.vocab import ReviewStatus, Status


@dataclass(frozen=True)
class QueueFilter:
    """What the chef de projet narrowed the queue to (empty = any)."""

    territories: list[str] | None = None
    """Territories the user may see (None: all); always applied."""
    territoire: str = ""
    porteur: str = ""
    fiche: str = ""
    axe: str = ""
    funder: str = ""
    """A funder's display name (models.funders); the calls match through `funder_spellings`."""
    funder_spellings: tuple[str, ...] = ()
    """Every spelling of `funder` the stored calls use (FunderNames.spellings); empty: `funder` as written."""
    programme: str = ""
    status: str = "a_revoir"
    """a review status, "a_revoir" (pending + snoozed past their date) or "" (all)."""
    eligible: str = "oui"
    """oui | non | "" (all)."""
    min_score: float | None = None
    """Only matches scored at least this (the page passes matching.threshold unless asked for all)."""
    deadline_before: date | None = None
    sort: str = "score"
    """score | echeance."""


@dataclass
class QueuePage:
    """One page of the queue."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 50


def next_deadline(dialect: str, today: date) -> Any:
    """SQL expression: the call's first close date on or after `today` (ISO text), NULL when none."""
    day = today.isoformat()  # a date's isoformat is safe to inline
    if dialect == "postgresql":
        sql = (f"(SELECT min(d) FROM json_array_elements_text(opportunity.close_dates) AS d "
               f"WHERE d >= '{day}')")
    else:
        sql = f"(SELECT min(j.value) FROM json_each(opportunity.close_dates) AS j WHERE j.value >= '{day}')"
    return literal_column(sql, String)


def _json_contains(column: Any, value: str) -> Any:
    """A JSON list column holds `value` (compared on its stored JSON text)."""
    escaped = json.dumps(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return cast(column, String).like(f"%{escaped}%", escape="\\")


def review_filter(threshold: float, territories: list[str] | None = None, territoire: str = "") -> QueueFilter:
    """The matches « à relire », one definition for every surface (dashboard tile, default queue page and API,
    `vigie review list`, the chef de projet's letter): eligible, scored at least matching.threshold, pending
    or snoozed until a day now past, on a call not closed on the day (see _status_clause)."""
    return QueueFilter(territories=territories, territoire=territoire, min_score=threshold)


def closed_calls(dialect: str, today: date) -> Any:
    """Sub-query: ids of the calls closed on `today`, as OpportunityData.status_on says (models.records.status_as_of):
    the source says « clos », or every close date is past (unless the call has not opened yet)."""
    if dialect == "postgresql":
        last = "(SELECT max(c.v) FROM json_array_elements_text(opportunity.close_dates) AS c(v))"
    else:
        last = "(SELECT max(c.value) FROM json_each(opportunity.close_dates) AS c)"
    opened = or_(col(Opportunity.open_date).is_(None), col(Opportunity.open_date) <= today)
    past = and_(opened, literal_column(last, String) < today.isoformat())  # NULL (no close date): not past
    return select(Opportunity.id).where(or_(Opportunity.stated_status == Status.CLOSED.value, past)).correlate(None)


def _status_clause(status: str, today: date, dialect: str) -> Any:
    if status == "a_revoir":
        # A match on a closed call waits for nothing: no letter would announce it any more.
        snoozed_over = and_(Match.review_status == ReviewStatus.SNOOZED.value, col(Match.snoozed_until) <= today)
        waiting = or_(Match.review_status == ReviewStatus.PENDING.value, snoozed_over)
        return and_(waiting, col(Match.opportunity_id).not_in(closed_calls(dialect, today)))
    return Match.review_status == status if status else None


def call_table(dialect: str, today: date, f: QueueFilter) -> Any:
    """A CTE (call id, next deadline) of the calls the filter allows (funder, programme), computed once per
    call — a hundred rows — and not once per match: the matches then join it on an automatic index instead
    of reading their wide call row (description, JSON) twenty thousand times."""
    query = select(Opportunity.id.label("oid"), next_deadline(dialect, today).label("d"))
    if f.funder:
        query = query.where(or_(*[_json_contains(Opportunity.funders, n) for n in f.funder_spellings or (f.funder,)]))
    if f.programme:
        query = query.where(_json_contains(Opportunity.programmes, f.programme))
    return query.cte("calls").prefix_with("MATERIALIZED")


def queue_conditions(f: QueueFilter, deadline: Any, today: date, dialect: str = "sqlite") -> list[Any]:
    """WHERE clauses of a filter."""
    pairs = [
        (f.territories is not None, lambda: col(Match.porteur_id).in_(_porteurs_of(f.territories or [""]))),
        (f.territoire, lambda: col(Match.porteur_id).in_(_porteurs_of([f.territoire]))),
        (f.porteur, lambda: Match.porteur_id == f.porteur),
        (f.fiche, lambda: Match.fiche_id == f.fiche),
        (f.axe, lambda: FicheAction.axe == f.axe),
        (f.status, lambda: _status_clause(f.status, today, dialect)),
        (f.eligible in ("oui", "non"), lambda: Match.eligible == (f.eligible == "oui")),
        (f.min_score is not None, lambda: Match.score >= (f.min_score or 0.0)),
        (f.deadline_before, lambda: and_(deadline.is_not(None), deadline <= f.deadline_before.isoformat())),
    ]
    return [make() for wanted, make in pairs if wanted]


def _porteurs_of(territories: list[str]) -> Any:
    """Sub-query: the porteurs of some territories (an IN keeps the queue on its covering index)."""
    return select(Porteur.id).where(col(Porteur.territoire_id).in_(territories))


def _narrowed(query: Any, f: QueueFilter, calls: Any) -> Any:
    """Only the joins the filter and the sort need (the queue must stay fast with 20,000 matches): the
    call table (inner join when it filters on funder or programme), the fiche for its axe."""
    if f.funder or f.programme:
        query = query.join(calls, calls.c.oid == Match.opportunity_id)
    elif f.sort == "echeance" or f.deadline_before:
        query = query.outerjoin(calls, calls.c.oid == Match.opportunity_id)
    if f.axe:
        query = query.join(FicheAction, col(FicheAction.id) == Match.fiche_id)
    return query


_COLUMNS = (Match.id, Match.score, Match.eligible, Match.review_status, Match.note, Match.reject_reason,
            Match.snoozed_until, Match.fiche_id, Match.porteur_id, Match.opportunity_id, Match.followup_status,
            Opportunity.title, Opportunity.close_dates, Opportunity.funders, Opportunity.programmes, Opportunity.url,
            FicheAction.titre, FicheAction.axe, Porteur.nom, Porteur.territoire_id)
_NAMES = ("id", "score", "eligible", "review_status", "note", "reject_reason", "snoozed_until", "fiche_id",
          "porteur_id", "opportunity_id", "followup_status", "title", "close_dates", "funders", "programmes", "url",
          "fiche_titre", "axe", "porteur_nom", "territoire_id")


def _joined(query: Any) -> Any:
    return (query.join(Opportunity, col(Opportunity.id) == Match.opportunity_id)
            .join(Porteur, col(Porteur.id) == Match.porteur_id)
            .outerjoin(FicheAction, col(FicheAction.id) == Match.fiche_id))


def _deadlines_of(items: list[dict[str, Any]], today: date) -> list[str | None]:
    """Each item's next close date on or after today (ISO), its close dates removed."""
    day = today.isoformat()
    return [min((d for d in item.pop("close_dates") or [] if d >= day), default=None) for item in items]


class QueueStore:
    """Mixin of Store: the review queue."""

    def review_queue(self, f: QueueFilter, today: date, page: int = 1, per_page: int = 50) -> QueuePage:
        """One page of matches, best score (or nearest deadline) first, with the call, fiche and porteur.

        Two steps: the ids of the page with the total (one scan: a window count; narrow joins, sorted in SQL),
        then the details of those ids only."""
        page, per_page = max(page, 1), min(max(per_page, 1), 200)
        calls = call_table(self.engine.dialect.name, today, f)
        where = queue_conditions(f, calls.c.d, today, self.engine.dialect.name)
        order = ([calls.c.d.is_(None), calls.c.d.asc(), Match.score.desc(), Match.id]
                 if f.sort == "echeance" else [Match.score.desc(), Match.id.desc()])
        # Sorted by deadline, every row is sorted anyway: a window count gives the total in the same scan.
        # Sorted by score, the score index stops after one page: a separate count is cheaper.
        windowed = f.sort == "echeance"
        columns = (Match.id, func.count().over()) if windowed else (Match.id,)
        with self.session() as session:
            found = session.exec(_narrowed(select(*columns), f, calls).where(*where)
                                 .order_by(*order).offset((page - 1) * per_page).limit(per_page)).all()
            ids = [row[0] for row in found] if windowed else list(found)
            total = found[0][1] if windowed and found else self.count_queue(f, today) if ids or page > 1 else 0
            rows = session.exec(_joined(select(*_COLUMNS)).where(col(Match.id).in_(ids))).all() if ids else []
        by_id = {row[0]: dict(zip(_NAMES, row, strict=True)) for row in rows}
        items = [by_id[i] for i in ids]
        for item, next_day in zip(items, _deadlines_of(items, today), strict=True):
            item["deadline"] = next_day
        return QueuePage(items, int(total), page, per_page)

    def queue_rows(self, f: QueueFilter, today: date) -> list[dict[str, Any]]:
        """Every row of a filter, in queue order (`vigie review list` and the chef de projet's letter)."""
        rows: list[dict[str, Any]] = []
        while True:
            page = self.review_queue(f, today, page=len(rows) // 200 + 1, per_page=200)
            rows += page.rows
            if len(page.rows) < 200 or len(rows) >= page.total:
                return rows

    def count_queue(self, f: QueueFilter, today: date) -> int:
        """How many matches a filter holds (the dashboard's "à revoir" tile counts the default queue)."""
        calls = call_table(self.engine.dialect.name, today, f)
        where = queue_conditions(f, calls.c.d, today, self.engine.dialect.name)
        with self.session() as session:
            return int(session.exec(_narrowed(select(func.count(Match.id)), f, calls).where(*where)).one())

    def set_followup(self, match_id: int, status: str | None, at: date | None, amount: float | None,
                     requested: float | None = None) -> None:
        """The application's follow-up: à étudier, à déposer, déposé, obtenu, refusé; date; amounts obtained and
        requested."""
        with self.session() as session:
            row = session.get(Match, match_id)
            if row is not None:
                row.followup_status, row.followup_at, row.amount_obtained = status or None, at, amount
                row.amount_requested = requested
