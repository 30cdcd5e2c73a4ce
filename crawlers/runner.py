"""crawl_source: run one source's crawl in a child process and read its results back."""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from crawlers.child import announce, run_child
from crawlers.registry import KINDS
from models.config.schema import CrawlConfig, SourceConfig
from models.records import OpportunityData

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceCrawlResult:
    """What crawling one source gave."""

    slug: str
    kind: str
    records: list[OpportunityData]
    """Validated records, in source order (those found before a failure, if any)."""
    dropped: list[str]
    """French reason per dropped item."""
    error: str | None
    """Why the source failed, in French (None: success)."""
    gone: bool
    """The site answered HTTP 410: the caller disables the source."""
    pages: int
    """Responses fetched."""
    unchanged: list[str] = field(default_factory=list)
    """source_id of the calls found exactly as last time (not read again: only marked as seen)."""
    fingerprints: dict[str, str] = field(default_factory=dict)
    """source_id → fingerprint of each record's item as first found (kept to skip it next time)."""
    warnings: int = 0
    """Partial failures that cost nothing (a detail page unreadable, the call kept from the listing)."""
    notes: list[str] = field(default_factory=list)
    """French text of some of those warnings (a listing read in a degraded way)."""


def crawl_source(
    source: SourceConfig, crawl: CrawlConfig, cache_dir: Path, as_of: date, known: dict[str, str] | None = None,
) -> SourceCrawlResult:
    """Crawl one source in its own process (scrapy's reactor cannot restart); never raises for a failing site.

    `known`: source_id → fingerprint of the calls stored last time; those found the same come back
    in `unchanged` instead of `records` (their detail pages are not fetched)."""
    problem = check_source(source)
    if problem:
        return SourceCrawlResult(source.slug, source.kind, [], [], problem, False, 0)
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vigie-crawl-") as tmp:
        job, output = Path(tmp) / "job.json", Path(tmp) / "output.jsonl"
        job.write_text(json.dumps({
            "source": source.model_dump(mode="json"), "crawl": crawl.model_dump(mode="json"),
            "cache_dir": str(Path(cache_dir).resolve()), "as_of": as_of.isoformat(), "known": known or {},
        }), "utf-8")
        announce_kinds([source.kind])
        done = run_child(job, output, crawl.process_timeout_seconds)
        if done.timed_out:
            timeout_error = f"délai dépassé : collecte arrêtée après {crawl.process_timeout_seconds} s"
            return read_output(source, output, fallback_error=timeout_error)
        if done.stderr.strip():
            logger.debug("source=%s exit=%s stderr=%s", source.slug, done.exit_code, done.stderr[-2000:])
        return read_output(source, output, fallback_error=crash_message(done.exit_code, done.stderr))


def announce_kinds(kinds: Iterable[str]) -> None:
    """Say which kinds of source this process is about to crawl, so that their spiders are imported once."""
    announce(KINDS[k].spider.partition(":")[0] for k in kinds if k in KINDS)


def check_source(source: SourceConfig) -> str | None:
    """A French problem when the source cannot even be started (unknown kind, bad options)."""
    kind = KINDS.get(source.kind)
    if kind is None:
        return f"type de source inconnu « {source.kind} » (connus : {', '.join(sorted(KINDS))})"
    try:
        kind.options.model_validate(source.options)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "options"
        return f"options invalides : {where} : {first['msg']}"
    return None


def read_output(source: SourceConfig, output: Path, fallback_error: str) -> SourceCrawlResult:
    """Parse the child's JSON Lines; without a summary line the child died: `fallback_error`."""
    records: list[OpportunityData] = []
    dropped: list[str] = []
    unchanged: list[str] = []
    fingerprints: dict[str, str] = {}
    summary: dict[str, Any] | None = None
    lines = output.read_text("utf-8").splitlines() if output.exists() else []
    for line in filter(None, lines):
        entry = json.loads(line)
        if entry["type"] == "record":
            records.append(OpportunityData.model_validate(entry["data"]))
            if entry.get("fingerprint"):
                fingerprints[records[-1].source_id] = entry["fingerprint"]
        elif entry["type"] == "unchanged":
            unchanged.append(entry["source_id"])
        elif entry["type"] == "dropped":
            dropped.append(entry["reason"])
        elif entry["type"] == "summary":
            summary = entry
    if summary is None:
        return SourceCrawlResult(source.slug, source.kind, records, dropped, fallback_error, False, 0, unchanged, fingerprints)
    return SourceCrawlResult(
        source.slug, source.kind, records, dropped, summary["error"], bool(summary["gone"]), int(summary["pages"]),
        unchanged, fingerprints, int(summary.get("warnings") or 0), [str(n) for n in summary.get("notes") or []],
    )


def crash_message(returncode: int, stderr: str) -> str:
    """A crawl process that died without a summary: its exit code and last stderr line."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    last = lines[-1] if lines else "aucun message"
    return f"le processus de collecte s'est arrêté (code {returncode}) : {last[:300]}"

