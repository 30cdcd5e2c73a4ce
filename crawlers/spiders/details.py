"""Detail pages: each item found on a listing or in a feed is completed by its own page.

Only pages of the source's own site are read. A page that fails (HTTP error, no answer) keeps the item as first found: it goes on with what the
listing said, the reason is logged and kept in `raw["detail_error"]` — one bad page never costs a call.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawlers.failures import failure_message, http_error_message
from crawlers.fingerprints import SeenUnchanged
from crawlers.items import RawItem
from crawlers.sites import page_url

logger = logging.getLogger(__name__)


class DetailPagesMixin:
    """Completes each item with its own page; a page that fails keeps the item as first found."""

    source: Any
    timeout: float
    pages: int
    warnings: int
    settle: Any

    def wants_detail(self, item: RawItem) -> bool:
        """Whether this item's detail page is read."""
        return bool(self.options.detail_pages)  # type: ignore[attr-defined]

    def read_detail(self, response: Response, item: RawItem) -> RawItem | None:
        """The item completed with its detail page (None: the page shows no call after all)."""
        return item

    def complete(self, item: RawItem) -> Iterable[RawItem | SeenUnchanged | Request]:
        """The item itself, or the request of its detail page; "seen unchanged" when found exactly as last time."""
        settled = self.settle(item)
        if isinstance(settled, SeenUnchanged):
            return [settled]
        if not self.wants_detail(item):
            return [item]
        url = page_url(item.url, self.source.url)
        if url is None:
            # Only the source's own site is crawled (a mirror never sends Vigie to the real one).
            logger.debug("source=%s off_site_detail=%s", self.source.slug, item.url)
            return [item]
        # Not kept in the HTTP cache: a detail page is only asked for when its card changed (or the call was
        # last read long ago), so a cached copy would rarely answer; writing it costs ~7 files per page.
        return [Request(url, callback=self.parse_detail, errback=self.detail_failed, cb_kwargs={"item": item},
                        meta={"dont_cache": True})]

    def parse_detail(self, response: Response, item: RawItem) -> Iterator[RawItem]:
        """The completed item; an HTTP error keeps the listing's item."""
        self.pages += 1
        if response.status >= 400:
            yield from self.without_detail(item, http_error_message(response.status, response.url))
            return
        listed = item.description
        completed = self.read_detail(response, item)
        if completed is not None:
            completed.from_page = completed.from_page or completed.description != listed
            yield completed

    def detail_failed(self, failure: Failure) -> Iterator[RawItem]:
        """Errback of a detail request: no answer, keep the listing's item."""
        request = failure.request  # type: ignore[attr-defined]
        yield from self.without_detail(request.cb_kwargs["item"], failure_message(failure.value, request.url, self.timeout))

    def without_detail(self, item: RawItem, reason: str) -> list[RawItem]:
        """The listing's item, marked with why its detail page could not be read (a warning, not a failure)."""
        logger.warning("source=%s detail_failed=%s", self.source.slug, reason)
        self.warnings += 1
        if not item.title.strip():
            return []  # nothing known but the link (a page found by a fallback listing): no call to keep
        item.fingerprint = ""  # read in full next time, not skipped as "unchanged"
        item.raw["detail_error"] = f"page de détail illisible, appel gardé d'après la liste : {reason}"
        return [item]
