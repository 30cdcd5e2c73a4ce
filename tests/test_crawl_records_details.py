"""Occitanie records read the laregion.fr page they link to (tests/data/sources/occitanie/pages/, no network).

The dataset has no close-date field: the deadline and the « Bénéficiaires » section are on the page.
A page that cannot be read keeps the record as the dataset describes it; a closed record asks for no page.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import Request, TextResponse
from twisted.internet.error import TimeoutError as TxTimeoutError
from twisted.python.failure import Failure

from crawlers.items import RawItem
from crawlers.normalise import normalise_item
from crawlers.registry import spider_class
from crawlers.sites import page_url, same_organisation
from crawlers.spiders.ods_detail import needs_page
from models.config.schema import SourceConfig
from offline_crawl import OfflineCrawl, crawl_offline, fixture_name

ROOT = Path(__file__).parents[1]
FOLDER = Path(__file__).parent / "data" / "sources" / "occitanie"
AS_OF = date(2026, 11, 23)
DATASET = "aides-et-appels-a-projets-de-la-region-occitanie"
OPTIONS = {"dataset": DATASET, "funder": "Région Occitanie", "geo": ["REG-76"], "detail_pages": True}
PAGE = "https://www.laregion.fr/{}"


def crawl(options: dict[str, Any] = OPTIONS, site: str = "https://data.laregion.fr") -> tuple[Any, OfflineCrawl]:
    spider = spider_class("opendatasoft")(source=SourceConfig(slug="occitanie", kind="opendatasoft", url=site,
                                                              options=options))
    listing = spider.page_url(0)
    records = {fixture_name(listing): (FOLDER / "records-with-pages.json").read_bytes()}
    return spider, crawl_offline(spider, FOLDER / "pages", Request(listing, callback=spider.parse), records)


def by_slug(result: OfflineCrawl) -> dict[str, RawItem]:
    return {item.url.rsplit("/", 1)[-1]: item for item in result.items}


def test_an_open_record_takes_its_deadline_and_beneficiaries_from_its_page() -> None:
    spider, result = crawl()
    items = by_slug(result)
    usines = normalise_item(items["Usines-bas-carbone"], AS_OF)
    assert [d.isoformat() for d in usines.close_dates] == ["2027-03-15"]  # not the 2020 date of the download box
    assert "PME industrielles" in usines.eligibility_text and "pme" in usines.beneficiaries
    assert (usines.amount_max, usines.rate_max) == (300_000, 40)
    friches = normalise_item(items["Friches-vocation-economique"], AS_OF)
    assert [d.isoformat() for d in friches.close_dates] == ["2027-06-30"]
    assert "intercommunalités" in friches.eligibility_text
    assert {"commune", "epci"} <= set(friches.beneficiaries)
    assert spider.error is None and len(result.items) == 9


def test_a_page_that_cannot_be_read_keeps_the_record_as_the_dataset_gave_it() -> None:
    spider, result = crawl()
    items = by_slug(result)
    missing, changed = items["Pass-Export-Occitanie"], items["Tiers-lieux-productifs"]
    assert missing.close_dates == ["2027-02-12"] and "HTTP 404" in missing.raw["detail_error"]
    assert changed.close_dates == [] and changed.eligibility_text == ""  # the unrecognised page is not guessed at
    assert "mise en page inattendue" in changed.raw["detail_error"]
    assert "article__texte" in changed.raw["detail_error"]
    assert (spider.error, spider.warnings) == (None, 2)


def test_a_page_without_answer_keeps_the_record_too() -> None:
    spider, _ = crawl()
    item = RawItem(source="occitanie", position=1, url=PAGE.format("Lent"), title="Appel lent", close_dates=["2027-05-05"])
    failure = Failure(TxTimeoutError("délai"))
    failure.request = Request(item.url, cb_kwargs={"item": item})
    assert list(spider.detail_failed(failure)) == [item]
    assert item.close_dates == ["2027-05-05"] and "pas de réponse" in item.raw["detail_error"]


@pytest.mark.parametrize("slug", ["Hydrogene-vert", "Relocalisation-chaines-valeur", "Economie-circulaire-industrie"])
def test_a_record_marked_closed_asks_for_no_page(slug: str) -> None:
    _, result = crawl()
    assert PAGE.format(slug) not in [url for url, _ in result.fetched]
    item = by_slug(result)[slug]
    assert item.closed and item.close_dates == [] and "detail_error" not in item.raw


def test_a_page_that_says_the_call_is_closed_closes_it() -> None:
    _, result = crawl()
    robot = normalise_item(by_slug(result)["Robotique-collaborative"], AS_OF)
    assert robot.status.value == "closed"


def test_a_page_on_another_site_is_not_read() -> None:
    _, result = crawl()
    assert not any("initiative-occitanie" in url for url, _ in result.fetched)
    assert "detail_error" not in by_slug(result)["pret-honneur-innovation"].raw


def test_on_a_local_mirror_the_real_site_is_never_asked_the_mirrors_copy_is() -> None:
    _, result = crawl(site="http://127.0.0.1:8765/data.laregion.fr")
    fetched = [url for url, _ in result.fetched]
    assert not any(url.startswith("https://") for url in fetched)
    assert "http://127.0.0.1:8765/www.laregion.fr/Usines-bas-carbone" in fetched
    assert not any("initiative-occitanie" in url for url in fetched)
    assert len(result.items) == 9


@pytest.mark.parametrize(
    "url, site, expected",
    [
        ("https://www.laregion.fr/Aide", "https://data.laregion.fr/api/x", "https://www.laregion.fr/Aide"),
        ("https://www.laregion.fr/Aide?id=3", "http://127.0.0.1:8765/data.laregion.fr/api/x",
         "http://127.0.0.1:8765/www.laregion.fr/Aide?id=3"),
        ("https://www.bpifrance.fr/x", "http://127.0.0.1:8765/data.laregion.fr/api/x", None),
        ("https://www.bpifrance.fr/x", "https://data.laregion.fr/api/x", None),
        ("http://127.0.0.1:8765/data.laregion.fr/p", "http://127.0.0.1:8765/data.laregion.fr/api/x",
         "http://127.0.0.1:8765/data.laregion.fr/p"),
    ],
    ids=["sibling-host", "sibling-on-mirror", "other-site-on-mirror", "other-site", "mirror-itself"],
)
def test_a_page_is_read_where_its_site_is_served(url: str, site: str, expected: str | None) -> None:
    assert page_url(url, site) == expected


def test_without_detail_pages_only_the_dataset_is_read() -> None:
    _, result = crawl({k: v for k, v in OPTIONS.items() if k != "detail_pages"})
    assert len(result.fetched) == 1 and len(result.items) == 9
    assert by_slug(result)["Usines-bas-carbone"].close_dates == []


def test_the_shipped_configuration_reads_occitanie_pages() -> None:
    sources = tomllib.loads((ROOT / "config" / "sources.toml").read_text("utf-8"))["source"]
    occitanie = next(s for s in sources if s["slug"] == "occitanie")
    assert occitanie["options"]["detail_pages"] is True


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, True),
        ({"close_dates": ["2027-01-01"]}, True),
        ({"beneficiary_labels": ["Entreprise"]}, True),
        ({"close_dates": ["2027-01-01"], "beneficiary_labels": ["Entreprise"]}, False),
        ({"closed": True}, False),
        ({"url": ""}, False),
    ],
    ids=["nothing", "no-beneficiaries", "no-date", "both", "closed", "no-link"],
)
def test_a_record_needs_its_page_when_it_lacks_a_date_or_beneficiaries(fields: dict[str, Any], expected: bool) -> None:
    item = RawItem(**{"source": "s", "position": 1, "url": PAGE.format("X"), "title": "X", **fields})
    assert needs_page(item) is expected


@pytest.mark.parametrize(
    ("url", "site", "expected"),
    [
        ("https://www.laregion.fr/Aide", "https://data.laregion.fr", True),
        ("https://hubentreprendre.laregion.fr/financement/x", "https://data.laregion.fr", True),
        ("https://www.iledefrance.fr/aides/x", "https://data.iledefrance.fr", True),
        ("https://www.bpifrance.fr/x", "https://data.laregion.fr", False),
        ("https://www.ecologie.gouv.fr/x", "https://www.data.gouv.fr", False),
        ("https://www.laregion.fr/Aide", "http://127.0.0.1:8765/data.laregion.fr", False),
        ("http://127.0.0.1:8765/www.laregion.fr/Aide", "http://127.0.0.1:8765/data.laregion.fr", True),
    ],
)
def test_pages_of_the_portal_organisation_count_as_its_site(url: str, site: str, expected: bool) -> None:
    assert same_organisation(url, site) is expected


def test_a_v1_record_reads_its_page_as_well() -> None:
    records = json.loads((FOLDER / "records-with-pages.json").read_text("utf-8"))["results"][:1]
    body = json.dumps({"nhits": 1, "records": [{"recordid": "r1", "fields": records[0]}]}).encode()
    spider = spider_class("opendatasoft")(source=SourceConfig(slug="occitanie", kind="opendatasoft",
                                                              url="https://data.laregion.fr",
                                                              options={**OPTIONS, "api": "v1"}))
    response = TextResponse(url=spider.page_url(0), body=body, encoding="utf-8")
    requests = [o for o in spider.parse(response) if isinstance(o, Request)]
    assert [r.url for r in requests] == [PAGE.format("Usines-bas-carbone")]
