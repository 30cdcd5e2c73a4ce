"""Source health and crawl runs."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import select

from models.store.results import CrawlCounts
from models.tables import CrawlRun, Source


class SourceStore:
    """Mixin of Store: sources' health."""

    def record_crawl(
        self, slug: str, kind: str, started_at: datetime, finished_at: datetime,
        counts: CrawlCounts, error: str | None, gone: bool = False, unconfigured: str | None = None,
    ) -> Source:
        """Record a crawl run and update the source's health (consecutive failures, last error, 410 = disabled).

        `unconfigured`: the source could not run (a key is missing): neither a success nor a failure."""
        with self.session() as session:
            source = session.get(Source, slug) or Source(slug=slug, kind=kind)
            source.kind, source.last_run_at = kind, finished_at
            source.unconfigured_reason = unconfigured
            if unconfigured:
                session.add(source)
                return source
            if error:
                source.consecutive_failures += 1
                source.last_error = error
            else:
                source.consecutive_failures, source.last_error = 0, None
                source.last_success_at = finished_at
                source.last_item_count = counts.new + counts.changed + counts.unchanged
            if gone:
                source.disabled_reason = error or "la source a répondu 410 (supprimée)"
            session.add(source)
            session.flush()
            session.add(CrawlRun(source=slug, started_at=started_at, finished_at=finished_at, ok=error is None,
                                 new=counts.new, changed=counts.changed, unchanged=counts.unchanged,
                                 closed=counts.closed, dropped=counts.dropped, error=error))
            return source

    def sources_health(self) -> list[Source]:
        """Every source ever crawled, by slug."""
        with self.session() as session:
            return list(session.exec(select(Source).order_by(Source.slug)).all())

    def failing_sources(self, threshold: int) -> list[Source]:
        """Sources with at least `threshold` consecutive failures (to tell the chef de projet)."""
        return [s for s in self.sources_health() if s.consecutive_failures >= threshold or s.disabled_reason]

    def enable_source(self, slug: str) -> None:
        """Clear a 410 disable (after a person checked the site)."""
        with self.session() as session:
            source = session.get(Source, slug)
            if source:
                source.disabled_reason = None
