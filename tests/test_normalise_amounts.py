"""Amounts and rates in free text: the aid's bounds, the project's bounds, the rate."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.items import RawItem
from crawlers.normalise import normalise_item
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


@pytest.mark.parametrize(
    ("text", "project_min", "project_max"),
    [
        ("Sont retenus les projets de 800 000 € à 4 M€.", 800_000, 4_000_000),
        ("projets industriels d'un montant total compris entre 2 et 10 millions d'euros", 2_000_000, 10_000_000),
        ("Les dépenses éligibles doivent atteindre au moins 75 k€.", 75_000, None),
        ("Dépenses éligibles d'au moins 120 000 € HT", 120_000, None),
        ("L'assiette minimale de l'opération est de 40 000 €", 40_000, None),
        ("assiette éligible minimum : 30 000 €", 30_000, None),
        ("un programme d'investissements supérieur à 1,5 M€", 1_500_000, None),
        ("Investissement minimum : 250 000 €", 250_000, None),
        ("coût total du projet inférieur à 5 M€", None, 5_000_000),
        ("les travaux d'un montant minimum de 80 000 € HT", 80_000, None),
        ("Montant du projet : 100 000 € minimum", 100_000, None),
        ("budget de l'opération de 300 k€ maximum", None, 300_000),
        ("Les opérations d'un coût de plus de 2 M€ sont prioritaires", 2_000_000, None),
        ("Dépenses éligibles minimum 50 000 € et maximum 500 000 €", 50_000, 500_000),
    ],
    ids=[
        "projets-de-a", "compris-entre-millions", "atteindre-au-moins-keur", "dau-moins-ht", "assiette-minimale",
        "assiette-minimum-colon", "programme-superieur", "investissement-minimum", "cout-inferieur",
        "travaux-montant-minimum", "montant-du-projet", "budget-maximum-after", "operations-plus-de",
        "said-once-for-both-bounds",
    ],
)
def test_bounds_of_the_project_budget_are_not_the_aid(text: str, project_min: float, project_max: float) -> None:
    assert extract_amounts(text) == Amounts(project_min=project_min, project_max=project_max)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aide à l'investissement plafonnée à 200 000 €, pour des dépenses éligibles d'au moins 50 000 €.",
         Amounts(amount_max=200_000, project_min=50_000)),
        ("Subvention d'investissement de 20 000 € à 150 000 € ; projets de 100 k€ à 1 M€.",
         Amounts(amount_min=20_000, amount_max=150_000, project_min=100_000, project_max=1_000_000)),
        ("avance remboursable de 50 à 500 k€ pour des programmes d'investissement d'au moins 1 million d'euros",
         Amounts(amount_min=50_000, amount_max=500_000, project_min=1_000_000)),
        ("Pour les projets d'investissement de plus de 300 k€, l'aide peut atteindre 90 000 €.",
         Amounts(amount_max=90_000, project_min=300_000)),
        ("La subvention, qui couvre jusqu'à 40 % des dépenses éligibles, est plafonnée à 60 000 €. "
         "Les dépenses doivent être supérieures à 20 000 €.",
         Amounts(amount_max=60_000, rate_max=40, project_min=20_000)),
        ("Le montant de l'aide est compris entre 5 000 € et 30 000 € pour une assiette d'au moins 10 000 €.",
         Amounts(amount_min=5_000, amount_max=30_000, project_min=10_000)),
        ("prêt de 50 k€ à 5 M€ pour financer des projets de plus de 100 k€",
         Amounts(amount_min=50_000, amount_max=5_000_000, project_min=100_000)),
    ],
    ids=[
        "aid-to-investment-and-expenses", "aid-range-then-project-range", "avance-and-programme",
        "project-clause-then-aid", "rate-base-is-no-subject", "aid-range-and-assiette", "pret-and-projets",
    ],
)
def test_a_text_naming_both_keeps_the_aid_and_the_project_apart(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plus de 3 M€ déjà engagés ; seuls les projets de plus de 1 M€ sont retenus.", Amounts(project_min=1_000_000)),
        ("PME réalisant un chiffre d'affaires jusqu'à 50 M€ : aide plafonnée à 300 k€.", Amounts(amount_max=300_000)),
        ("Une enveloppe de 10 M€ au maximum ; subvention de 40 000 € maximum.", Amounts(amount_max=40_000)),
        ("Le programme soutient des projets jusqu'à 200 k€ ; le bilan annuel ne peut dépasser 43 M€.",
         Amounts(amount_max=200_000)),
    ],
    ids=["unattached-comparison", "turnover-is-no-bound", "envelope-is-no-bound", "balance-sheet-and-projets-jusqu-a"],
)
def test_figures_about_something_else_are_no_bounds(text: str, expected: Amounts) -> None:
    assert extract_amounts(text) == expected


def test_a_crawled_item_keeps_the_project_budget_apart_from_the_aid() -> None:
    item = RawItem(source="demo", position=1, url="https://example.fr/aides/usines/", title="Usines",
                   amount_text="<p>Subvention jusqu'à 250 000 €.</p><p>Projets de 400 000 € à 2 M€.</p>")
    record = normalise_item(item, date(2026, 11, 23))
    assert (record.amount_min, record.amount_max) == (None, 250_000)
    assert (record.project_min, record.project_max) == (400_000, 2_000_000)
