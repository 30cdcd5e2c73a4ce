"""Retries with exponential backoff: scrapy's RetryMiddleware re-queues at once, this waits first."""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)


def backoff_delay(retries_so_far: int, base: float, cap: float) -> float:
    """Seconds to wait before retry number `retries_so_far` (0: a first attempt, no wait): base × 2^(n-1), capped."""
    if retries_so_far <= 0 or base <= 0:
        return 0.0
    return min(cap, base * 2 ** (retries_so_far - 1))


class RetryBackoffMiddleware:
    """Downloader middleware: a request RetryMiddleware sent back (meta "retry_times") waits its backoff delay."""

    def __init__(self, base: float, cap: float) -> None:
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryBackoffMiddleware:
        """Reads VIGIE_RETRY_BACKOFF (base seconds) and VIGIE_RETRY_BACKOFF_MAX."""
        return cls(crawler.settings.getfloat("VIGIE_RETRY_BACKOFF", 1.0), crawler.settings.getfloat("VIGIE_RETRY_BACKOFF_MAX", 30.0))

    async def process_request(self, request: Request) -> None:
        """Sleep (without blocking the reactor) before a retried request goes out."""
        delay = backoff_delay(int(request.meta.get("retry_times", 0)), self.base, self.cap)
        if delay:
            from twisted.internet import reactor

            logger.info("retry=%s delay=%.1fs url=%s", request.meta["retry_times"], delay, request.url)
            await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
