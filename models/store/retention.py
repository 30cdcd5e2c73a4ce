"""Retention: empty old raw payloads and delete old crawl runs. Calls, reviews, digests stay."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, null, update
from sqlmodel import select

from models.tables import CrawlRun, Opportunity


class RetentionStore:
    """Mixin of Store: what `vigie purge` may remove."""

    def purge_raw_payloads(self, seen_before: datetime) -> int:
        """Empty `raw` of calls last seen before `seen_before` (the call itself, its hash and reviews stay)."""
        with self.session() as session:
            done = session.execute(
                update(Opportunity)
                .where(Opportunity.last_seen < seen_before, Opportunity.raw.is_not(None))
                .values(raw=null())
                .execution_options(synchronize_session=False)
            )
            return done.rowcount or 0

    def purge_crawl_runs(self, started_before: datetime) -> int:
        """Delete crawl runs started before `started_before`, except the last run of each source."""
        with self.session() as session:
            latest = select(func.max(CrawlRun.id)).group_by(CrawlRun.source)
            done = session.execute(
                delete(CrawlRun)
                .where(CrawlRun.started_at < started_before, CrawlRun.id.not_in(latest))
                .execution_options(synchronize_session=False)
            )
            return done.rowcount or 0

    def count_crawl_runs(self) -> int:
        """How many crawl runs are kept (for the purge report and its tests)."""
        with self.session() as session:
            return session.exec(select(func.count()).select_from(CrawlRun)).one()
