"""What a whole crawl amounts to, for monitoring: an exit code and one French line.

0: every source crawled answered (or none was crawled); SOME_FAILED: at least one failed, not all;
ALL_FAILED: every source crawled failed. Skipped sources (disabled, gone with HTTP 410, "non
configurée" for want of a key) are not crawled, so they are neither failures nor successes.
Codes 1, 2, 3 and 5 already mean something else (error, invalid configuration, unexpected error,
`vigie tune diff` changes), hence 6 and 7.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vigie.pipeline.crawl import SourceOutcome

SOME_FAILED = 6
ALL_FAILED = 7


@dataclass(frozen=True)
class CrawlVerdict:
    """The exit code of a crawl and the line that says why."""

    code: int
    """0, SOME_FAILED or ALL_FAILED."""
    line: str
    """French, e.g. « 2 sources sur 14 en échec : idf, dge. »"""
    failed: tuple[str, ...] = ()
    """Slugs of the sources that failed, in crawl order."""


def _sources(count: int) -> str:
    return f"{count} source{'s' if count > 1 else ''}"


def crawl_verdict(outcomes: Sequence[SourceOutcome]) -> CrawlVerdict:
    """The verdict of one crawl from its per-source outcomes."""
    crawled = [o for o in outcomes if not o.skipped]
    failed = tuple(o.slug for o in crawled if o.error)
    skipped = len(outcomes) - len(crawled)
    aside = [f"{_sources(skipped)} non collectée{'s' if skipped > 1 else ''}"] if skipped else []
    if not crawled or not failed:
        collected = "collectées" if len(crawled) > 1 else "collectée"
        head = f"{_sources(len(crawled))} {collected}, aucune en échec" if crawled else "Aucune source collectée"
        return CrawlVerdict(0, f"{head}{_between(aside)}.")
    head = f"{_sources(len(failed))} sur {len(crawled)} en échec"
    if len(failed) == len(crawled):
        return CrawlVerdict(ALL_FAILED, f"{head}{_between(['toutes', *aside])} : {', '.join(failed)}.", failed)
    return CrawlVerdict(SOME_FAILED, f"{head}{_between(aside)} : {', '.join(failed)}.", failed)


def _between(parts: list[str]) -> str:
    return f" ({' ; '.join(parts)})" if parts else ""
