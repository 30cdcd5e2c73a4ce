"""Applicants named in eligibility text, and amount ranges in running prose."""

from __future__ import annotations

import pytest

from crawlers.normalise.amounts import Amounts, extract_amounts
from crawlers.normalise.beneficiaries import (
    beneficiaries_in_text,
    beneficiaries_of_label,
    beneficiary_labels_in_text,
)
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
        ("Toutes les entreprises, hors grandes entreprises", [B.ENTREPRISE]),
        ("Sociétés d'économie mixte et établissements publics", [B.ENTREPRISE, B.SEM, B.ETABLISSEMENT_PUBLIC]),
        ("avec un organisme de recherche", [B.RECHERCHE]),
        ("les projets situés dans la région Occitanie, en partenariat avec un laboratoire", []),
        ("", []),
    ],
    ids=[
        "reserve-aux-pme", "pme-eti", "epci-communes", "with-syndicats-mixtes", "associations-1901", "consortium",
        "exclusion-left-out", "sem-and-public-bodies", "research-body", "place-names-are-not-applicants", "empty",
    ],
)
def test_eligibility_text_names_applicants(text: str, expected: list[B]) -> None:
    assert beneficiaries_in_text(text) == expected


def test_labels_found_in_text_map_back_to_the_same_beneficiaries() -> None:
    text = "PME, ETI, EPCI, communes, syndicats mixtes, PETR, associations, chambres consulaires, agriculteurs"
    labels = beneficiary_labels_in_text(text)
    assert [b for label in labels for b in beneficiaries_of_label(label)] == beneficiaries_in_text(text)


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
