"""Each source kind parses a saved payload (tests/data/sources/<slug>/) into the expected records.

The spider's callback gets a scrapy response built from the file (no network); the items go
through the same normalisation as in a crawl (tests/expected_records.py: VIGIE_REGENERATE=1 rewrites the
expected files).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from expected_records import assert_expected, normalise_all, split_output
from scrapy.http import Request, TextResponse

from crawlers.items import RawItem
from crawlers.registry import spider_class
from models.config.schema import SourceConfig

DATA = Path(__file__).parent / "data" / "sources"
IDF_RECORDS = "/api/explore/v2.1/catalog/datasets/aides-appels-a-projets/records?limit=100&offset=0"
OCC_RECORDS = "/api/explore/v2.1/catalog/datasets/aides-et-appels-a-projets-de-la-region-occitanie/records?limit=100&offset=0"


@dataclass(frozen=True)
class Case:
    slug: str
    kind: str
    url: str
    fixture: str
    expected: str = "expected.json"
    listing: str = ""
    """Path and query of the response, appended to url."""
    options: dict[str, Any] = field(default_factory=dict)
    content_type: str = "application/json"


CASES = [
    Case("idf", "opendatasoft", "https://data.iledefrance.fr", "records.offset-0.json", listing=IDF_RECORDS,
         options={"dataset": "aides-appels-a-projets", "geo": ["REG-11"]}),
    Case("idf", "opendatasoft", "https://data.iledefrance.fr", "search_v1.json", "expected_v1.json",
         listing="/api/records/1.0/search/?dataset=aides-appels-a-projets&rows=100&start=0",
         options={"dataset": "aides-appels-a-projets", "api": "v1", "geo": ["REG-11"]}),
    Case("occitanie", "opendatasoft", "https://data.laregion.fr", "records.offset-0.json", listing=OCC_RECORDS,
         options={"dataset": "aides-et-appels-a-projets-de-la-region-occitanie",
                  "funder": "Région Occitanie", "geo": ["REG-76"]}),
    Case("mte", "dispositif_aide_csv", "https://www.data.gouv.fr/fr/datasets/r/catalogue.csv", "catalogue.csv",
         content_type="text/csv"),
    Case("nouvelle-aquitaine", "rss", "https://les-aides.nouvelle-aquitaine.fr/fiches-rss.xml", "fiches-rss.xml",
         options={"funder": "Région Nouvelle-Aquitaine", "geo": ["REG-75"]}, content_type="application/rss+xml"),
    Case("ademe-collectivites", "rss", "https://agirpourlatransition.ademe.fr/collectivites/rss/appels-a-projet",
         "appels-a-projet.xml", options={"funder": "ADEME", "programmes": []}, content_type="application/rss+xml"),
]


def make_spider(case: Case) -> Any:
    source = SourceConfig(slug=case.slug, kind=case.kind, url=case.url, options=case.options)
    return spider_class(case.kind)(source=source)


def parse(case: Case, body: bytes, status: int = 200) -> tuple[Any, list[RawItem], list[Request]]:
    spider = make_spider(case)
    response = TextResponse(
        url=case.url + case.listing, body=body, status=status, encoding="utf-8",
        headers={"Content-Type": case.content_type},
    )
    return spider, *split_output(spider.parse(response))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.slug}-{c.fixture}")
def test_fixture_parses_into_the_expected_records(case: Case) -> None:
    folder = DATA / case.slug
    spider, items, _ = parse(case, (folder / case.fixture).read_bytes())
    assert spider.error is None
    assert_expected(normalise_all(items), folder / case.expected)


def test_opendatasoft_asks_for_the_next_page_until_the_total_is_reached() -> None:
    case = CASES[0]
    _, items, requests = parse(case, (DATA / "idf" / case.fixture).read_bytes())
    assert len(items) == 3
    assert [r.url for r in requests] == [
        "https://data.iledefrance.fr/api/explore/v2.1/catalog/datasets/aides-appels-a-projets/records?limit=100&offset=3"
    ]


def test_opendatasoft_stops_on_the_last_page() -> None:
    body = json.dumps({"total_count": 3, "results": [{"id_aide": "a", "nom_de_l_aide_de_la_demarche": "x"}]})
    case = Case("idf", "opendatasoft", "https://d.fr", "-", listing=IDF_RECORDS.replace("offset=0", "offset=2"),
                options={"dataset": "aides-appels-a-projets"})
    _, items, requests = parse(case, body.encode())
    assert (len(items), requests) == (1, [])


def test_items_keep_their_rank_across_pages() -> None:
    case = CASES[0]
    spider = make_spider(case)
    body = (DATA / "idf" / case.fixture).read_bytes()
    for listing in (IDF_RECORDS, IDF_RECORDS.replace("offset=0", "offset=3")):
        response = TextResponse(url=case.url + listing, body=body, encoding="utf-8")
        positions = [o.position for o in spider.parse(response) if isinstance(o, RawItem)]
    assert positions == [4, 5, 6]


def test_ademe_experience_reports_are_not_calls() -> None:
    case = CASES[-1]
    _, items, _ = parse(case, (DATA / case.slug / case.fixture).read_bytes())
    assert all("/catalogue-rex/" not in item.url for item in items)
    assert len(items) == 3


@pytest.mark.parametrize(
    ("case", "body", "expected_error"),
    [
        (CASES[0], b'{"total_count": 3, "results": [', "réponse JSON invalide"),
        (CASES[0], b'{"error": "dataset not found"}', "structure inattendue"),
        (CASES[3], b'"a","b"\n"1","2"\n', "colonnes absentes du CSV dispositif-aide : id, titre"),
        (CASES[4], b"<html><body>Maintenance <<<", "flux RSS/Atom illisible"),
    ],
    ids=["invalid-json", "unknown-json-shape", "csv-columns-missing", "feed-not-xml"],
)
def test_a_payload_that_changed_shape_fails_the_source_in_french(case: Case, body: bytes, expected_error: str) -> None:
    spider, items, _ = parse(case, body)
    assert items == []
    assert expected_error in (spider.error or "")


@pytest.mark.parametrize(
    ("status", "gone", "expected_error"),
    [
        (410, True, "n'existe plus (HTTP 410)"),
        (404, False, "introuvable (HTTP 404)"),
        (503, False, "serveur de la source (HTTP 503)"),
    ],
    ids=["gone", "not-found", "server-error"],
)
def test_an_http_error_on_the_listing_is_explained(status: int, gone: bool, expected_error: str) -> None:
    spider, items, _ = parse(CASES[4], b"", status=status)
    assert items == []
    assert (spider.gone, spider.pages) == (gone, 1)
    assert expected_error in (spider.error or "")
