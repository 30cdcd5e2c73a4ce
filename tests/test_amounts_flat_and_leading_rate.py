"""A flat aid (« Aide forfaitaire de 3 000 € par contrat ») is the aid's amount; a sentence that opens on « Taux de
N % » states the aid's rate (the largest of several), while « taux de recyclage de 70 % » states no aid."""

from __future__ import annotations

import pytest

from crawlers.normalise.amounts import extract_amounts, rate_max


@pytest.mark.parametrize(("text", "expected"), [
    ("Aide forfaitaire de 2 500 € par apprenti recruté.", 2500.0),
    ("Un forfait de 1 200 € est versé pour chaque diagnostic.", 1200.0),
    ("Les frais forfaitaires de 300 € restent à la charge du demandeur.", None),
])
def test_a_flat_aid(text: str, expected: float | None) -> None:
    assert extract_amounts(text).amount_max == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Taux de 60 % pour les études et de 30 % pour les équipements.", 60.0),
    ("Montant\nTaux de 35 % des dépenses retenues.", 35.0),
    ("Taux de recyclage de 70 % au moins.", None),
    ("Le site atteint un taux de 90 % de valorisation.", None),
])
def test_a_sentence_opening_on_its_rate(text: str, expected: float | None) -> None:
    assert rate_max(text) == expected
