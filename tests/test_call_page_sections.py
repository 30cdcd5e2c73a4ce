"""The HTML sources read who may apply, the calendar and the coverage from each call's own page, whatever
the markup of its headings; a régionalised call of a national operator covers its région."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy.http import HtmlResponse

from crawlers.items import RawItem
from crawlers.registry import spider_class
from crawlers.sites import join_url
from crawlers.spiders.html_text import title_region_codes
from crawlers.spiders.ods_detail import read_record_page
from crawlers.spiders.ods_shapes import map_idf_record
from crawlers.options import OpendatasoftOptions
from models.config.schema import SourceConfig

SOURCES = {
    "bpifrance": ("https://www.bpifrance.fr/nos-appels-a-projets-concours", ".body-content"),
    "dge": ("https://www.entreprises.gouv.fr/espace-entreprises/appels-a-projets-et-appels-a-manifestation-d-interet",
            "main"),
    "banque_territoires": ("https://www.banquedesterritoires.fr/france-2030/appels-projets-en-cours", "article"),
    "grandest": ("https://www.grandest.fr/aides/", "div.pf-content"),
}
WHO = [
    "<h2>Porteurs de projet</h2><p>PME industrielles implantées en France.</p>",
    "<div class='fr-accordion'><h3><button aria-controls='a1'>Qui peut candidater ?</button></h3>"
    "<div id='a1'><p>PME industrielles implantées en France.</p></div></div>",
    "<dl><dt>Pour qui ?</dt><dd>PME industrielles implantées en France.</dd></dl>",
    "<p><strong>Bénéficiaires</strong></p><p>PME industrielles implantées en France.</p>",
    "<section><h2>Êtes-vous concerné ?</h2></section><p>PME industrielles implantées en France.</p>",
]


def read(kind: str, body: str, title: str = "Appel", url_tail: str = "appel") -> RawItem:
    listing, container = SOURCES[kind]
    spider = spider_class(kind)(source=SourceConfig(slug=kind.replace("_", "-"), kind=kind, url=listing))
    url = f"{listing.rstrip('/')}/{url_tail}"
    classes = container.split(".", 1)[1] if "." in container else ""
    tag = container.split(".", 1)[0]
    page = f"<html><body><main><h1>{title}</h1><{tag} class='{classes}'>{body}</{tag}></main></body></html>"
    response = HtmlResponse(url=url, body=page.encode(), encoding="utf-8")
    item = spider.base_item(url, source_id=url_tail, title=title)
    return spider.read_detail(response, item)


@pytest.mark.parametrize("kind", SOURCES)
@pytest.mark.parametrize("who", WHO)
def test_the_block_on_who_may_apply_becomes_the_eligibility_text(kind: str, who: str) -> None:
    body = f"<p>Le programme finance des lignes pilotes.</p>{who}<h2>Dépenses éligibles</h2><p>Études et travaux.</p>"
    item = read(kind, body)
    assert item.eligibility_text.strip() == "PME industrielles implantées en France."


@pytest.mark.parametrize("kind", SOURCES)
@pytest.mark.parametrize(
    ("calendar", "expected"),
    [
        ("<h2>Calendrier</h2><p>Calendrier 2027 : 8 février, 10 mai et 4 octobre.</p>",
         ["2027-02-08", "2027-05-10", "2027-10-04"]),
        ("<h3>Dates clés</h3><ul><li>Lancement : 4 janvier 2027</li><li>16 mars 2027</li><li>14 septembre 2027</li></ul>",
         ["2027-03-16", "2027-09-14"]),
        ("<dl><dt>Dates importantes</dt><dd>11 janvier 2027</dd><dd>12 avril 2027</dd></dl>",
         ["2027-01-11", "2027-04-12"]),
    ],
)
def test_every_deadline_of_the_calendar_block_is_read(kind: str, calendar: str, expected: list[str]) -> None:
    assert read(kind, f"<p>Un appel pour l'industrie.</p>{calendar}").close_dates == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Appel à projets Innovation – volet régionalisé Bretagne", ["REG-53"]),
        ("Hauts-de-France | Appel à projets du volet régionalisé – filières", ["REG-32"]),
        ("AAP France 2030 régionalisé Normandie : projets d'innovation", ["REG-28"]),
        ("Concours i-Nov – vague 19", []),
        ("Bretagne et Normandie – volet régionalisé commun", []),
        ("Volet régionalisé national – toutes les régions", []),
    ],
)
def test_a_regionalised_call_of_a_national_operator_covers_its_region(title: str, expected: list[str]) -> None:
    assert title_region_codes(title) == expected


def test_a_bpifrance_card_of_a_regionalised_call_gets_its_region() -> None:
    listing = SOURCES["bpifrance"][0]
    spider = spider_class("bpifrance")(source=SourceConfig(slug="bpifrance", kind="bpifrance", url=listing))
    card = ("<div class='article-card'><span class='card-date'>01/10/2026 au 30/04/2027</span><div class='desc'>"
            "<h3><a href='/nos-appels-a-projets-concours/x'>AAP Agroalimentaire – volet régionalisé Occitanie</a></h3>"
            "</div></div>")
    response = HtmlResponse(url=listing, body=card.encode(), encoding="utf-8")
    item = spider.card(response.css("div.article-card")[0], listing)
    assert item is not None and item.geo_codes == ["REG-76"]


def aura_page(sections: str) -> RawItem:
    listing = "https://www.auvergnerhonealpes.fr/aides"
    spider = spider_class("aura")(source=SourceConfig(slug="aura", kind="aura", url=listing))
    page = (f"<html><body><main><article class='node node--type-aid node--view-mode-full'><h1>Aide</h1>"
            f"<div class='c-project'>{sections}</div></article></main></body></html>")
    response = HtmlResponse(url=f"{listing}/x", body=page.encode(), encoding="utf-8")
    return spider.read_detail(response, spider.base_item(f"{listing}/x", source_id="/aides/x", title="Aide"))


@pytest.mark.parametrize("heading", ["Pour qui ?", "Qui peut en bénéficier ?", "Public cible"])
def test_aura_reads_who_may_apply_under_each_wording(heading: str) -> None:
    item = aura_page(f"<h2 class='c-project__title'>{heading}</h2><div><p>Communes et EPCI.</p></div>"
                     "<h2 class='c-project__title'>Votre projet</h2><div><p>Chaufferies.</p></div>")
    assert item.eligibility_text == "Communes et EPCI."


@pytest.mark.parametrize("heading", ["<h2>Pour qui ?</h2>", "<h3>Bénéficiaires</h3>", "<p><strong>Porteurs de projet</strong></p>"])
def test_an_aura_page_without_its_usual_section_titles_is_cut_by_its_headings(heading: str) -> None:
    item = aura_page(f"<p>Un appel.</p>{heading}<p>Associations et communes.</p><h2>Contact</h2><p>x@y.fr</p>")
    assert item.eligibility_text.strip() == "Associations et communes."


def test_aura_reads_the_dates_of_its_next_steps_section() -> None:
    item = aura_page("<h2 class='c-project__title'>Prochaines étapes</h2><div><p>Calendrier 2027 : 1er mars et "
                     "6 septembre.</p></div><h2 class='c-project__title'>Contact</h2><div><p>x@y.fr</p></div>")
    assert item.close_dates == ["2027-03-01", "2027-09-06"]


def test_an_occitanie_page_limiting_the_call_to_departements_covers_them_only() -> None:
    page = ("<html><body><article><h1>AAP</h1><div class='article__texte'><h2>Territoires concernés</h2>"
            "<p>Projets situés dans l'Ariège (09), l'Aude (11) ou les Pyrénées-Orientales (66).</p></div></article>"
            "</body></html>")
    response = HtmlResponse(url="https://www.laregion.fr/AAP", body=page.encode(), encoding="utf-8")
    item = RawItem(source="occitanie", position=1, url=response.url, title="AAP", geo_codes=["REG-76"])
    assert read_record_page(response, item).geo_codes == ["DEP-09", "DEP-11", "DEP-66"]


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("modalite", "<ul><li>1ère session : jusqu'au 12 octobre 2026 ;</li><li>2ème session : jusqu'au 18 janvier 2027.</li></ul>"),
        ("demarches", "<p>Dépôt des dossiers avant le 12 octobre 2026, puis date limite le 18 janvier 2027.</p>"),
        ("notes", "<p>Sessions de dépôt : 12 octobre 2026 et 18 janvier 2027.</p>"),
    ],
)
def test_idf_sessions_written_in_the_texts_are_deadlines_too(field: str, text: str) -> None:
    fields: dict[str, Any] = {"id_aide": "a1", "nom_de_l_aide_de_la_demarche": "AAP", field: text,
                              "date_cloture": "2027-01-18T22:59:00+00:00"}
    item = map_idf_record(fields, "idf", 1, OpendatasoftOptions(dataset="d", geo=["REG-11"]))
    assert {day[:10] for day in item.close_dates} == {"2026-10-12", "2027-01-18"}


@pytest.mark.parametrize(
    ("base", "href", "expected"),
    [
        ("http://127.0.0.1:8123/www.auvergnerhonealpes.fr/aides", "/aides/x",
         "http://127.0.0.1:8123/www.auvergnerhonealpes.fr/aides/x"),
        ("http://127.0.0.1:8123/www.bpifrance.fr/nos-appels?page=0", "?page=1",
         "http://127.0.0.1:8123/www.bpifrance.fr/nos-appels?page=1"),
        ("https://www.bpifrance.fr/nos-appels", "/nos-appels/y", "https://www.bpifrance.fr/nos-appels/y"),
        ("http://127.0.0.1:8123/www.grandest.fr/aides/", "https://www.grandest.fr/z/", "https://www.grandest.fr/z/"),
    ],
)
def test_a_root_relative_link_stays_on_the_site_that_served_the_page(base: str, href: str, expected: str) -> None:
    assert join_url(base, href) == expected


@pytest.mark.parametrize(
    ("notes", "codes"),
    [
        ("<p>Seuls les ateliers situés dans les Yvelines ou en Essonne sont retenus.</p>", ["DEP-78", "DEP-91"]),
        ("<p>Les projets situés à Paris ne sont pas éligibles.</p>",
         ["DEP-77", "DEP-78", "DEP-91", "DEP-92", "DEP-93", "DEP-94", "DEP-95"]),
    ],
    ids=["departements-kept", "paris-left-out"],
)
def test_idf_notes_say_where_the_call_applies(notes: str, codes: list[str]) -> None:
    from datetime import date

    from crawlers.normalise import normalise_item

    fields: dict[str, Any] = {"id_aide": "a2", "reference_administrative": "2002",
                              "nom_de_l_aide_de_la_demarche": "AAP", "notes": notes,
                              "objectif": "<p>Moderniser les ateliers.</p>"}
    item = map_idf_record(fields, "idf", 1, OpendatasoftOptions(dataset="d", geo=["REG-11"]))
    assert sorted(normalise_item(item, date(2026, 12, 1)).geo_codes) == codes
