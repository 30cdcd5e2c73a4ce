"""Aid rates stated by a label, a table column or a verb in the future: « Études : 50 % des dépenses », « Aide jusqu'à
200 000 € : 45 % pour les petites entreprises », « moins de 10 salariés : 35 % », a « Taux maximal » column, « prime de
30 % », « l'aide pourra atteindre 25 % », a rate that goes on after « ; » or in brackets, a cost named as a label
(« Études : 60 %. »); figures of other things (« Taux de valorisation | 80 % », « 20 % des
emplois ») are no rates."""

from __future__ import annotations

import pytest

from crawlers.normalise.amount_rates import rate_max


@pytest.mark.parametrize(("text", "expected"), [
    ("Aide de 5 000 € à 60 000 € par atelier : études préalables : 50 % des dépenses ; machines : 25 % des dépenses "
     "éligibles.", 50),
    ("Aide jusqu'à 200 000 € par projet : 45 % pour les petites entreprises, 35 % pour les moyennes.", 45),
    ("Taux selon l'effectif\nmoins de 10 salariés : 35 %\nde 10 à 49 salariés : 25 %", 35),
    ("Poste de dépense | Taux maximal Fours et étuves | 25 % Récupération de chaleur | 45 % Aide plafonnée à "
     "90 000 €.", 45),
    ("Le Département verse une prime de 30 % des équipements, plafonnée à 8 000 €.", 30),
    ("L'aide pourra atteindre 25 % des dépenses éligibles, et 35 % dans les zones rurales.", 35),
    # not an aid rate
    ("Indicateur | Taux de valorisation des déchets | 80 %", None),
    ("Objectif : 20 % des emplois du site en CDI.", None),
])
def test_rates_by_label_table_and_verb(text: str, expected: float | None) -> None:
    assert rate_max(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a rate goes on after « ; » or in brackets
    ("Subvention : 25 % des investissements ; 40 % pour les équipements de tri des chutes.", 40),
    ("Aide jusqu'à 35 % des dépenses éligibles (45 % pour les PME), pour des projets d'au moins 50 000 €.", 45),
    # a cost named as a label opens the sentence
    ("Études : 60 %. Travaux : 40 %, portés à 55 % pour les petites communes.", 60),
    ("Diagnostic : 75 %, plafonné à 8 000 €.", 75),
    # not a rate: a figure of something else, even after a stated rate
    ("Aide de 30 % des dépenses. Objectif : 20 % des emplois ; 35 % des émissions évitées.", 30),
])
def test_rates_after_semicolons_brackets_and_cost_labels(text: str, expected: float) -> None:
    assert rate_max(text) == expected
