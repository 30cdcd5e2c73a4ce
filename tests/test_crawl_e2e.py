"""End to end: real scrapy crawl processes against the bundled demo mirror on 127.0.0.1."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from crawlers import SourceCrawlResult, crawl_source
from models.config.schema import CrawlConfig, SourceConfig
from vigie.demo.server import SITE, MirrorServer, rebase_sources

AS_OF = date(2026, 11, 23)
FirstCrawl = tuple[Path, dict[str, SourceCrawlResult]]
CRAWL = CrawlConfig(download_delay=0, retries=0, timeout_seconds=5, process_timeout_seconds=60)
REAL_SOURCES = [
    SourceConfig(slug="idf", kind="opendatasoft", url="https://data.iledefrance.fr",
                 options={"dataset": "aides-appels-a-projets", "page_size": 5, "geo": ["REG-11"]}),
    SourceConfig(slug="occitanie", kind="opendatasoft", url="https://data.laregion.fr",
                 options={"dataset": "aides-et-appels-a-projets-de-la-region-occitanie",
                          "funder": "Région Occitanie", "geo": ["REG-76"]}),
    SourceConfig(slug="mte", kind="dispositif_aide_csv",
                 url="https://www.data.gouv.fr/fr/datasets/r/catalogue-aides-transition-ecologique.csv"),
    SourceConfig(slug="nouvelle-aquitaine", kind="rss", url="https://les-aides.nouvelle-aquitaine.fr/fiches-rss.xml",
                 options={"funder": "Région Nouvelle-Aquitaine", "geo": ["REG-75"]}),
    SourceConfig(slug="ademe-collectivites", kind="rss",
                 url="https://agirpourlatransition.ademe.fr/collectivites/rss/appels-a-projet",
                 options={"funder": "ADEME"}),
]


def crawl_all(sources: list[SourceConfig], cache: Path, crawl: CrawlConfig = CRAWL) -> dict[str, SourceCrawlResult]:
    with ThreadPoolExecutor(max_workers=len(sources)) as pool:
        results = pool.map(lambda s: crawl_source(s, crawl, cache, AS_OF), sources)
        return {r.slug: r for r in results}


@pytest.fixture(scope="module")
def demo() -> Iterator[MirrorServer]:
    server = MirrorServer(SITE)
    server.start()
    yield server
    server.stop()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def first_crawl(demo: MirrorServer, tmp_path_factory: pytest.TempPathFactory) -> FirstCrawl:
    """The five demo sources plus one on a closed port, crawled side by side."""
    cache = tmp_path_factory.mktemp("httpcache")
    refused = SourceConfig(slug="refused", kind="rss", url=f"http://127.0.0.1:{closed_port()}/feed.xml")
    return cache, crawl_all([*rebase_sources(REAL_SOURCES, demo.base_url), refused], cache)


def test_demo_sources_crawl_through_the_mirror(first_crawl: FirstCrawl) -> None:
    _, results = first_crawl
    counts = {slug: (len(r.records), r.error, r.dropped) for slug, r in results.items() if slug != "refused"}
    assert counts == {
        "idf": (9, None, []), "occitanie": (8, None, []), "mte": (8, None, []),
        "nouvelle-aquitaine": (7, None, []), "ademe-collectivites": (8, None, []),
    }
    assert results["idf"].pages == 2


def test_crawl_goes_on_when_one_source_is_unreachable(first_crawl: FirstCrawl) -> None:
    refused = first_crawl[1]["refused"]
    assert refused.error.startswith("site injoignable : connexion refusée")
    assert (refused.records, refused.gone, refused.pages) == ([], False, 0)


def test_a_second_crawl_revalidates_from_the_http_cache(
    demo: MirrorServer, first_crawl: FirstCrawl
) -> None:
    cache, first = first_crawl
    demo.requests.clear()
    second = crawl_all(rebase_sources([REAL_SOURCES[0], REAL_SOURCES[4]], demo.base_url), cache)
    assert {slug: r.records for slug, r in second.items()} == {slug: first[slug].records for slug in second}
    assert {status for path, status in demo.requests if "robots" not in path} == {304}


def test_the_demo_mixes_open_upcoming_closed_and_permanent_calls(first_crawl: FirstCrawl) -> None:
    statuses = {str(r.status) for result in first_crawl[1].values() for r in result.records}
    assert statuses == {"open", "upcoming", "closed", "permanent", "unknown"}


@pytest.fixture
def broken_site(tmp_path: Path) -> Iterator[MirrorServer]:
    site = tmp_path / "site"
    listing = site / "bad.example/api/explore/v2.1/catalog/datasets/x"
    listing.mkdir(parents=True)
    (listing / "records.offset-0.json").write_text('{"total_count": 2, "results": [', "utf-8")
    (site / "_status.json").write_text(json.dumps({"/gone.example/feed.xml": 410}), "utf-8")
    (site / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", "utf-8")
    (site / "private").mkdir()
    (site / "private" / "feed.xml").write_text("<rss version='2.0'><channel/></rss>", "utf-8")
    server = MirrorServer(site)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_failing_sites_are_explained_in_french(broken_site: MirrorServer, silent_port: int, tmp_path: Path) -> None:
    base = broken_site.base_url
    results = crawl_all([
        SourceConfig(slug="gone", kind="rss", url=f"{base}/gone.example/feed.xml"),
        SourceConfig(slug="bad-json", kind="opendatasoft", url=f"{base}/bad.example", options={"dataset": "x"}),
        SourceConfig(slug="robots", kind="rss", url=f"{base}/private/feed.xml"),
        SourceConfig(slug="silent", kind="rss", url=f"http://127.0.0.1:{silent_port}/feed.xml"),
    ], tmp_path, CRAWL.model_copy(update={"timeout_seconds": 1}))
    assert results["gone"].gone
    assert results["gone"].error.startswith("la source n'existe plus (HTTP 410)")
    assert results["bad-json"].error.startswith("réponse JSON invalide")
    assert results["robots"].error.startswith("bloqué par robots.txt")
    assert results["silent"].error.startswith("site injoignable : pas de réponse en 1 s")
    assert not any(results[slug].gone for slug in ("bad-json", "robots", "silent"))
