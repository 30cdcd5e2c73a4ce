"""Scrapy settings of a crawl process, built from the CrawlConfig (no scrapy project module)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from crawlers.guards import MAX_RESPONSE_BYTES, WARN_RESPONSE_BYTES
from models.config.schema import CrawlConfig

_UNUSED_EXTENSIONS = (
    "telnet.TelnetConsole", "memdebug.MemoryDebugger", "feedexport.FeedExporter",
    "spiderstate.SpiderState", "remote_control.RemoteControl", "memusage.MemoryUsage",
)


def build_settings(crawl: CrawlConfig, cache_dir: Path, output: Path, as_of: date) -> dict[str, Any]:
    """Politeness, cache and pipelines for one source's crawl."""
    return {
        "BOT_NAME": "vigie",
        # The platform's reactor (epoll on Linux), not scrapy's asyncio default: with one request at a
        # time per domain the asyncio reactor adds 40-70 ms to each request on loopback (measured:
        # ~3 ms with epoll); no spider of Vigie needs asyncio.
        "TWISTED_REACTOR": None,
        "ROBOTSTXT_OBEY": crawl.obey_robots,
        # No delay asked (a local mirror, tests): no throttling either.
        "AUTOTHROTTLE_ENABLED": crawl.download_delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(crawl.download_delay, 1.0),
        "DOWNLOAD_DELAY": crawl.download_delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_requests_per_domain,
        # Pipelines are synchronous: scrapy's 100 cooperative tasks per response only cost time.
        "CONCURRENT_ITEMS": 1,
        "DOWNLOAD_TIMEOUT": crawl.timeout_seconds,
        # Also bounds a compressed body once decompressed (a gzip bomb): crawlers/guards.py.
        "DOWNLOAD_MAXSIZE": MAX_RESPONSE_BYTES,
        "DOWNLOAD_WARNSIZE": WARN_RESPONSE_BYTES,
        "RETRY_ENABLED": crawl.retries > 0,
        "RETRY_TIMES": crawl.retries,
        # Each retry waits longer (1 s, 2 s, 4 s… capped; none when no delay is asked, as on a local mirror).
        # A redirect back into its own chain fails the source by name (before RedirectMiddleware, 600, follows it).
        "DOWNLOADER_MIDDLEWARES": {"crawlers.backoff.RetryBackoffMiddleware": 560,
                                   "crawlers.guards.RedirectLoopMiddleware": 610},
        "VIGIE_RETRY_BACKOFF": 1.0 if crawl.download_delay > 0 else 0.0,
        "USER_AGENT": f"{crawl.user_agent} (+mailto:{crawl.contact_email})",
        # Conditional requests (If-None-Match / If-Modified-Since) between crawls.
        "HTTPCACHE_ENABLED": True,
        "HTTPCACHE_POLICY": "scrapy.extensions.httpcache.RFC2616Policy",
        "HTTPCACHE_DIR": str(Path(cache_dir).resolve()),
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        # Only http(s) listings: fewer components to load makes each crawl process start faster.
        "REMOTE_CONTROL_ENABLED": False,
        "EXTENSIONS": {f"scrapy.extensions.{name}": None for name in _UNUSED_EXTENSIONS},
        "DOWNLOAD_HANDLERS": {"s3": None, "ftp": None, "data": None, "file": None},
        "LOG_LEVEL": "WARNING",
        "DEFAULT_DROPITEM_LOG_LEVEL": "INFO",
        "ITEM_PIPELINES": {
            "crawlers.pipelines.NormalisePipeline": 300,
            "crawlers.pipelines.JsonLinesPipeline": 900,
        },
        "VIGIE_OUTPUT": str(output),
        "VIGIE_AS_OF": as_of.isoformat(),
    }
