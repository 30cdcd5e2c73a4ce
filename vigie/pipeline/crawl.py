"""Crawl the configured sources one by one (each in its own process) and store what they found."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from crawlers import SourceCrawlResult, announce_kinds, crawl_source
from crawlers.configured import unconfigured_reason
from models.config import SourceConfig, VigieConfig
from models.errors import VigieError
from models.records import OpportunityData
from models.store import CrawlCounts, Store
from vigie.pipeline.clock import utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceOutcome:
    """One source's line of the crawl summary."""

    slug: str
    counts: CrawlCounts
    error: str | None
    skipped: str | None = None
    """Why the source was not crawled (disabled in config, 410…)."""
    warnings: int = 0
    """Partial failures (a detail page unreadable: the call kept as its listing shows it)."""
    notes: tuple[str, ...] = ()
    """French text of some of those warnings (a listing read in a degraded way)."""
    dropped: tuple[str, ...] = ()
    """French reason per dropped call."""


def select_sources(config: VigieConfig, store: Store, slugs: Sequence[str]) -> list[tuple[SourceConfig, str | None]]:
    """The sources to crawl (all enabled ones, or those named) with a reason when one is skipped."""
    known = {s.slug: s for s in config.sources}
    unknown = [s for s in slugs if s not in known]
    if unknown:
        raise VigieError("source inconnue", ", ".join(unknown), f"sources configurées : {', '.join(known)}")
    gone = {s.slug: s.disabled_reason for s in store.sources_health() if s.disabled_reason}
    chosen = [known[s] for s in slugs] if slugs else [s for s in config.sources if s.enabled]
    return [(s, _skip_reason(s, gone, bool(slugs))) for s in chosen]


def _skip_reason(source: SourceConfig, gone: dict[str, str], named: bool) -> str | None:
    if source.slug in gone:
        return f"désactivée : {gone[source.slug]}"
    if not source.enabled and not named:
        return "désactivée dans sources.toml"
    return None


Transform = Callable[[OpportunityData], OpportunityData]


def crawl_one(config: VigieConfig, store: Store, source: SourceConfig, as_of: date,
              transform: Transform | None = None) -> SourceOutcome:
    """Crawl one source and store its records; a failure is recorded on the source, never raised.

    A source missing a key from the environment is "non configurée": recorded, skipped, not a failure.
    `transform` adjusts each record before it is stored (the demo maps its mirror's links back to the
    real sites). After storing, cross-source duplicates are linked to their canonical call."""
    started = utcnow()
    missing = unconfigured_reason(source)
    if missing:
        store.record_crawl(source.slug, source.kind, started, started, CrawlCounts(), None, unconfigured=missing)
        return SourceOutcome(source.slug, CrawlCounts(), None, skipped=f"non configurée : {missing}")
    crawl = config.settings.crawl
    # Calls read in full within `recheck_after_days` are skipped when their listing card is unchanged.
    days = crawl.recheck_after_days
    known = store.crawl_fingerprints(source.slug, started - timedelta(days=days)) if days else {}
    result: SourceCrawlResult = crawl_source(source, crawl, config.resolve(crawl.http_cache_dir), as_of, known)
    finished = utcnow()
    records = [transform(r) for r in result.records] if transform else result.records
    counts = store.store_crawl(source.slug, records, finished, as_of, complete=result.error is None,
                               unchanged=result.unchanged, fingerprints=result.fingerprints)
    counts.dropped = len(result.dropped)
    if result.records:
        store.link_duplicates()
    store.record_crawl(source.slug, source.kind, started, finished, counts, result.error, result.gone,
                       dropped_reasons=result.dropped)
    logger.info("crawl done source=%s new=%d changed=%d unchanged=%d closed=%d dropped=%d seconds=%.1f error=%r",
                source.slug, counts.new, counts.changed, counts.unchanged, counts.closed, counts.dropped,
                (finished - started).total_seconds(), result.error)
    return SourceOutcome(source.slug, counts, result.error, warnings=result.warnings, notes=tuple(result.notes),
                         dropped=tuple(result.dropped))


def crawl_all(
    config: VigieConfig, store: Store, slugs: Sequence[str], as_of: date,
    on_start: Callable[[SourceConfig], None] = lambda s: None,
    on_done: Callable[[SourceOutcome], None] = lambda o: None,
    transform: Transform | None = None,
) -> list[SourceOutcome]:
    """Crawl every selected source; one failing source never stops the others."""
    outcomes = []
    selected = select_sources(config, store, slugs)
    announce_kinds(source.kind for source, skipped in selected if not skipped)
    for source, skipped in selected:
        on_start(source)
        outcome = SourceOutcome(source.slug, CrawlCounts(), None, skipped) if skipped else \
            crawl_one(config, store, source, as_of, transform)
        outcomes.append(outcome)
        on_done(outcome)
    return outcomes
