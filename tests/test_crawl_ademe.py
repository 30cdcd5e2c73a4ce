"""ADEME (feed and catalogue): who may apply, the territory and the relèves come from each dispositif's page;
the feed's and the cards' coverage labels give COG codes; an update or publication date never closes a call.

Offline crawls over tests/data/sources/ademe-collectivites/ and ademe-catalogue-entreprises/ (tests/offline_crawl.py).
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import feedparser
import pytest
from scrapy.http import Request

from crawlers.normalise import normalise_item
from crawlers.options import RssOptions
from crawlers.registry import spider_class
from crawlers.spiders.rss_shapes import map_feed_entry
from models.config.schema import SourceConfig
from offline_crawl import crawl_offline, fixture_name
from test_crawl_html_sources import AS_OF, BY_SLUG, crawl

DATA = Path(__file__).parent / "data" / "sources"
FEED = "https://agirpourlatransition.ademe.fr/collectivites/rss/appels-a-projet"
CATALOGUE = "https://agirpourlatransition.ademe.fr/entreprises/aides-financieres/catalogue"
SITE = "https://agirpourlatransition.ademe.fr"
CATALOGUE_SLUG = "ademe-catalogue-entreprises"


def feed_records() -> dict[str, Any]:
    """The feed read with its pages, as the shipped configuration reads it."""
    options = {"funder": "ADEME", "detail_pages": True}
    source = SourceConfig(slug="ademe-collectivites", kind="rss", url=FEED, options=options)
    spider = spider_class("rss")(source=source)
    feed = (DATA / "ademe-collectivites" / "appels-a-projet-pages.xml").read_bytes()
    start = Request(FEED, callback=spider.parse)
    result = crawl_offline(spider, DATA / "ademe-collectivites", start, {fixture_name(FEED): feed})
    assert spider.error is None
    return {item.url.rsplit("/", 1)[-1]: (item, normalise_item(item, AS_OF)) for item in result.items}


def catalogue_records(listing: str | None = None) -> dict[str, Any]:
    site = replace(BY_SLUG[CATALOGUE_SLUG], options={"audience": "entreprises", "detail_pages": listing is None})
    overrides = {fixture_name(CATALOGUE): (DATA / CATALOGUE_SLUG / listing).read_bytes()} if listing else None
    spider, result = crawl(site, overrides)
    assert spider.error is None
    return {item.source_id: (item, normalise_item(item, AS_OF)) for item in result.items}


def days(record: Any) -> list[str]:
    return [d.isoformat() for d in record.close_dates]


def shipped_sources() -> list[dict[str, Any]]:
    return tomllib.loads((Path(__file__).parent.parent / "config" / "sources.toml").read_text("utf-8"))["source"]


def test_the_shipped_configuration_reads_every_ademe_page() -> None:
    ademe = [s for s in shipped_sources() if "ademe.fr" in s["url"]]
    assert len(ademe) >= 2 and all(s.get("options", {}).get("detail_pages") is True for s in ademe)


@pytest.mark.parametrize(
    ("slug", "beneficiaries", "not_named"),
    [
        ("reseaux-chaleur-solaire-thermique", {"commune", "epci"}, {"entreprise"}),  # « Pour qui ? », Drupal paragraph
        ("diagnostic-flux-energie-matieres", {"pme", "eti"}, {"entreprise", "ge"}),  # an accordion's summary
        ("reconversion-friches-industrielles", {"commune", "epci", "sem"}, {"entreprise"}),  # a heading in its own div
    ],
)
def test_feed_items_take_who_may_apply_from_their_page(
    slug: str, beneficiaries: set[str], not_named: set[str]
) -> None:
    record = feed_records()[slug][1]
    found = {b.value for b in record.beneficiaries}
    assert beneficiaries <= found and not found & not_named


def test_a_feed_item_whose_page_fails_is_kept_and_names_no_applicant() -> None:
    item, record = feed_records()["froid-renouvelable-ultramarin"]
    assert "HTTP 404" in item.raw["detail_error"] and days(record) == ["2026-12-15"]
    # Filed under /collectivites/, but the feed's space says where ADEME lists a call, not who may apply.
    assert record.beneficiaries == [] and record.geo_codes == []  # « 11 régions dont La Réunion »: unknown


@pytest.mark.parametrize(
    ("slug", "geo", "close", "status"),
    [
        ("reseaux-chaleur-solaire-thermique", ["PAYS-99100"], ["2027-01-15", "2027-04-16"], "open"),
        ("diagnostic-flux-energie-matieres", ["PAYS-99100"], [], "permanent"),
        ("reconversion-friches-industrielles", ["REG-76", "REG-84"], ["2027-01-14"], "open"),
    ],
)
def test_feed_pages_give_territory_and_relèves_but_never_an_update_date(
    slug: str, geo: list[str], close: list[str], status: str
) -> None:
    record = feed_records()[slug][1]
    assert (record.geo_codes, days(record), record.status) == (geo, close, status)


def test_a_feed_page_names_france_2030_and_leaves_out_other_calls_cards() -> None:
    records = feed_records()
    assert "France 2030" in records["reconversion-friches-industrielles"][1].programmes
    # The « Date limite » of a related call's card is not this call's.
    assert "2027-06-30" not in days(records["reseaux-chaleur-solaire-thermique"][1])


def entry(description: str, link: str = f"{SITE}/entreprises/aides-financieres/catalogue/2026/guichet") -> Any:
    xml = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title><item><title>Guichet</title>'
           f"<link>{link}</link><description>{description}</description></item></channel></rss>")
    return feedparser.parse(xml.encode()).entries[0]


@pytest.mark.parametrize(
    ("description", "opening", "close", "geo"),
    [
        ("à partir du 01/01/2026 - 00:00 - Heure de Paris - Toutes les Régions", "01/01/2026", [], ["PAYS-99100"]),
        ("Toutes les Régions", None, [], ["PAYS-99100"]),
        ("du 01/02/2026 - 00:00 - Heure de Paris - Réunion", "01/02/2026", [], ["REG-04"]),
        ("Dernière modification : 14/03/2026 - Heure de Paris - Hauts-de-France", None, [], ["REG-32"]),
        ("Mis à jour le 02/02/2026 – Grand-Est", None, [], ["REG-44"]),
        ("Date de publication : 01/03/2026 - jusqu'au 30/09/2026 - Heure de Paris - Occitanie, Nouvelle-Aquitaine",
         None, ["2026-09-30"], ["REG-76", "REG-75"]),
        ("du 01/06/2026 - 12:00 au 15/12/2026 - 23:59 - Heure de Paris - 11 régions dont La Réunion",
         "01/06/2026", ["15/12/2026"], []),
    ],
)
def test_feed_descriptions_give_dates_only_with_a_cue_and_régions_only_from_a_whole_label(
    description: str, opening: str | None, close: list[str], geo: list[str]
) -> None:
    item = map_feed_entry(entry(description), "ademe", 1, RssOptions(funder="ADEME"))
    assert (item.open_date, item.close_dates, item.geo_codes, item.beneficiary_labels) == (opening, close, geo, [])


@pytest.mark.parametrize(
    ("slug", "beneficiaries", "geo", "close", "status"),
    [
        ("decarbonation-des-procedes-industriels-dcarb", ["pme", "eti"], ["PAYS-99100"],
         ["2026-09-15", "2026-11-17", "2027-01-12"], "open"),  # definition list; « Dernière mise à jour » ignored
        ("etudes-economie-circulaire", ["entreprise", "association"], ["DEP-974"], [], "permanent"),
        # « implantées à La Réunion » narrows the card's « La Réunion, Mayotte »
        ("briques-technologiques-et-demonstrateurs-hydrogene", ["entreprise"], ["PAYS-99100"],
         ["2026-12-15", "2027-03-30", "2027-06-30"], "open"),  # no main nor article; another call's card left out
    ],
)
def test_catalogue_pages_give_applicants_territory_and_relèves(
    slug: str, beneficiaries: list[str], geo: list[str], close: list[str], status: str
) -> None:
    record = catalogue_records()[slug][1]
    assert ([b.value for b in record.beneficiaries], record.geo_codes, days(record), record.status) == (
        beneficiaries, geo, close, status)


def test_with_the_shipped_options_a_catalogue_page_that_fails_keeps_the_card() -> None:
    options = next(s["options"] for s in shipped_sources() if s["kind"] == "ademe_catalogue")
    spider, result = crawl(replace(BY_SLUG[CATALOGUE_SLUG], options=options))
    item = next(i for i in result.items if i.source_id == "chaleur-renouvelable-biomasse-industrie")
    record = normalise_item(item, AS_OF)
    assert spider.error is None and "HTTP 404" in item.raw["detail_error"]
    found = (record.geo_codes, days(record), [b.value for b in record.beneficiaries])
    assert found == (["REG-76"], ["2026-12-31"], ["entreprise"])


@pytest.mark.parametrize(
    ("slug", "geo"),
    [
        ("methanisation-agricole-hdf", ["REG-32"]),  # the summary's « en Bretagne » is no coverage
        ("chaleur-fatale-grand-est", ["REG-44"]),
        ("logistique-urbaine", ["REG-11", "REG-28"]),
        ("froid-solaire-ultramarin", ["REG-01", "REG-02", "REG-03", "REG-04", "REG-06"]),
        ("demonstrateurs-export", []),  # « internationale » says nothing of the territory
    ],
)
def test_catalogue_cards_read_their_régions_label(slug: str, geo: list[str]) -> None:
    assert catalogue_records("cards-regions.html")[slug][1].geo_codes == geo
