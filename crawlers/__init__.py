"""Crawlers: one scrapy process per source, fourteen source kinds, normalisation into OpportunityData.

Public API:
- SOURCE_KINDS: kind → options model (config validation uses it);
- crawl_source(source, crawl, cache_dir, as_of) → SourceCrawlResult (never raises for a failing site);
- announce_kinds(kinds): the kinds about to be crawled, so that their spiders are imported once.
Importing this package does not import scrapy: only the crawl processes (and their server) do.
"""

from __future__ import annotations

from pydantic import BaseModel

from crawlers.registry import KINDS
from crawlers.runner import SourceCrawlResult, announce_kinds, crawl_source

SOURCE_KINDS: dict[str, type[BaseModel]] = {name: kind.options for name, kind in KINDS.items()}

__all__ = ["SOURCE_KINDS", "SourceCrawlResult", "announce_kinds", "crawl_source"]
