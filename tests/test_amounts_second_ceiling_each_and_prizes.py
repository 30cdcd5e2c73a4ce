"""Aid amounts written as a second ceiling of the same cue (« plafonnée à 50 000 € par atelier et à 200 000 € par
groupement »), as the sum each one receives (« 95 000 € par contrat doctoral. ») or as a list of prizes (« Prix de
15 000 €, 8 000 € et 3 000 € »); a project floor written after its figure and its tax (« Travaux de 250 000 € HT
minimum »)."""

from __future__ import annotations

import pytest

from crawlers.normalise.amounts import extract_amounts


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Subvention de 35 %, plafonnée à 50 000 € par atelier et à 200 000 € par groupement d'artisans.", None, 200_000),
    ("Aide plafonnée à 90 000 € par exploitation et à 250 000 € pour les coopératives.", None, 250_000),
    ("Douze contrats sur la fonderie numérique. 95 000 € par contrat doctoral. Clôture le 3 mai 2027.", None, 95_000),
    ("Allocation de recherche : dossier unique. 1 800 € par mois, pendant trente-six mois.", None, 1_800),
    ("Prix de 15 000 €, 8 000 € et 3 000 €. Remise des prix en juin.", 3_000, 15_000),
    # the rate after the euro ceiling is no second ceiling
    ("Subvention plafonnée à 40 000 € et à 45 % des dépenses.", None, 40_000),
])
def test_aid_amounts(text: str, low: float | None, high: float | None) -> None:
    found = extract_amounts(text)
    assert (found.amount_min, found.amount_max) == (low, high)


@pytest.mark.parametrize(("text", "project_min"), [
    ("Aide de 10 000 € à 150 000 €\nInvestissements de 40 000 € HT minimum", 40_000),
    ("Études : 50 %\nTravaux de 250 000 € HT minimum", 250_000),
    ("Programme d'investissement de 80 000 € TTC au moins.", 80_000),
])
def test_a_floor_written_after_the_figure_and_its_tax(text: str, project_min: float) -> None:
    assert extract_amounts(text).project_min == project_min
