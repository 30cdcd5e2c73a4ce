"""Grand Est listing pages are `/aides/page/N/?pg=N` (sources.md §6): without `pg` the site serves page 1 again.

The saved site (tests/data/sources/grand-est/paging/) is answered by a function that behaves like grandest.fr:
page N only with `pg=N`, page 1 for any other paging, the unfiltered listing when `beneficiaire` is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from scrapy.http import HtmlResponse, Request

import offline_crawl
from crawlers.registry import spider_class
from crawlers.spiders.grandest import page_after
from models.config.schema import SourceConfig

FOLDER = Path(__file__).parent / "data" / "sources" / "grand-est" / "paging"
LAST_PAGE = 3
Site = Callable[[int | None, dict[str, str]], str | None]
"""(page asked by `pg`, other query parameters) → the fixture served, None for 404."""


def needs_pg(page: int | None, query: dict[str, str]) -> str | None:
    """grandest.fr: `pg` picks the page; past the last page (or without `pg`) page 1 comes back."""
    return f"page-{page}.html" if page and page <= LAST_PAGE else "page-1.html"


def filtered(page: int | None, query: dict[str, str]) -> str | None:
    """As `needs_pg`, but a listing that lost its `beneficiaire` filter shows other aids."""
    return needs_pg(page, query) if query.get("beneficiaire") == "63" else "unfiltered.html"


def ignores_paging(page: int | None, query: dict[str, str]) -> str | None:
    """A site that always serves its first page."""
    return "page-1.html"


def ends_with_404(page: int | None, query: dict[str, str]) -> str | None:
    """Past the last page: not found."""
    return None if page and page > LAST_PAGE else needs_pg(page, query)


def serving(site: Site) -> Callable[..., HtmlResponse]:
    def answer(request: Request, folder: Path, overrides: dict[str, bytes]) -> HtmlResponse:
        parts = urlsplit(request.url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        pg = query.pop("pg", None)
        if parts.path.startswith("/aides"):
            name = site(int(pg) if pg and pg.isdigit() else None, query)
        else:
            name = "detail.html"
        body = (FOLDER / name).read_bytes() if name else b""
        return HtmlResponse(url=request.url, body=body, status=200 if name else 404, request=request, encoding="utf-8")
    return answer


def crawl(monkeypatch: pytest.MonkeyPatch, site: Site, url: str = "https://www.grandest.fr/aides/") -> tuple[Any, Any]:
    monkeypatch.setattr(offline_crawl, "answer", serving(site))
    spider = spider_class("grandest")(source=SourceConfig(slug="grand-est", kind="grandest", url=url))
    return spider, offline_crawl.crawl_offline(spider, FOLDER, Request(url, callback=spider.parse))


def listings(result: Any) -> list[str]:
    return [url for url, _ in result.fetched if "/aides" in urlsplit(url).path]


PAGE_1 = ["industrie-4-0-diagnostic", "pret-rebond-industrie"]
ALL_PAGES = PAGE_1 + ["batiments-industriels-sobres", "conseil-export", "recyclage-plastiques"]


@pytest.mark.parametrize("site", [needs_pg, ends_with_404], ids=["page-1-again", "not-found"])
def test_every_page_is_read_once_and_paging_stops_after_the_last(monkeypatch: pytest.MonkeyPatch, site: Site) -> None:
    spider, result = crawl(monkeypatch, site)
    assert [item.source_id for item in result.items] == ALL_PAGES
    assert listings(result) == ["https://www.grandest.fr/aides/"] + [
        f"https://www.grandest.fr/aides/page/{n}/?pg={n}" for n in (2, 3, 4)
    ]
    assert spider.error is None and spider.items_found == 5


def test_a_filtered_listing_keeps_its_filter_on_every_page(monkeypatch: pytest.MonkeyPatch) -> None:
    _, result = crawl(monkeypatch, filtered, "https://www.grandest.fr/aides/?beneficiaire=63")
    assert [item.source_id for item in result.items] == ALL_PAGES
    assert "https://www.grandest.fr/aides/page/2/?beneficiaire=63&pg=2" in listings(result)


def test_a_site_that_always_serves_its_first_page_neither_loops_nor_duplicates(monkeypatch: pytest.MonkeyPatch) -> None:
    spider, result = crawl(monkeypatch, ignores_paging)
    assert [item.source_id for item in result.items] == PAGE_1
    assert len(listings(result)) == 2 and spider.error is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.grandest.fr/aides/", "https://www.grandest.fr/aides/page/2/?pg=2"),
        ("https://www.grandest.fr/aides", "https://www.grandest.fr/aides/page/2/?pg=2"),
        ("https://www.grandest.fr/aides/page/2/?pg=2", "https://www.grandest.fr/aides/page/3/?pg=3"),
        ("https://www.grandest.fr/aides/page/7/", "https://www.grandest.fr/aides/page/8/?pg=8"),
        ("https://www.grandest.fr/aides/?beneficiaire=63", "https://www.grandest.fr/aides/page/2/?beneficiaire=63&pg=2"),
        ("https://www.grandest.fr/aides/page/4/?pg=4&beneficiaire=63&thematique=",
         "https://www.grandest.fr/aides/page/5/?beneficiaire=63&thematique=&pg=5"),
    ],
)
def test_the_next_page_names_its_number_in_the_path_and_in_pg(url: str, expected: str) -> None:
    assert page_after(url) == expected
