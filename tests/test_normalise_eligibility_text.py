"""Applicants named in eligibility text, and amount ranges in running prose."""

from __future__ import annotations

from datetime import date

import pytest
from scrapy.http import HtmlResponse

from crawlers.items import RawItem
from crawlers.normalise import normalise_item
from crawlers.normalise.amounts import Amounts, extract_amounts
from crawlers.normalise.beneficiaries import (
    beneficiaries_in_text,
    beneficiaries_of_label,
    beneficiary_labels_in_text,
    call_beneficiaries,
)
from crawlers.spiders.html_text import enrich_from_page
from models.vocab import Beneficiary as B


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Appel réservé aux PME", [B.PME]),
        ("PME et ETI au sens communautaire", [B.PME, B.ETI]),
        ("EPCI et communes", [B.EPCI, B.COMMUNE]),
        ("EPCI, communes et syndicats mixtes", [B.EPCI, B.COMMUNE, B.SYNDICAT_MIXTE]),
        ("associations loi 1901", [B.ASSOCIATION]),
        ("consortium d'au moins deux entreprises", [B.ENTREPRISE]),
        ("Toutes les entreprises, hors grandes entreprises", [B.TPE, B.PME, B.ETI]),
        ("Sociétés d'économie mixte et établissements publics", [B.SEM, B.ETABLISSEMENT_PUBLIC]),
        ("avec un organisme de recherche", [B.RECHERCHE]),
        ("les projets situés dans la région Occitanie, en partenariat avec un laboratoire", []),
        ("", []),
    ],
    ids=[
        "reserve-aux-pme", "pme-eti", "epci-communes", "with-syndicats-mixtes", "associations-1901", "consortium",
        "exclusion-removes-a-size", "sem-is-no-plain-company", "research-body", "place-names-are-not-applicants", "empty",
    ],
)
def test_eligibility_text_names_applicants(text: str, expected: list[B]) -> None:
    assert beneficiaries_in_text(text) == expected


def test_labels_found_in_text_map_back_to_the_same_beneficiaries() -> None:
    text = "PME, ETI, EPCI, communes, syndicats mixtes, PETR, associations, chambres consulaires, agriculteurs"
    labels = beneficiary_labels_in_text(text)
    assert [b for label in labels for b in beneficiaries_of_label(label)] == beneficiaries_in_text(text)


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        ([], "", "Objectifs\nFinancer des ateliers.\nBénéficiaires\nCommunes et EPCI du Gers.", [B.COMMUNE, B.EPCI]),
        ([], "", "Qui peut candidater ?\nLes PME industrielles.", [B.PME]),
        (["collectivités"], "", "Les entreprises qui s'installeront pourront bénéficier de loyers modérés.",
         [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION]),
        (["entreprises", "associations"], "Ne sont pas éligibles : les associations et les fondations.", "",
         [B.ENTREPRISE]),
        (["entreprises"], "", "Ouvert aux entreprises de moins de 50 salariés.", [B.TPE, B.PME]),
        (["PME"], "", "Cette aide est réservée aux entreprises.", [B.PME]),
        ([], "L'aide peut être cumulée avec les aides des collectivités.", "", []),
        ([], "", "Le programme finance la rénovation des écoles au bénéfice des communes rurales.", []),
    ],
    ids=[
        "heading-announces-applicants", "question-announces-applicants", "description-speaks-of-others",
        "exclusion-list-after-colon", "headcount-narrows-companies", "bare-companies-keep-label-sizes",
        "other-funders-are-no-applicants", "mention-only-stays-unknown",
    ],
)
def test_a_call_reads_its_applicants_from_labels_and_text(
    labels: list[str], eligibility: str, description: str, expected: list[B]
) -> None:
    assert call_beneficiaries(labels, eligibility, description) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de 50 k€ à 2 M€", Amounts(amount_min=50_000, amount_max=2_000_000)),
        ("aide comprise entre 50 000 € et 2 millions d'euros", Amounts(amount_min=50_000, amount_max=2_000_000)),
        ("de 50 à 200 k€ par projet", Amounts(amount_min=50_000, amount_max=200_000)),
        ("taux d'aide de 30 % à 60 % selon la taille", Amounts(rate_max=60)),
        ("réduire de 20 % à 40 % les consommations", Amounts()),
        ("de 2 à 5 salariés", Amounts()),
    ],
    ids=["keur-to-meur", "entre-et-millions", "unit-written-once", "rate-range", "target-not-rate", "no-unit"],
)
def test_amount_ranges_give_a_floor_and_a_ceiling(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


def test_a_page_that_does_not_say_who_may_apply_stays_unknown() -> None:
    page = (
        "<main><h1>Reconquête des friches</h1><p>Le programme aide à accueillir des entreprises et des associations "
        "sur d'anciens sites industriels.</p><p>Les travaux de dépollution sont financés à 50 %.</p></main>"
    )
    response = HtmlResponse(url="https://aides.example.org/friches", body=page.encode(), encoding="utf-8")
    item = RawItem(source="s", position=1, url=response.url, title="Friches")
    enrich_from_page(item, response.css("main")[0], r"eligibilit|beneficiaires")
    assert normalise_item(item, date(2026, 11, 23)).beneficiaries == []
