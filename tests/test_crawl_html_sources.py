"""HTML source kinds crawl saved sites (listing pages, pager, detail pages) into the expected records.

Each spider follows its own requests over tests/data/sources/<slug>/ (tests/offline_crawl.py: no
network, a missing page answers 404); tests/expected_records.py: VIGIE_REGENERATE=1 rewrites the expected files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from expected_records import AS_OF, assert_expected, normalise_all
from scrapy.http import Request
from twisted.internet.error import TimeoutError as TxTimeoutError
from twisted.python.failure import Failure

from crawlers.normalise.text import one_line
from crawlers.normalise import normalise_item
from crawlers.registry import spider_class
from models.config.schema import SourceConfig
from offline_crawl import OfflineCrawl, crawl_offline, fixture_name

DATA = Path(__file__).parent / "data" / "sources"


@dataclass(frozen=True)
class Site:
    slug: str
    kind: str
    url: str
    options: dict[str, Any] = field(default_factory=dict)
    expected: str = "expected.json"


SITES = [
    Site("bpifrance", "bpifrance", "https://www.bpifrance.fr/nos-appels-a-projets-concours"),
    Site("ademe-catalogue-entreprises", "ademe_catalogue", "https://agirpourlatransition.ademe.fr",
         {"audience": "entreprises"}),
    Site("dge", "dge",
         "https://www.entreprises.gouv.fr/espace-entreprises/appels-a-projets-et-appels-a-manifestation-d-interet"),
    Site("banque-territoires", "banque_territoires",
         "https://www.banquedesterritoires.fr/france-2030/appels-projets-en-cours"),
    Site("auvergne-rhone-alpes", "aura", "https://www.auvergnerhonealpes.fr/aides"),
    Site("grand-est", "grandest", "https://www.grandest.fr/aides/"),
    Site("nouvelle-aquitaine", "rss", "https://les-aides.nouvelle-aquitaine.fr/fiches-rss.xml",
         {"funder": "Région Nouvelle-Aquitaine", "geo": ["REG-75"], "detail_pages": True}, "expected_details.json"),
]
BY_SLUG = {site.slug: site for site in SITES}


def make_spider(site: Site) -> Any:
    source = SourceConfig(slug=site.slug, kind=site.kind, url=site.url, options=site.options)
    return spider_class(site.kind)(source=source)


def crawl(site: Site, overrides: dict[str, bytes] | None = None) -> tuple[Any, OfflineCrawl]:
    spider = make_spider(site)
    start = getattr(spider, "listing_url", lambda: site.url)()
    return spider, crawl_offline(spider, DATA / site.slug, Request(start, callback=spider.parse), overrides)


@pytest.mark.parametrize("site", SITES, ids=lambda s: s.slug)
def test_saved_site_crawls_into_the_expected_records(site: Site) -> None:
    spider, result = crawl(site)
    assert spider.error is None
    assert_expected(normalise_all(result.items), DATA / site.slug / site.expected)


@pytest.mark.parametrize("site", SITES[:6], ids=lambda s: s.slug)
def test_a_listing_whose_layout_changed_fails_the_source_in_french(site: Site) -> None:
    listing = fixture_name(getattr(make_spider(site), "listing_url")())
    changed = (DATA / site.slug / "changed-layout.html").read_bytes()
    spider, result = crawl(site, {listing: changed})
    assert result.items == []
    assert "mise en page inattendue" in (spider.error or "") and "structure du site" in spider.error


def records_by_id(slug: str) -> dict[str, Any]:
    _, result = crawl(BY_SLUG[slug])
    return {item.source_id: normalise_item(item, AS_OF) for item in result.items}


def test_bpifrance_deadlines_come_from_the_page_not_only_from_the_card_range() -> None:
    usine = records_by_id("bpifrance")["appel-a-projets-premiere-usine"]
    assert [d.isoformat() for d in usine.close_dates] == ["2027-01-14", "2027-04-15", "2027-09-09", "2027-12-15"]
    assert "France 2030" in usine.programmes and usine.apply_url == "https://www.picxel.bpifrance.fr/"


def test_bpifrance_reads_each_call_once_and_follows_the_pager() -> None:
    spider, result = crawl(BY_SLUG["bpifrance"])
    listings = [url for url, _ in result.fetched if "?" in url or url.endswith("concours")]
    assert listings[-1].endswith("?page=1") and len(listings) == 2
    ids = [item.source_id for item in result.items]
    assert len(ids) == len(set(ids)) == 5 and spider.items_found == 5


def test_a_detail_page_that_fails_keeps_the_call_from_the_listing() -> None:
    _, result = crawl(BY_SLUG["bpifrance"])
    pepite = next(item for item in result.items if item.source_id == "prix-pepite-tremplin-2027")
    assert pepite.close_dates == ["2026-12-18"]
    assert "HTTP 404" in pepite.raw["detail_error"]


def test_a_detail_page_without_answer_keeps_the_call_too() -> None:
    spider = make_spider(BY_SLUG["bpifrance"])
    item = spider.base_item("https://www.bpifrance.fr/nos-appels-a-projets-concours/x", source_id="x", title="X")
    failure = Failure(TxTimeoutError("délai"))
    failure.request = Request(item.url, cb_kwargs={"item": item})
    kept = list(spider.detail_failed(failure))
    assert kept == [item] and "pas de réponse" in item.raw["detail_error"] and spider.error is None


def test_ademe_catalogue_tells_calls_from_guichets_and_skips_experience_reports() -> None:
    records = records_by_id("ademe-catalogue-entreprises")
    assert "reseau-de-chaleur-de-condom" not in records
    assert "appel_a_projets" in records["decarbonation-des-procedes-industriels-dcarb"].instruments
    assert records["etudes-economie-circulaire"].status == "permanent"
    assert records["ecoconception-des-produits"].status == "closed"
    assert records["chaleur-renouvelable-biomasse-industrie"].geo_codes == ["REG-76"]


def test_dge_falls_back_to_call_links_when_the_cards_are_gone() -> None:
    site = BY_SLUG["dge"]
    listing = fixture_name(site.url)
    bare = (b'<html><body><main><ul><li><a href="/espace-entreprises/appels-a-projets-et-appels-a-manifestation'
            b'-d-interet/grands-projets-0">Grands projets industriels</a></li></ul></main></body></html>')
    spider, result = crawl(site, {listing: bare})
    assert spider.error is None
    assert [(i.source_id, i.close_dates) for i in result.items] == [("grands-projets-0", ["2026-09-07"])]


def test_aura_stops_paging_once_every_announced_result_was_seen() -> None:
    _, result = crawl(BY_SLUG["auvergne-rhone-alpes"])
    assert not any("page=2" in url for url, _ in result.fetched)
    assert len(result.items) == 3


def test_grand_est_reads_both_card_markups_and_stops_past_the_last_page() -> None:
    _, result = crawl(BY_SLUG["grand-est"])
    assert ("https://www.grandest.fr/aides/page/3/?pg=3", 404) in result.fetched
    kinds = {item.source_id: item.instrument_labels for item in result.items}
    assert kinds["climaxion-chaleur-renouvelable"] == ["Appel à projets"]
    assert kinds["territoires-dindustrie-ingenierie"] == ["Appels à projets"]
    assert kinds["be-est-entreprises-developpement"] == []


def test_nouvelle_aquitaine_fiche_pages_add_publics_deadline_and_sections() -> None:
    items = {i.title: i for i in crawl(BY_SLUG["nouvelle-aquitaine"])[1].items}
    fiche = normalise_item(items["Appel à projets Industrie du futur"], AS_OF)
    assert [d.isoformat() for d in fiche.close_dates] == ["2027-01-15", "2027-02-26"]
    assert (fiche.amount_min, fiche.amount_max, fiche.rate_max) == (20_000, 200_000, 40)
    assert "Numérique" in fiche.themes and "Association" in items[fiche.title].beneficiary_labels
    # The « Bénéficiaires » section (« PME industrielles ») is narrower than the publics « Entreprise, Association ».
    assert fiche.beneficiaries == ["pme"]


def test_rss_without_detail_pages_asks_for_no_page() -> None:
    site = Site("nouvelle-aquitaine", "rss", BY_SLUG["nouvelle-aquitaine"].url, {"geo": ["REG-75"]})
    _, result = crawl(site)
    assert len(result.fetched) == 1 and len(result.items) == 2


EMPTY_FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Les aides</title></channel></rss>'
NA_HOME = b"""<html><body><nav><a href="/contact">Contact</a><a href="/fiches-rss.xml">RSS</a>
<a href="https://www.nouvelle-aquitaine.fr/actualites/agenda">Agenda</a><a href="/a/b/c">Profond</a></nav>
<main><a href="/economie-et-emploi/industrie-du-futur">Industrie du futur</a>
<a href="/economie-et-emploi/industrie-du-futur?utm_source=x">Industrie du futur (partage)</a>
<a href="/actualites/salon-2026">Salon 2026</a></main></body></html>"""


@pytest.mark.parametrize(
    ("home", "expected_titles", "expected_error"),
    [
        (NA_HOME, ["Appel à projets Industrie du futur"], None),
        (b"<html><body><a href='/contact'>Contact</a></body></html>", [], "aucun lien de fiche"),
    ],
)
def test_an_empty_nouvelle_aquitaine_feed_falls_back_to_the_fiche_links_of_the_site(
    home: bytes, expected_titles: list[str], expected_error: str | None
) -> None:
    site = replace(BY_SLUG["nouvelle-aquitaine"], options={**BY_SLUG["nouvelle-aquitaine"].options, "fallback_path": "/"})
    spider, result = crawl(site, {"fiches-rss.xml": EMPTY_FEED, "index.html": home})
    assert [one_line(i.title) for i in result.items] == expected_titles
    asked = [url.rsplit("/", 2)[-2:] for url, _ in result.fetched[2:]]
    assert asked == ([["economie-et-emploi", "industrie-du-futur"], ["actualites", "salon-2026"]] if home == NA_HOME else [])
    assert (spider.error or "").startswith("mise en page inattendue") == bool(expected_error)
    assert expected_error is None or expected_error in spider.error and "le flux RSS était vide" in spider.error
