"""Cross-source duplicates in the store: link rows to their canonical call; read one call per group."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import update
from sqlmodel import col, select

from models.dedup import TITLE_THRESHOLD, CallKey, duplicate_links
from models.merge import merge_copies
from models.records import OpportunityData
from models.tables import Opportunity


class DedupStore:
    """Mixin of Store: `Opportunity.canonical_id` points a duplicate at the call it repeats."""

    def link_duplicates(self, threshold: float = TITLE_THRESHOLD) -> int:
        """Recompute every row's canonical call (run after each crawl); returns how many links changed."""
        columns = (Opportunity.id, Opportunity.source, Opportunity.title, Opportunity.url,
                   Opportunity.apply_url, Opportunity.close_dates, Opportunity.canonical_id)
        with self.session() as session:
            rows = session.exec(select(*columns)).all()
            keys = [CallKey(r.id, r.source, r.title, (r.url, r.apply_url or ""),
                            tuple(date.fromisoformat(d) for d in r.close_dates)) for r in rows]
            links = duplicate_links(keys, threshold)
            changed = [(r.id, links[r.id]) for r in rows if r.canonical_id != links[r.id]]
            for row_id, canonical in changed:
                session.exec(update(Opportunity).where(col(Opportunity.id) == row_id).values(canonical_id=canonical))
        return len(changed)

    def canonical_opportunities(
        self, as_of: date | None = None, include_closed: bool = True
    ) -> list[tuple[int, OpportunityData]]:
        """One (id, record) per call however many sources list it: the canonical row completed by its
        duplicates' facts (models/merge.py), or, when it is closed and `include_closed` is False, the first
        still open duplicate completed by the other open ones (status as of `as_of`)."""
        canonical = self._canonical_ids()
        groups: dict[int, list[tuple[int, OpportunityData]]] = defaultdict(list)
        for row_id, data in self.opportunities(as_of=as_of, include_closed=include_closed):
            groups[canonical.get(row_id) or row_id].append((row_id, data))
        return [(members[0][0], _merged([data for _, data in members], as_of)) for _, members in sorted(groups.items())]

    def same_call_links(self, opportunity_id: int) -> list[tuple[str, str]]:
        """(source, url) of every row of the call `opportunity_id` belongs to, canonical first."""
        with self.session() as session:
            row = session.get(Opportunity, opportunity_id)
            if row is None:
                return []
            root = row.canonical_id or row.id
            query = select(Opportunity).where((col(Opportunity.id) == root) | (col(Opportunity.canonical_id) == root))
            return [(r.source, r.url) for r in session.exec(query.order_by(col(Opportunity.id))).all()]

    def _canonical_ids(self) -> dict[int, int | None]:
        with self.session() as session:
            return dict(session.exec(select(Opportunity.id, Opportunity.canonical_id)).all())



def _merged(copies: list[OpportunityData], as_of: date | None) -> OpportunityData:
    merged = merge_copies(copies)
    if as_of is None or len(copies) == 1:
        return merged
    return merged.model_copy(update={"status": merged.status_on(as_of)})
