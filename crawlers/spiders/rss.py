"""RSS 2.0 / Atom feeds of calls, read with feedparser (Nouvelle-Aquitaine, ADEME…)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import feedparser
from scrapy.http import Request, Response

from crawlers.items import RawItem
from crawlers.options import RssOptions
from crawlers.spiders.base import SourceSpider
from crawlers.spiders.details import DetailPagesMixin
from crawlers.spiders.na_detail import read_fiche_page
from crawlers.spiders.rss_shapes import is_not_a_call, map_feed_entry

logger = logging.getLogger(__name__)


class RssSpider(DetailPagesMixin, SourceSpider):
    """The whole feed in one response; each entry becomes an item (completed by its page with `detail_pages`)."""

    name = "rss"
    options: RssOptions

    async def start(self) -> Any:
        """The feed itself."""
        yield self.request(self.source.url, self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[RawItem | Request]:
        """Items of the feed (feedback-only entries such as ADEME's retours d'expérience skipped)."""
        if not self.accept(response):
            return
        headers = {"content-location": response.url}
        content_type = response.headers.get("Content-Type")
        if content_type:
            headers["content-type"] = content_type.decode("latin-1")
        feed = feedparser.parse(response.body, response_headers=headers)
        if feed.bozo and not feed.entries:
            cause = str(feed.get("bozo_exception", "contenu illisible"))[:150]
            self.fail(f"flux RSS/Atom illisible ({cause}) : {response.url}")
            return
        for entry in feed.entries:
            if is_not_a_call(entry):
                logger.debug("source=%s skipped=%s", self.source.slug, entry.get("link"))
                continue
            yield from self.complete(map_feed_entry(entry, self.source.slug, self.next_position(), self.options))

    def read_detail(self, response: Response, item: RawItem) -> RawItem:
        """The item completed by its fiche page (Nouvelle-Aquitaine layout)."""
        return read_fiche_page(response, item)
