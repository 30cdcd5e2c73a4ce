"""Imported once by the crawl process server (crawlers/child.py): scrapy and every component a crawl loads.

Each crawl still runs in a fresh process of its own, forked from a server that has already paid for
these imports (about a second per crawl otherwise: most of an unchanged re-crawl). Nothing here may
install a Twisted reactor: a reactor made before the fork would share its epoll descriptor between
crawls, so each crawl process installs its own (checked by `reactor_free`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import scrapy.crawler  # noqa: F401 - the point of this module is its imports
from scrapy.settings import Settings
from scrapy.utils.misc import load_object

import crawlers.backoff  # noqa: F401 - components named in crawlers/settings.py
import crawlers.pipelines  # noqa: F401
import crawlers.process  # noqa: F401
from crawlers.settings import build_settings
from models.config.schema import CrawlConfig

COMPONENT_TABLES = ("DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS", "DOWNLOAD_HANDLERS", "ITEM_PIPELINES")
CLASS_SETTINGS = ("DOWNLOADER", "DUPEFILTER_CLASS", "HTTPCACHE_POLICY", "HTTPCACHE_STORAGE", "ITEM_PROCESSOR",
                  "LOG_FORMATTER", "REQUEST_FINGERPRINTER_CLASS", "ROBOTSTXT_PARSER", "SCHEDULER",
                  "SCHEDULER_MEMORY_QUEUE", "SCHEDULER_PRIORITY_QUEUE", "SCHEDULER_START_MEMORY_QUEUE",
                  "STATS_CLASS", "TWISTED_DNS_RESOLVER", "REFERRER_POLICY")


def component_paths() -> Iterable[str]:
    """Dotted paths of the components a Vigie crawl enables (scrapy's defaults as Vigie's settings leave
    them): no more, since some (the s3 and ftp handlers) pull in heavy libraries no crawl needs."""
    settings = Settings(build_settings(CrawlConfig(), Path("."), Path("out.jsonl"), date.today()))
    for name in COMPONENT_TABLES:
        table = settings.getwithbase(name)
        if name == "DOWNLOAD_HANDLERS":  # scheme → class path
            yield from (path for path in table.values() if path)
        else:  # class path → order
            yield from (path for path, order in table.items() if order is not None)
    for name in CLASS_SETTINGS:
        value = settings.get(name)
        if isinstance(value, str):
            yield value


def reactor_free() -> bool:
    """Whether no Twisted reactor has been installed in this process."""
    return "twisted.internet.reactor" not in sys.modules


def preload() -> None:
    """Import what every crawl imports (spiders are imported by kind: crawlers/child.py `announce`); a
    component that cannot load here simply loads in the crawl."""
    for path in component_paths():
        try:
            load_object(path)
        except Exception:  # noqa: BLE001, S112 - only a warm-up: the crawl itself reports real problems
            continue


preload()
