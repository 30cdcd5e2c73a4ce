"""Amounts and rates in free text."""

from __future__ import annotations

import pytest

from crawlers.normalise.amounts import Amounts, extract_amounts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("d'un montant maximum de 350.000€ par projet", Amounts(amount_max=350_000)),
        ("aide plafonnée à 500 000 € par opération", Amounts(amount_max=500_000)),
        ("jusqu'à 40 % des dépenses éligibles", Amounts(rate_max=40)),
        ("La Région intervient à hauteur de 70% maximum des dépenses", Amounts(rate_max=70)),
        ("dans la limite de 1,5 million d'euros", Amounts(amount_max=1_500_000)),
        ("subvention de 200 k€ maximum", Amounts(amount_max=200_000)),
        ("plafond de 2 M€, taux maximum de 35 %", Amounts(amount_max=2_000_000, rate_max=35)),
        ("aide pouvant atteindre 45 % des dépenses", Amounts(rate_max=45)),
        ("montant minimum de 50 000 € et jusqu'à 300 000 €", Amounts(amount_min=50_000, amount_max=300_000)),
        ("réduire de 20 % les émissions d'ici 2030", Amounts()),
        ("jusqu'à 150 % des dépenses", Amounts()),
        ("", Amounts()),
    ],
    ids=[
        "dotted-thousands", "plafonnee", "jusqu-a-rate", "rate-then-maximum", "million-with-comma", "keur-then-max",
        "amount-and-rate", "peut-atteindre", "floor-and-ceiling", "percentage-without-cue", "impossible-rate", "empty",
    ],
)
def test_amounts_and_rates_are_read_from_cues(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


def test_the_largest_ceiling_wins() -> None:
    text = "jusqu'à 100 000 € pour une étude, plafonnée à 1 000 000 € pour les travaux"
    assert extract_amounts(text).amount_max == 1_000_000
