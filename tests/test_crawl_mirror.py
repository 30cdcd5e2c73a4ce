"""The demo mirror: URL → file mapping, conditional requests, forced statuses, rebased sources."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.config.schema import SourceConfig
from vigie.demo.server import SITE, MirrorServer, rebase_sources, resolve_file

ADEME = "agirpourlatransition.ademe.fr/collectivites"
IDF = "data.iledefrance.fr/api/explore/v2.1/catalog/datasets/aides-appels-a-projets"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"/{IDF}/records?limit=5&offset=5", f"{IDF}/records.offset-5.json"),
        (f"/{IDF}/records?limit=100&offset=0", f"{IDF}/records.offset-0.json"),
        (f"/{ADEME}/rss/appels-a-projet", f"{ADEME}/rss/appels-a-projet.xml"),
        ("/les-aides.nouvelle-aquitaine.fr/fiches-rss.xml", "les-aides.nouvelle-aquitaine.fr/fiches-rss.xml"),
        ("/robots.txt", "robots.txt"),
        (f"/{IDF}/records?limit=5&offset=50", None),
        ("/../../etc/passwd", None),
        ("/", None),
    ],
    ids=[
        "second-page", "first-page-any-limit", "path-without-extension", "plain-file", "robots",
        "missing-page", "traversal", "root",
    ],
)
def test_urls_map_to_mirror_files(url: str, expected: str | None) -> None:
    found = resolve_file(SITE, url)
    assert found == (SITE / expected).resolve() if expected else found is None


@pytest.fixture
def mirror(tmp_path: Path) -> Iterator[MirrorServer]:
    (tmp_path / "feed.xml").write_text("<rss/>", "utf-8")
    (tmp_path / "_status.json").write_text(json.dumps({"/gone/feed.xml": 410}), "utf-8")
    server = MirrorServer(tmp_path)
    server.start()
    yield server
    server.stop()


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def test_files_come_with_validators_and_answer_304_when_unchanged(mirror: MirrorServer) -> None:
    status, headers, body = fetch(f"{mirror.base_url}/feed.xml")
    assert (status, body, headers["Content-Type"]) == (200, b"<rss/>", "application/rss+xml; charset=utf-8")
    assert fetch(f"{mirror.base_url}/feed.xml", {"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(f"{mirror.base_url}/feed.xml", {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(f"{mirror.base_url}/feed.xml", {"If-None-Match": '"other"'})[0] == 200


def test_status_table_forces_gone_and_unknown_paths_are_404(mirror: MirrorServer) -> None:
    assert fetch(f"{mirror.base_url}/gone/feed.xml")[0] == 410
    assert fetch(f"{mirror.base_url}/nothing.xml")[0] == 404
    assert [status for _, status in mirror.requests] == [410, 404]


def test_sources_are_rebased_on_host_and_path() -> None:
    sources = [
        SourceConfig(slug="idf", kind="opendatasoft", url="https://data.iledefrance.fr", options={"dataset": "x"}),
        SourceConfig(slug="ademe", kind="rss", url="https://agirpourlatransition.ademe.fr/collectivites/rss/appels-a-projet?x=1"),
    ]
    rebased = rebase_sources(sources, "http://127.0.0.1:8123/")
    assert [s.url for s in rebased] == [
        "http://127.0.0.1:8123/data.iledefrance.fr",
        "http://127.0.0.1:8123/agirpourlatransition.ademe.fr/collectivites/rss/appels-a-projet?x=1",
    ]
    assert (rebased[0].options, sources[0].url) == ({"dataset": "x"}, "https://data.iledefrance.fr")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/aides-territoires.beta.gouv.fr/api/aids/?programs=x&page=2&itemsPerPage=100",
         "aides-territoires.beta.gouv.fr/api/aids.page-2.json"),
        ("/api.tech.ec.europa.eu/search-api/prod/rest/search?apiKey=SEDIA&pageSize=50&pageNumber=1",
         "api.tech.ec.europa.eu/search-api/prod/rest/search.page-1.json"),
        ("/aides-territoires.beta.gouv.fr/api/connexion/", "aides-territoires.beta.gouv.fr/api/connexion.json"),
        ("/les-aides.nouvelle-aquitaine.fr/fiches-rss.xml?page=1", "les-aides.nouvelle-aquitaine.fr/fiches-rss.xml"),
        ("/aides-territoires.beta.gouv.fr/api/aids/?page=9", None),
    ],
    ids=["page", "page-number", "token-exchange", "first-page-falls-back-to-the-plain-file", "missing-page"],
)
def test_page_numbered_urls_map_to_page_files(url: str, expected: str | None) -> None:
    found = resolve_file(SITE, url)
    assert found == (SITE / expected).resolve() if expected else found is None


def test_post_is_answered_like_get(mirror: MirrorServer) -> None:
    request = urllib.request.Request(f"{mirror.base_url}/feed.xml", data=b"a=1&b=2", method="POST")
    with urllib.request.urlopen(request, timeout=5) as response:
        assert (response.status, response.read()) == (200, b"<rss/>")
    assert fetch(f"{mirror.base_url}/feed.xml")[0] == 200
