"""The appelsprojetsrecherche.fr kind: AJAX POST pages of JSON wrapping HTML cards → records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from expected_records import assert_expected, normalise_all, split_output
from scrapy.http import Request, TextResponse

from crawlers.items import RawItem
from crawlers.registry import spider_class
from models.config.schema import SourceConfig

FOLDER = Path(__file__).parent / "data" / "sources" / "appels-projets-recherche"
BASE = "https://www.appelsprojetsrecherche.fr"
LISTING = f"{BASE}/ajax/search-call-for-proposals?page={{}}&nbElementsPerPage=3"


def spider(**options: Any) -> Any:
    config = SourceConfig(slug="appels-projets-recherche", kind="appels_projets_recherche", url=BASE,
                          options={"page_size": 3, **options})
    return spider_class("appels_projets_recherche")(source=config)


def run(apr: Any, page: int, body: bytes, status: int = 200) -> tuple[list[RawItem], list[Request]]:
    response = TextResponse(url=LISTING.format(page), body=body, status=status, encoding="utf-8")
    return split_output(apr.parse(response))


def test_a_page_is_asked_for_as_the_site_script_posts_it() -> None:
    request = spider(terms="industrie", partners=["ADEME"]).page_request(2)
    assert (request.method, request.url) == ("POST", LISTING.format(2))
    assert request.headers["X-Requested-With"] == b"XMLHttpRequest"
    assert parse_qsl(request.body.decode()) == [
        ("call_for_proposal_search[terms]", "industrie"), ("call_for_proposal_search[sort]", "applyClosingDate-asc"),
        ("call_for_proposal_search[status][]", "open"), ("call_for_proposal_search[status][]", "upcoming"),
        ("call_for_proposal_search[partners][]", "ADEME"),
    ]


def test_cards_of_every_page_map_to_the_expected_records() -> None:
    apr = spider()
    items, [following] = run(apr, 1, (FOLDER / "search.page-1.json").read_bytes())
    assert following.url == LISTING.format(2)
    more, none = run(apr, 2, (FOLDER / "search.page-2.json").read_bytes())
    assert none == [] and apr.error is None
    assert_expected(normalise_all(items + more), FOLDER / "expected.json")


@pytest.mark.parametrize(
    ("badge_status", "title"),
    [("open", "Appel à projets générique 2027"), ("upcoming", "Énergie durable"), ("closed", "Santé au travail")],
)
def test_the_footer_badge_gives_the_deadline_or_the_state(badge_status: str, title: str) -> None:
    records = json.loads((FOLDER / "expected.json").read_text("utf-8"))["records"]
    record = next(r for r in records if r["title"].startswith(title))
    expected = {
        "open": ("open", None, ["2027-01-14"]), "upcoming": ("upcoming", "upcoming", []),
        "closed": ("closed", "closed", []),
    }
    assert (record["status"], record["stated_status"], record["close_dates"]) == expected[badge_status]


@pytest.mark.parametrize(
    ("body", "expected_error"),
    [
        ((FOLDER / "search.layout-changed.json").read_bytes(), "aucune carte div.card-call-for-proposal"),
        (b"<!DOCTYPE html><html><body>Erreur</body></html>", "réponse JSON invalide"),
        (b'{"results": []}', "pas de call_for_proposals"),
    ],
    ids=["layout-changed", "html-instead-of-json", "changed-shape"],
)
def test_a_changed_answer_fails_the_source_in_french(body: bytes, expected_error: str) -> None:
    apr = spider()
    assert run(apr, 1, body) == ([], [])
    assert expected_error in (apr.error or "")


def card_record(slug: str, title: str, text: str, badge: str) -> dict[str, Any]:
    """The record of a one-card page: an ANR call at /appel/`slug`, its card text and footer badge."""
    card = (
        '<div class="card card-call-for-proposal"><div class="card-body"><p class="text-primary">ANR</p>'
        f'<h3 class="card-title"><a href="/appel/{slug}">{title}</a></h3>'
        f'<div class="card-text fs-5"><p>{text}</p></div></div>'
        f'<div class="card-footer"><span class="badge">{badge}</span></div></div>'
    )
    body = json.dumps({"call_for_proposals": card, "pagination": {"total": 1}}).encode()
    [record] = normalise_all(run(spider(), 1, body)[0])["records"]
    return record


def test_the_amounts_stated_in_a_card_are_read() -> None:
    record = card_record(
        "aap-hydrogene-2027", "AAP Hydrogène 2027",
        "Appel ouvert aux consortiums. Financement de 200 000 € à 600 000 € "
        "par projet, jusqu’à 100 % des coûts marginaux pour les laboratoires.", "3 mars 2027, 13:00:00 UTC+1")
    assert (record["amount_min"], record["amount_max"], record["rate_max"]) == (200_000, 600_000, 100)


def test_a_card_s_regional_strand_and_its_stated_steps_are_read() -> None:
    record = card_record(
        "volet-bretagne", "Volet régionalisé Bretagne – Algues vertes",
        "Deux étapes : lettres d’intention jusqu’au 12 janvier 2027, dossiers "
        "complets jusqu’au 6 avril 2027.", "12 janv. 2027, 12:00:00 UTC+1")
    assert record["geo_codes"] == ["REG-53"]
    assert record["close_dates"] == ["2027-01-12", "2027-04-06"]


def test_who_may_apply_is_read_from_the_card() -> None:
    record = card_record(
        "chaires-chimie", "Chaires industrielles en chimie verte",
        "Équipes de recherche académiques, en lien avec une PME partenaire. "
        "Aide de 150 000 € à 500 000 €.", "12 janv. 2027, 12:00:00 UTC+1")
    assert record["beneficiaries"] == ["recherche"]
