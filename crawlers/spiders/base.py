"""What every source spider shares: its source, failure bookkeeping and French error messages."""

from __future__ import annotations

import json
import logging
from typing import Any

import scrapy
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawlers.failures import failure_message, http_error_message
from crawlers.fingerprints import SeenUnchanged, item_fingerprint, seen_unchanged
from crawlers.items import RawItem
from crawlers.registry import KINDS
from models.config.schema import SourceConfig

logger = logging.getLogger(__name__)
MAX_NOTES = 10
"""Warnings kept as text per crawl (the count goes on)."""


class SourceSpider(scrapy.Spider):
    """A spider bound to one configured source; its `error` says why the source failed (None: fine)."""

    name = "source"
    # Error statuses reach the callbacks, which turn them into a French explanation.
    handle_httpstatus_list = list(range(400, 600))

    def __init__(
        self, source: SourceConfig, timeout: float = 30.0, known: dict[str, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(name=source.slug, **kwargs)
        self.known = known or {}
        """source_id → fingerprint of the calls stored last time (empty: read everything)."""
        self.known_ids = {fingerprint: source_id for source_id, fingerprint in self.known.items()}
        self.source = source
        self.options = KINDS[source.kind].options.model_validate(source.options)
        self.timeout = timeout
        self.error: str | None = None
        self.gone = False
        self.pages = 0
        self.items_found = 0
        self.records = 0
        self.dropped = 0
        self.unchanged = 0
        self.warnings = 0
        """Partial failures (a detail page that could not be read): the source still succeeds."""
        self.notes: list[str] = []
        """French text of the warnings worth telling the user (a page read in a degraded way)."""

    def request(self, url: str, callback: Any) -> Request:
        """A listing request whose network failures are recorded on the spider."""
        return Request(url, callback=callback, errback=self.on_failure)

    def accept(self, response: Response) -> bool:
        """Count the page; an HTTP error status fails the source (410: gone)."""
        self.pages += 1
        if response.status < 400:
            return True
        self.gone = self.gone or response.status == 410
        self.fail(http_error_message(response.status, response.url))
        return False

    def fail(self, message: str) -> None:
        """Record why the source failed (the first reason wins)."""
        logger.warning("source=%s error=%s", self.source.slug, message)
        if self.error is None:
            self.error = message

    def warn(self, message: str) -> None:
        """Record a partial failure the source survives, with its French explanation."""
        logger.warning("source=%s warning=%s", self.source.slug, message)
        self.warnings += 1
        if message not in self.notes and len(self.notes) < MAX_NOTES:
            self.notes.append(message)

    def on_failure(self, failure: Failure) -> None:
        """Errback: no HTTP answer (refused, timeout, DNS, robots.txt)."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else self.source.url
        self.fail(failure_message(failure.value, url, self.timeout))

    def load_json(self, response: Response) -> Any | None:
        """The JSON body, or None after recording a French error."""
        try:
            return json.loads(response.body)
        except (ValueError, UnicodeDecodeError) as exc:
            self.fail(f"réponse JSON invalide ({str(exc)[:120]}) : {response.url}")
            return None

    def json_page(self, response: Response, key: str, expected: type, site: str) -> dict | None:
        """An accepted JSON page whose `key` holds a value of type `expected`, or None after a French error."""
        if not self.accept(response):
            return None
        payload = self.load_json(response)
        if payload is None:
            return None
        if not isinstance(payload, dict) or not isinstance(payload.get(key), expected):
            self.fail(f"structure inattendue de la réponse {site} (pas de {key}) : {response.url}")
            return None
        return payload

    def settle(self, item: RawItem) -> RawItem | SeenUnchanged:
        """Fingerprint the item as first found; a call found exactly as last time becomes "seen unchanged"."""
        item.fingerprint = item.fingerprint or item_fingerprint(item, self.source.kind, self.source.options)
        return seen_unchanged(item, item.fingerprint, self.known) or item

    def next_position(self) -> int:
        """The 1-based rank of the next item found at the source."""
        self.items_found += 1
        return self.items_found
