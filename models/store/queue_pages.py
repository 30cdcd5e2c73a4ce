"""Which matches fill one page of the review queue, and how many the filter holds, without sorting them all.

Totals are counted call by call over the calls the filter allows (index `ix_web_match_call`; for « à relire » the
matches of closed calls are not even read). By score: the ids are read in score order on `ix_web_match_score` and
the reading stops after the page. By deadline: the per-call counts are summed per next deadline — a few dozen
groups, nearest first, calls without one last — and only the groups the page overlaps are read, each in score
order. Either way no request sorts every match the filter keeps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from models.store.web_queue import (
    QueueFilter, call_table, count_query, match_conditions, narrowed, per_call_count, queue_conditions,
)
from models.tables import Match

Remember = Callable[[str, Callable[[], Any]], Any]
"""(key, count) → the total kept under key (models/store/queue_totals.py), else count()."""
Group = tuple[str | None, int]
"""A next deadline (ISO day, None for none) and how many of the filter's matches are on calls closing then."""


def deadline_groups(per_call: list[tuple[str | None, int]]) -> list[Group]:
    """Counts per call summed per deadline, in queue order: nearest first, calls without a deadline last."""
    sums: dict[str | None, int] = {}
    for deadline, count in per_call:
        if count:
            sums[deadline] = sums.get(deadline, 0) + count
    return sorted(sums.items(), key=lambda group: (group[0] is None, group[0] or ""))


def deadline_window(groups: list[Group], offset: int, limit: int) -> list[tuple[str | None, int, int]]:
    """The groups a page of `limit` rows starting at `offset` reads: (deadline, rows to skip, rows to take)."""
    window, start, end = [], 0, offset + limit
    for deadline, count in groups:
        first, last = max(offset, start), min(end, start + count)
        if first < last:
            window.append((deadline, first - start, last - first))
        start += count
        if start >= end:
            break
    return window


def total_key(f: QueueFilter, today: date) -> str:
    """What a filter's total is kept under (the same total whatever the order)."""
    return f"total {replace(f, sort='')!r} {today}"


def _count(session: Session, f: QueueFilter, today: date, dialect: str) -> int:
    return int(session.exec(count_query(f, today, dialect)).one())


def score_page(session: Session, f: QueueFilter, today: date, dialect: str, offset: int, limit: int,
               remember: Remember) -> tuple[list[int], int]:
    """Ids of one page sorted by score (best first, newest first among equals) and the filter's total."""
    read = queue_conditions(f, today, dialect, score_order=True)
    ids = list(session.exec(narrowed(select(Match.id), f).where(*read)
                            .order_by(col(Match.score).desc(), col(Match.id).desc()).offset(offset).limit(limit)).all())
    if not ids and not offset:
        return [], 0
    return ids, remember(total_key(f, today), lambda: _count(session, f, today, dialect))


def deadline_page(session: Session, f: QueueFilter, today: date, dialect: str, offset: int, limit: int,
                  remember: Remember) -> tuple[list[int], int]:
    """Ids of one page sorted by next deadline (then best score, oldest first among equals) and the total."""
    calls = call_table(dialect, today, f)
    where = match_conditions(f, today)
    groups = remember(f"deadlines {f!r} {today}", lambda: deadline_groups(
        [(d, n) for d, n in session.exec(select(calls.c.d, per_call_count(f, today, calls)))]))
    ids: list[int] = []
    for deadline, skip, take in deadline_window(groups, offset, limit):
        # Joined from the calls of the group (not `IN` them): SQLite then reads each call's matches on its index.
        group = select(Match.id).select_from(calls).join(Match, col(Match.opportunity_id) == calls.c.oid)
        ids += session.exec(narrowed(group, f).where(calls.c.d.is_(None) if deadline is None else calls.c.d == deadline,
                                                     *where)
                            .order_by(col(Match.score).desc(), col(Match.id)).offset(skip).limit(take)).all()
    return ids, sum(count for _, count in groups)


def page_ids(session: Session, f: QueueFilter, today: date, dialect: str, offset: int, limit: int,
             remember: Remember = lambda _key, count: count()) -> tuple[list[int], int]:
    """One page of the queue in the filter's order, and how many matches the filter holds (`remember`: totals
    kept until the database changes)."""
    pick: Any = deadline_page if f.sort == "echeance" else score_page
    return pick(session, f, today, dialect, offset, limit, remember)
