"""The EU Funding & Tenders kind: multipart JSON search, English results only, status from the dates."""

from __future__ import annotations

import json
from email import message_from_bytes
from email.policy import HTTP
from pathlib import Path
from typing import Any

import pytest
from expected_records import assert_expected, normalise_all, split_output
from scrapy.http import Request, TextResponse

from crawlers.items import RawItem
from crawlers.registry import spider_class
from models.config.schema import SourceConfig

FOLDER = Path(__file__).parent / "data" / "sources" / "eu-funding-tenders"
BASE = "https://api.tech.ec.europa.eu"
SEARCH = f"{BASE}/search-api/prod/rest/search?apiKey=SEDIA&text=%2A%2A%2A&pageSize={{}}&pageNumber={{}}"


def spider(**options: Any) -> Any:
    config = SourceConfig(slug="eu-funding-tenders", kind="eu_funding_tenders", url=BASE, options=options)
    return spider_class("eu_funding_tenders")(source=config)


def run(eu: Any, url: str, body: bytes, status: int = 200) -> tuple[list[RawItem], list[Request]]:
    return split_output(eu.parse(TextResponse(url=url, body=body, status=status, encoding="utf-8")))


def test_the_search_is_a_multipart_post_whose_parts_are_json_blobs() -> None:
    request = spider(frameworks=["43108390"]).page_request(1)
    assert (request.method, request.url) == ("POST", SEARCH.format(50, 1))
    content_type = request.headers["Content-Type"].decode()
    message = message_from_bytes(f"Content-Type: {content_type}\r\n\r\n".encode() + request.body, policy=HTTP)
    parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
    assert set(parts) == {"query", "languages", "sort"}
    assert all(p.get_filename() == "blob" and p.get_content_type() == "application/json" for p in parts.values())
    query = json.loads(parts["query"].get_payload(decode=True))
    assert {"terms": {"frameworkProgramme": ["43108390"]}} in query["bool"]["must"]
    assert json.loads(parts["languages"].get_payload(decode=True)) == ["en"]


def test_english_results_map_to_the_expected_records() -> None:
    eu = spider(page_size=4)
    items, requests = run(eu, SEARCH.format(4, 1), (FOLDER / "search.page-1.json").read_bytes())
    assert requests == [] and eu.error is None
    actual = normalise_all(items)
    assert_expected(actual, FOLDER / "expected.json")
    by_id = {r["source_id"]: r for r in actual["records"]}
    assert len(actual["records"]) == 3
    assert by_id["HORIZON-CL4-2027-TWIN-TRANSITION-01-05"]["close_dates"] == ["2027-01-21", "2027-09-22"]
    assert [by_id[k]["status"] for k in sorted(by_id)] == ["open", "closed", "upcoming"]
    assert {(r["geo_codes"] == [], r["geo_scope"]) for r in actual["records"]} == {(True, "union_europeenne")}


def test_the_next_page_is_asked_while_results_remain() -> None:
    eu = spider(page_size=2)
    _, [following] = run(eu, SEARCH.format(2, 1), (FOLDER / "search.page-1.json").read_bytes())
    assert following.url == SEARCH.format(2, 2)


@pytest.mark.parametrize(
    ("body", "status", "expected_error"),
    [
        (b'{"totalResults": 4, "results": [', 200, "réponse JSON invalide"),
        (b'{"message": "Method Not Allowed"}', 200, "pas de results"),
        (b"", 405, "réponse refusée (HTTP 405)"),
    ],
    ids=["invalid-json", "changed-shape", "get-instead-of-post"],
)
def test_a_broken_answer_fails_the_source_in_french(body: bytes, status: int, expected_error: str) -> None:
    eu = spider()
    assert run(eu, SEARCH.format(50, 1), body, status) == ([], [])
    assert expected_error in (eu.error or "")


@pytest.mark.parametrize(
    ("overview", "expected"),
    [
        ('{"budgetTopicActionMap": {}}', {}),
        ("pas du JSON", {}),
        ('{"budgetTopicActionMap": {"1": [{"action": "T-1 - IA", "minContribution": 2000000, "maxContribution": 4000000},'
         ' {"action": "AUTRE - RIA", "minContribution": 9, "maxContribution": 99000000}]}}',
         {"amount_min": 2_000_000.0, "amount_max": 4_000_000.0}),
        ('{"budgetTopicActionMap": {"1": [{"action": "X - IA", "maxContribution": 500000}]}}', {"amount_max": 500_000.0}),
        ('{"budgetTopicActionMap": {"1": [{"action": "T-1 - IA", "minContribution": null}]}}', {}),
    ],
)
def test_the_grant_range_is_read_from_the_topics_own_budget_actions(overview: str, expected: dict) -> None:
    from crawlers.spiders.eu_funding_tenders import grant_range

    assert grant_range(overview, "T-1") == expected
