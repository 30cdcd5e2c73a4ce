"""`vigie purge` and the scheduled purge job: apply `[retention]` of settings.toml.

Only bulky history goes: raw payloads of calls not seen for long, old crawl runs, old outbox files.
Calls, matches, reviews and the digests' records (what was sent to whom) are never deleted — they are
what makes a rerun send nothing twice and the chef de projet's decisions survive.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from models.config import VigieConfig
from models.store import Store
from vigie.pipeline.clock import utcnow

logger = logging.getLogger(__name__)
OUTBOX_SUFFIXES = (".eml", ".html", ".txt")


@dataclass(frozen=True)
class PurgeReport:
    """What one purge removed."""

    raw_payloads: int
    """Calls whose raw payload was emptied."""
    crawl_runs: int
    """Crawl runs deleted."""
    outbox_files: int
    """Outbox files (digests, previews) deleted."""


def cutoff(now: datetime, days: int) -> datetime | None:
    """The moment before which things go; None when `days` is 0 (keep forever)."""
    return now - timedelta(days=days) if days > 0 else None


def old_outbox_files(outbox: Path, before: datetime) -> list[Path]:
    """Digest files of the outbox (and its subfolders) last modified before `before`."""
    if not outbox.is_dir():
        return []
    limit = before.timestamp()
    return [p for p in outbox.rglob("*")
            if p.is_file() and p.suffix in OUTBOX_SUFFIXES and p.stat().st_mtime < limit]


def purge(config: VigieConfig, store: Store, now: datetime | None = None) -> PurgeReport:
    """Apply the retention settings once (a plain function the scheduler can run as a job)."""
    now = now or utcnow()
    settings = config.settings.retention
    raw_before = cutoff(now, settings.raw_payload_days)
    runs_before = cutoff(now, settings.crawl_runs_days)
    outbox_before = cutoff(now, settings.outbox_days)
    raw = store.purge_raw_payloads(raw_before) if raw_before else 0
    runs = store.purge_crawl_runs(runs_before) if runs_before else 0
    files = old_outbox_files(config.outbox, outbox_before) if outbox_before else []
    for path in files:
        path.unlink(missing_ok=True)
    report = PurgeReport(raw, runs, len(files))
    logger.info("purge done raw_payloads=%d crawl_runs=%d outbox_files=%d", raw, runs, len(files))
    return report


def purge_job(config: VigieConfig) -> PurgeReport:
    """Job entry point for the scheduler: opens its own store, purges, closes."""
    store = Store.open(config.database_url)
    try:
        return purge(config, store)
    finally:
        store.close()
