"""Item pipelines: normalise and validate (drop with a French reason), then write JSON Lines.

A "seen unchanged" marker (crawlers/fingerprints.py) goes through untouched and is written as such.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawlers.fingerprints import SeenUnchanged
from crawlers.items import RawItem
from crawlers.normalise import ItemRejected, normalise_item
from crawlers.normalise.text import one_line
from models.records import OpportunityData

Crawled = tuple[OpportunityData, str]
"""A validated record and the fingerprint of its item as first found."""
logger = logging.getLogger(__name__)


def drop_reason(item: RawItem, reason: str) -> str:
    """"item 12 (titre…): date invalide « … »"."""
    title = one_line(item.title)[:60] or "sans titre"
    return f"item {item.position} ({title}) : {reason}"


class NormalisePipeline:
    """RawItem → OpportunityData; an item that does not validate is dropped with its reason."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalisePipeline:
        """Reads the crawl day from the settings."""
        return cls(date.fromisoformat(crawler.settings["VIGIE_AS_OF"]))

    def process_item(self, item: RawItem | SeenUnchanged) -> Crawled | SeenUnchanged:
        """The validated record with its fingerprint, or DropItem; a "seen unchanged" marker as it is."""
        if isinstance(item, SeenUnchanged):
            return item
        if item.rejected:
            raise DropItem(drop_reason(item, item.rejected))
        try:
            return normalise_item(item, self.as_of), item.fingerprint
        except ItemRejected as exc:
            raise DropItem(drop_reason(item, str(exc))) from exc


class JsonLinesPipeline:
    """Writes one line per record and per dropped item for the parent process."""

    def __init__(self, crawler: Crawler, path: Path) -> None:
        self.crawler = crawler
        self.path = path
        self.file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonLinesPipeline:
        """Also listens to dropped items, which never reach this pipeline."""
        pipeline = cls(crawler, Path(crawler.settings["VIGIE_OUTPUT"]))
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    def open_spider(self) -> None:
        """Opens the output file."""
        self.file = self.path.open("a", encoding="utf-8")

    def close_spider(self) -> None:
        """Closes the output file."""
        if self.file:
            self.file.close()

    def process_item(self, item: Crawled | SeenUnchanged) -> Crawled | SeenUnchanged:
        """Writes a record line (with its fingerprint) or an "unchanged" line."""
        if isinstance(item, SeenUnchanged):
            self._write({"type": "unchanged", "source_id": item.source_id})
            self.crawler.spider.unchanged += 1
            return item
        record, fingerprint = item
        self._write({"type": "record", "data": record.model_dump(mode="json"), "fingerprint": fingerprint or None})
        self.crawler.spider.records += 1
        return item

    def item_dropped(self, item: Any, exception: BaseException, **kwargs: Any) -> None:
        """Writes a dropped line."""
        self._write({"type": "dropped", "reason": str(exception)})
        self.crawler.spider.dropped += 1

    def _write(self, line: dict[str, Any]) -> None:
        assert self.file is not None, "pipeline not opened"
        self.file.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.file.flush()
