"""Hostile or broken sites, through real crawl processes against a local HTTP server (content written for the
tests): a gzip bomb, redirect loops, an Opendatasoft page with bad records and a total count that is not a number."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from datetime import date
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from crawlers import SourceCrawlResult, crawl_source
from crawlers.guards import MAX_RESPONSE_BYTES
from crawlers.settings import build_settings
from crawlers.spiders.ods_checks import read_total, record_problem
from models.config.schema import CrawlConfig, SourceConfig

AS_OF = date(2026, 11, 23)
CRAWL = CrawlConfig(download_delay=0, retries=0, timeout_seconds=10, process_timeout_seconds=120)
ODS_LISTING = "/ods/api/explore/v2.1/catalog/datasets/aides/records"
VALID = {"id_aide": "aide-1", "nom_de_l_aide_de_la_demarche": "Aide à l'investissement industriel",
         "url_descriptif": "https://www.iledefrance.fr/aides/1", "date_cloture": "2026-12-31"}
ODS_ROWS: list[Any] = [
    VALID,
    dict(VALID, id_aide="aide-2", nom_de_l_aide_de_la_demarche={"fr": "Titre dans un objet"}),
    5,
    dict(VALID, id_aide="aide-4", date_cloture="31/02/2027"),
    dict(VALID, id_aide="aide-5", url_descriptif="javascript:alert(1)"),
    dict(VALID, id_aide="aide-6", url_descriptif="https://www.iledefrance.fr/aides/6"),
    dict(VALID, id_aide="aide-7", nom_de_l_aide_de_la_demarche="Aide [red]rouge[/red] & co",
         date_ouverture="<script>alert(1)</script>"),
]


@cache
def gzip_bomb() -> bytes:
    """Twice the size limit once decompressed, some 64 KiB as sent."""
    return gzip.compress(b"\0" * (2 * MAX_RESPONSE_BYTES), compresslevel=9)


class HostileSite(BaseHTTPRequestHandler):
    """/bomb.xml, /loop.xml (to itself), /ping.xml ⇄ /pong.xml, and an Opendatasoft listing."""

    seen: list[str] = []

    def log_message(self, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.seen.append(self.path)
        loops = {"/loop.xml": "/loop.xml", "/ping.xml": "/pong.xml", "/pong.xml": "/ping.xml"}
        if self.path in loops:
            self.answer(301, b"", {"Location": loops[self.path]})
        elif self.path == "/bomb.xml":
            self.answer(200, gzip_bomb(), {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})
        elif self.path.startswith(ODS_LISTING):
            rows = ODS_ROWS if self.path.endswith("offset=0") else []
            body = json.dumps({"total_count": "beaucoup", "results": rows}).encode()
            self.answer(200, body, {"Content-Type": "application/json"})
        else:
            self.answer(404, b"", {})

    def answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), HostileSite)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def crawl(source: SourceConfig, tmp_path: Path) -> SourceCrawlResult:
    return crawl_source(source, CRAWL, tmp_path / "cache", AS_OF)


def test_a_gzip_bomb_fails_its_source_naming_the_url_and_the_limit(site: str, tmp_path: Path) -> None:
    result = crawl(SourceConfig(slug="bombe", kind="rss", url=f"{site}/bomb.xml"), tmp_path)
    limit = "dépasse la limite de 32 Mio une fois décompressée"
    assert result.error == f"réponse trop volumineuse : {site}/bomb.xml {limit}"


@pytest.mark.parametrize(("path", "expected"), [
    ("/loop.xml", "boucle de redirections : {site}/loop.xml"),
    ("/ping.xml", "boucle de redirections : {site}/ping.xml"),
], ids=["to-itself", "two-pages"])
def test_a_redirect_loop_is_the_sources_failure(site: str, tmp_path: Path, path: str, expected: str) -> None:
    result = crawl(SourceConfig(slug="boucle", kind="rss", url=f"{site}{path}"), tmp_path)
    assert result.error == expected.format(site=site)


@pytest.fixture(scope="module")
def ods(site: str, tmp_path_factory: pytest.TempPathFactory) -> SourceCrawlResult:
    source = SourceConfig(slug="ods", kind="opendatasoft", url=f"{site}/ods",
                          options={"dataset": "aides", "page_size": 10, "geo": ["REG-11"]})
    return crawl(source, tmp_path_factory.mktemp("ods"))


def test_one_bad_record_costs_itself_not_the_page(ods: SourceCrawlResult) -> None:
    assert ods.error is None
    assert [r.source_id for r in ods.records] == ["aide-1", "aide-6"]


def test_each_dropped_record_is_named_with_its_reason(ods: SourceCrawlResult) -> None:
    assert ods.dropped[:2] == [
        "item 2 (sans titre) : enregistrement « aide-2 » : champ « nom_de_l_aide_de_la_demarche » : "
        "texte attendu, reçu un objet",
        "item 3 (sans titre) : enregistrement n° 3 : objet JSON attendu, reçu un nombre",
    ]
    assert "date invalide « 31/02/2027 »" in ods.dropped[2]
    assert "javascript:alert(1)" in ods.dropped[3]
    assert ods.dropped[4] == ("item 7 (Aide [red]rouge[/red] & co) : date invalide « <script>alert(1)</script> » "
                              "(ouverture)")


def test_a_total_count_that_is_not_a_number_pages_until_an_empty_page(ods: SourceCrawlResult) -> None:
    assert (ods.pages, ods.warnings) == (2, 1)
    assert ods.notes[0].startswith("nombre total d'enregistrements illisible (total_count = 'beaucoup') : ")
    assert HostileSite.seen.count(f"{ODS_LISTING}?limit=10&offset=7") == 1


@pytest.mark.parametrize(("row", "problem"), [
    ({"titre": "Aide", "thematiques": ["Industrie", None]}, None),
    ({"id_aide": 12, "reference_administrative": 1042}, None),
    ({"titre": 42}, "champ « titre » : texte attendu, reçu un nombre"),
    ({"qui": {"a": 1}}, "champ « qui » : texte ou liste de textes attendu, reçu un objet"),
    ({"id_aide": True}, "champ « id_aide » : texte ou nombre attendu, reçu un booléen"),
    ({"fields": "x", "recordid": "r"}, "champ « fields » : objet attendu, reçu un texte"),
    (["titre"], "objet JSON attendu, reçu une liste"),
], ids=["labels-list", "numeric-ids", "number-title", "object-labels", "boolean-id", "v1-fields", "list"])
def test_a_record_is_checked_field_by_field(row: Any, problem: str | None) -> None:
    assert record_problem(row) == problem


@pytest.mark.parametrize(("value", "total"), [(9, 9), (9.0, 9), ("beaucoup", None), (None, None), (-1, None),
                                              (True, None), (float("inf"), None), (2.5, None)])
def test_a_total_count_is_a_whole_number_or_nothing(value: Any, total: int | None) -> None:
    assert read_total(value) == total


def test_responses_are_bounded_after_decompression(tmp_path: Path) -> None:
    settings = build_settings(CRAWL, tmp_path, tmp_path / "out.jsonl", AS_OF)
    assert (settings["DOWNLOAD_MAXSIZE"], settings["DOWNLOAD_WARNSIZE"]) == (32 * 2**20, 8 * 2**20)
