"""Politeness and resilience settings of every crawl process, and retries that back off."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from crawlers import crawl_source
from crawlers.backoff import backoff_delay
from crawlers.settings import build_settings
from models.config.schema import CrawlConfig, SourceConfig
from vigie.demo.server import MirrorServer

AS_OF = date(2026, 11, 23)


def test_default_settings_are_polite() -> None:
    settings = build_settings(CrawlConfig(contact_email="veille@territoire.example"), Path("cache"), Path("out"), AS_OF)
    assert settings["ROBOTSTXT_OBEY"] is True
    assert (settings["AUTOTHROTTLE_ENABLED"], settings["DOWNLOAD_DELAY"]) == (True, 1.0)
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert settings["USER_AGENT"] == "Vigie/0.1 (veille Territoires d'industrie) (+mailto:veille@territoire.example)"
    assert (settings["DOWNLOAD_TIMEOUT"], settings["RETRY_TIMES"]) == (30, 2)
    assert "crawlers.backoff.RetryBackoffMiddleware" in settings["DOWNLOADER_MIDDLEWARES"]
    assert settings["VIGIE_RETRY_BACKOFF"] == 1.0
    assert (settings["HTTPCACHE_ENABLED"], settings["HTTPCACHE_POLICY"]) == (
        True, "scrapy.extensions.httpcache.RFC2616Policy"
    )


@pytest.mark.parametrize(
    ("retries_so_far", "delay"), [(0, 0.0), (1, 1.0), (2, 2.0), (3, 4.0), (7, 30.0)],
    ids=["first-attempt", "first-retry", "second", "third", "capped"],
)
def test_each_retry_waits_twice_as_long_up_to_a_cap(retries_so_far: int, delay: float) -> None:
    assert backoff_delay(retries_so_far, base=1.0, cap=30.0) == delay


def test_a_server_error_is_retried_then_explained(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "feed.xml").write_text("<rss version='2.0'><channel/></rss>", "utf-8")
    (site / "_status.json").write_text(json.dumps({"/feed.xml": 503}), "utf-8")
    server = MirrorServer(site)
    server.start()
    try:
        crawl = CrawlConfig(download_delay=0, retries=2, timeout_seconds=5, process_timeout_seconds=60)
        source = SourceConfig(slug="flaky", kind="rss", url=f"{server.base_url}/feed.xml")
        result = crawl_source(source, crawl, tmp_path / "cache", AS_OF)
    finally:
        server.stop()
    assert [status for path, status in server.requests if path == "/feed.xml"] == [503, 503, 503]
    assert result.error.startswith("erreur du serveur de la source (HTTP 503)")
