"""RSS 2.0 / Atom feeds of calls, read with feedparser (Nouvelle-Aquitaine, ADEME…)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import feedparser
from scrapy.http import Request, Response

from crawlers.fingerprints import SeenUnchanged
from crawlers.items import RawItem
from crawlers.normalise.text import canonical_url
from crawlers.options import RssOptions
from crawlers.spiders.base import SourceSpider
from crawlers.spiders.detail_page import read_detail_page
from crawlers.spiders.details import DetailPagesMixin
from crawlers.spiders.html import layout_changed_message
from crawlers.spiders.na_detail import SECTIONS, TITLE, fiche_links, read_fiche_page
from crawlers.spiders.rss_shapes import is_not_a_call, map_feed_entry

logger = logging.getLogger(__name__)


class RssSpider(DetailPagesMixin, SourceSpider):
    """The whole feed in one response; each entry becomes an item (completed by its page with `detail_pages`)."""

    name = "rss"
    options: RssOptions

    async def start(self) -> Any:
        """The feed itself."""
        yield self.request(self.source.url, self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """Items of the feed (feedback-only entries such as ADEME's retours d'expérience skipped)."""
        if not self.accept(response):
            return
        headers = {"content-location": response.url}
        content_type = response.headers.get("Content-Type")
        if content_type:
            headers["content-type"] = content_type.decode("latin-1")
        feed = feedparser.parse(response.body, response_headers=headers)
        if not feed.entries and self.options.fallback_path:
            logger.warning("source=%s empty_feed=%s fallback=%s", self.source.slug, response.url, self.options.fallback_path)
            yield self.request(urljoin(self.source.url, self.options.fallback_path), self.parse_fallback)
            return
        if feed.bozo and not feed.entries:
            cause = str(feed.get("bozo_exception", "contenu illisible"))[:150]
            self.fail(f"flux RSS/Atom illisible ({cause}) : {response.url}")
            return
        for entry in feed.entries:
            if is_not_a_call(entry):
                logger.debug("source=%s skipped=%s", self.source.slug, entry.get("link"))
                continue
            yield from self.complete(map_feed_entry(entry, self.source.slug, self.next_position(), self.options))

    def parse_fallback(self, response: Response, **kwargs: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """The feed was empty: every fiche link of the site's page, each read as a fiche page."""
        if not self.accept(response):
            return
        links = fiche_links(response)
        if not links:
            self.fail(layout_changed_message("lien de fiche (/<thématique>/<fiche>)", response.url)
                      + " ; le flux RSS était vide")
            return
        for url in links:
            item = RawItem(source=self.source.slug, position=self.next_position(), url=url, source_id=canonical_url(url),
                           funders=[self.options.funder] if self.options.funder else [], geo_codes=list(self.options.geo),
                           programmes=list(self.options.programmes), raw={"lu_depuis": response.url})
            yield from self.complete(item)

    def wants_detail(self, item: RawItem) -> bool:
        """Fiche pages with `detail_pages`, and always for the fiches found by the fallback page."""
        return self.options.detail_pages or "lu_depuis" in item.raw

    def read_detail(self, response: Response, item: RawItem) -> RawItem | None:
        """The item completed by its page: a Nouvelle-Aquitaine fiche by its blocks, any other page (ADEME's
        Drupal pages…) by its main text and headings; a page found by the fallback that is not a fiche
        (no `h1.headline-aide`) gives nothing."""
        if "lu_depuis" in item.raw and not response.css(TITLE):
            return None
        if response.css(TITLE) or response.css(SECTIONS):
            return read_fiche_page(response, item)
        return read_detail_page(response, item)
