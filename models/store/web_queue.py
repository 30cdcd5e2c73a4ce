"""The review queue (web pages, `vigie review list`, the chef de projet's letter): filtered, sorted, paginated
in SQL; the follow-up of a match. Decisions from the pages: models/store/web_review.py (WebQueries)."""

from __future__ import annotations

import json
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from typing import Any

from sqlalchemy import String, and_, cast, func, literal_column, not_, or_
from sqlmodel import col, select

from models.store.queue_totals import QueueTotals
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
    or snoozed until a day now past, on a call not closed on the day (see _status_clause, open_calls_only)."""
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


def status_cases(status: str, today: date) -> list[list[Any]]:
    """The review status test as disjoint cases, each one range of the covering indexes: « à relire » is
    pending, or snoozed until a day now past (its call must also be open: see open_calls_only)."""
    if status == "a_revoir":
        return [[Match.review_status == ReviewStatus.PENDING.value],
                [Match.review_status == ReviewStatus.SNOOZED.value, col(Match.snoozed_until) <= today]]
    return [[Match.review_status == status]] if status else [[]]


def _status_clause(status: str, today: date, common: Callable[[Any], Any]) -> Any:
    """status_cases as one test on a match row."""
    if status == "a_revoir":
        # Written without OR: an OR makes SQLite gather row ids on each side and then read every wide match row,
        # where one IN is one range of the covering indexes.
        still_snoozed = and_(Match.review_status == ReviewStatus.SNOOZED.value, col(Match.snoozed_until) > today)
        return and_(common(col(Match.review_status).in_([ReviewStatus.PENDING.value, ReviewStatus.SNOOZED.value])),
                    not_(still_snoozed))
    return Match.review_status == status if status else None


def open_calls_only(f: QueueFilter) -> bool:
    """« À relire » leaves out the matches on calls closed on the day: they wait for nothing, no letter would
    announce them any more."""
    return f.status == "a_revoir"


def wants_calls(f: QueueFilter) -> bool:
    """The filter keeps only some calls (funder, programme, deadline)."""
    return bool(f.funder or f.programme or f.deadline_before)


def call_table(dialect: str, today: date, f: QueueFilter, with_deadline: bool = True) -> Any:
    """A CTE (call id, next deadline) of the calls the filter allows (funder, programme, deadline; open on the
    day for « à relire »), computed once per call — a few hundred rows — and not once per match: the matches
    are then counted call by call, or look their call up in it, instead of testing their call a hundred thousand
    times. Without `with_deadline`, the call ids alone."""
    deadline = next_deadline(dialect, today)
    query = select(Opportunity.id.label("oid"), *([deadline.label("d")] if with_deadline else []))
    if f.funder:
        query = query.where(or_(*[_json_contains(Opportunity.funders, n) for n in f.funder_spellings or (f.funder,)]))
    if f.programme:
        query = query.where(_json_contains(Opportunity.programmes, f.programme))
    if f.deadline_before:
        query = query.where(deadline.is_not(None), deadline <= f.deadline_before.isoformat())
    if open_calls_only(f):
        query = query.where(col(Opportunity.id).not_in(closed_calls(dialect, today)))
    return query.cte("calls").prefix_with("MATERIALIZED")


def match_conditions(f: QueueFilter, today: date, score_order: bool = False, dialect: str = "sqlite",
                     with_status: bool = True) -> list[Any]:
    """WHERE clauses of a filter on the match row itself (its call's tests: call_table, queue_conditions;
    without `with_status`, the review status test is left to the caller: status_cases).

    `score_order`: for a page read in score order. SQLite is then told that the status, eligibility and
    territory tests keep most matches (`likely`, a planner hint that changes no result), so that it walks
    `ix_web_match_score` and stops after the page instead of sorting every match those tests keep."""
    common = (lambda clause: func.likely(clause)) if score_order and dialect == "sqlite" else (lambda clause: clause)
    pairs = [
        (f.territories is not None,
         lambda: common(col(Match.porteur_id).in_(_porteurs_of(f.territories or [""])))),
        (f.territoire, lambda: col(Match.porteur_id).in_(_porteurs_of([f.territoire]))),
        (f.porteur, lambda: Match.porteur_id == f.porteur),
        (f.fiche, lambda: Match.fiche_id == f.fiche),
        (f.axe, lambda: FicheAction.axe == f.axe),
        (f.status and with_status, lambda: _status_clause(f.status, today, common)),
        (f.eligible in ("oui", "non"), lambda: common(Match.eligible == (f.eligible == "oui"))),
        (f.min_score is not None, lambda: Match.score >= (f.min_score or 0.0)),
    ]
    return [make() for wanted, make in pairs if wanted]


def queue_conditions(f: QueueFilter, today: date, dialect: str = "sqlite", score_order: bool = False) -> list[Any]:
    """WHERE clauses of a filter on the matches, their call's tests included (match by match)."""
    where = match_conditions(f, today, score_order, dialect)
    if wants_calls(f):
        where.append(col(Match.opportunity_id).in_(select(call_table(dialect, today, f, with_deadline=False).c.oid)))
    elif open_calls_only(f):
        where.append(col(Match.opportunity_id).not_in(closed_calls(dialect, today)))
    return where


