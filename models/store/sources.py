"""Source health and crawl runs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import select

from models.store.results import CrawlCounts
from models.tables import CrawlRun, Source

MAX_DROPPED_REASONS = 200
"""Reasons kept per crawl run (a source that drops thousands of calls keeps the count, not every reason)."""
MAX_REASON_CHARS = 500


def kept_reasons(reasons: Sequence[str]) -> list[str]:
    """The reasons stored with a run: the first MAX_DROPPED_REASONS, each cut to MAX_REASON_CHARS."""
    return [reason[:MAX_REASON_CHARS] for reason in reasons[:MAX_DROPPED_REASONS]]


class SourceStore:
    """Mixin of Store: sources' health."""

    def record_crawl(
        self, slug: str, kind: str, started_at: datetime, finished_at: datetime,
        counts: CrawlCounts, error: str | None, gone: bool = False, unconfigured: str | None = None,
        dropped_reasons: Sequence[str] = (),
    ) -> Source:
        """Record a crawl run and update the source's health (consecutive failures, last error, 410 = disabled).

        `unconfigured`: the source could not run (a key is missing): neither a success nor a failure.
        `dropped_reasons`: why each dropped call was dropped (French), kept with the run."""
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
                                 closed=counts.closed, dropped=counts.dropped, error=error,
                                 dropped_reasons=kept_reasons(dropped_reasons)))
            return source

    def last_runs(self) -> dict[str, CrawlRun]:
        """The latest crawl run of every source that ran, by slug (its dropped calls and their reasons)."""
        with self.session() as session:
            latest = select(func.max(CrawlRun.id)).group_by(CrawlRun.source)
            runs = session.exec(select(CrawlRun).where(CrawlRun.id.in_(latest))).all()  # type: ignore[union-attr]
            return {run.source: run for run in runs}

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
