"""The Aides-territoires kind: key → token exchange, pages followed by `next`, aid objects → records."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from expected_records import assert_expected, normalise_all, split_output
from scrapy.http import Request, TextResponse

from crawlers.configured import unconfigured_reason
from crawlers.items import RawItem
from crawlers.registry import spider_class
from crawlers.spiders.at_shapes import perimeter_codes
from models.config.schema import SourceConfig
from offline_crawl import fixture_path

FOLDER = Path(__file__).parent / "data" / "sources" / "aides-territoires"
BASE = "https://aides-territoires.beta.gouv.fr"
KEY_ENV = "VIGIE_TEST_AT_KEY"
OPTIONS = {"api_key_env": KEY_ENV, "programs": ["territoires-dindustrie"], "items_per_page": 3}


def source(**options: Any) -> SourceConfig:
    return SourceConfig(slug="aides-territoires", kind="aides_territoires", url=BASE, options={**OPTIONS, **options})


def spider(**options: Any) -> Any:
    return spider_class("aides_territoires")(source=source(**options))


def response(url: str, body: bytes, status: int = 200) -> TextResponse:
    return TextResponse(url=url, body=body, status=status, encoding="utf-8", headers={"Content-Type": "application/json"})


def run(callback: Any, url: str, body: bytes, status: int = 200) -> tuple[list[RawItem], list[Request]]:
    return split_output(callback(response(url, body, status)))


def first_requests(at_spider: Any) -> list[Request]:
    async def collect() -> list[Request]:
        return [request async for request in at_spider.start()]

    return asyncio.run(collect())


def test_the_key_is_exchanged_for_a_token_sent_as_bearer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, "cle-secrete")
    at = spider()
    [login] = first_requests(at)
    assert (login.method, login.url, login.headers["X-AUTH-TOKEN"]) == ("POST", f"{BASE}/api/connexion/", b"cle-secrete")
    assert login.meta["dont_cache"] is True
    _, [aids] = run(at.on_token, login.url, fixture_path(FOLDER, "connexion.json").read_bytes())
    assert aids.url == f"{BASE}/api/aids/?programs=territoires-dindustrie&page=1&itemsPerPage=3"
    assert aids.headers["Authorization"] == b"Bearer eyJhbGciOiJIUzI1NiJ9.test-fixture.signature"


def test_pages_are_followed_by_next_on_the_configured_host_and_map_to_the_expected_records() -> None:
    at = spider()
    at.source = at.source.model_copy(update={"url": "http://127.0.0.1:8765/aides-territoires.beta.gouv.fr"})
    at.token = "t"
    items, [following] = run(at.parse, f"{BASE}/api/aids/?page=1", (FOLDER / "aids.page-1.json").read_bytes())
    assert following.url == (
        "http://127.0.0.1:8765/aides-territoires.beta.gouv.fr/api/aids/?programs=territoires-dindustrie&page=2&itemsPerPage=3"
    )
    more, none = run(at.parse, following.url, fixture_path(FOLDER, "aids.page-2.json").read_bytes())
    assert none == [] and at.error is None
    assert_expected(normalise_all(items + more), FOLDER / "expected.json")
    assert [i.position for i in items + more] == [1, 2, 3, 4]


def test_without_the_key_the_source_is_not_configured_rather_than_failing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    reason = unconfigured_reason(source())
    assert reason == f"clé d'API absente : définir la variable d'environnement {KEY_ENV}"
    assert unconfigured_reason(source(), {KEY_ENV: "k"}) is None
    assert unconfigured_reason(SourceConfig(slug="x", kind="rss", url="https://x.fr/f.xml")) is None


@pytest.mark.parametrize(
    ("callback", "body", "status", "expected_error"),
    [
        ("parse", (FOLDER / "aids.401.json").read_bytes(), 401, "accès refusé par le site (HTTP 401)"),
        ("parse", b'{"count": 4, "results": [{"id": 1', 200, "réponse JSON invalide"),
        ("parse", b'{"hydra:member": []}', 200, "structure inattendue de la réponse Aides-territoires"),
        ("on_token", b'{"message": "Invalid credentials"}', 200, "pas de jeton dans la réponse"),
    ],
    ids=["token-refused", "invalid-json", "changed-shape", "no-token"],
)
def test_a_refused_or_broken_answer_fails_the_source_in_french(
    callback: str, body: bytes, status: int, expected_error: str
) -> None:
    at = spider()
    items, requests = run(getattr(at, callback), f"{BASE}/api/aids/", body, status)
    assert (items, requests) == ([], [])
    assert expected_error in (at.error or "")


@pytest.mark.parametrize(
    ("perimeter", "scale", "codes"),
    [
        ("France", "Pays", ["PAYS-99100"]),
        ("Europe", "Continent", ["PAYS-99100"]),
        ("Occitanie", "Région", ["REG-76"]),
        ("Gers", "Département", ["DEP-32"]),
        ("Communes littorales", "Ad-hoc", []),
        ("CC de la Lomagne gersoise", "epci", ["EPCI-243200391"]),
        ("Communauté de communes imaginaire", "epci", []),
    ],
)
def test_perimeters_map_to_cog_codes_when_their_scale_says_what_they_are(perimeter: str, scale: str, codes: list[str]) -> None:
    assert perimeter_codes(perimeter, scale) == codes