def per_call_count(f: QueueFilter, today: date, calls: Any) -> Any:
    """SQL scalar: how many of the filter's matches are on the call `calls.c.oid` (correlated to `calls`), one
    range of `ix_web_match_call` per review status case, with no test left to run on each row."""
    others = match_conditions(f, today, with_status=False)
    counts = [narrowed(select(func.count()).select_from(Match), f)
              .where(col(Match.opportunity_id) == calls.c.oid, *case, *others).scalar_subquery()
              for case in status_cases(f.status, today)]
    return reduce(operator.add, counts)


def count_query(f: QueueFilter, today: date, dialect: str) -> Any:
    """SQL: how many matches a filter holds, summed call by call over the calls it allows (a closed call's
    matches are not even read for « à relire »)."""
    calls = call_table(dialect, today, f, with_deadline=False)
    return select(func.coalesce(func.sum(per_call_count(f, today, calls)), 0)).select_from(calls)


def _porteurs_of(territories: list[str]) -> Any:
    """Sub-query: the porteurs of some territories (an IN keeps the queue on its covering index)."""
    return select(Porteur.id).where(col(Porteur.territoire_id).in_(territories))


def narrowed(query: Any, f: QueueFilter) -> Any:
    """Only the join the filter needs (the queue must stay fast with 100,000 matches): the fiche, for its axe."""
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

    queue_totals: QueueTotals
    """Totals kept until the database changes (set by Store)."""

    def review_queue(self, f: QueueFilter, today: date, page: int = 1, per_page: int = 50) -> QueuePage:
        """One page of matches, best score (or nearest deadline) first, with the call, fiche and porteur.

        Two steps: the ids of the page with the total (models/store/queue_pages.py: no request sorts every
        match the filter keeps), then the details of those ids only."""
        from models.store.queue_pages import page_ids

        page, per_page = max(page, 1), min(max(per_page, 1), 200)
        version = self.queue_totals.version()  # before any query: a kept total is never older than its version
        with self.session() as session:
            ids, total = page_ids(session, f, today, self.engine.dialect.name, (page - 1) * per_page, per_page,
                                  lambda key, count: self.queue_totals.get(key, version, count))
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
        from models.store.queue_pages import total_key

        version = self.queue_totals.version()
        with self.session() as session:
            return self.queue_totals.get(total_key(f, today), version, lambda: int(
                session.exec(count_query(f, today, self.engine.dialect.name)).one()))

    def set_followup(self, match_id: int, status: str | None, at: date | None, amount: float | None,
                     requested: float | None = None) -> None:
        """The application's follow-up: à étudier, à déposer, déposé, obtenu, refusé; date; amounts obtained and
        requested."""
        with self.session() as session:
            row = session.get(Match, match_id)
            if row is not None:
                row.followup_status, row.followup_at, row.amount_obtained = status or None, at, amount
                row.amount_requested = requested
