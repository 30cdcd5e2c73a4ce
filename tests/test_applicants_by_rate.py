"""When a text names its applicants only through the rate each gets (a rate table, « 45 % pour les PME »), those are
its applicants; a text that names them elsewhere keeps its own statement. A label line's terse refusal (« Entreprises :
non éligibles ») excludes its types."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from crawlers.normalise.rate_table import rate_table_applicants
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted


@pytest.mark.parametrize(("labels", "description", "expected"), [
    (["Communes", "Entreprises privées"], "Travaux d'assainissement.\nTaux d'aide\nCommunes de moins de 2 000 "
     "habitants : 60 %\nSyndicats mixtes d'assainissement : 50 %\nExploitants privés : non éligibles",
     {B.COMMUNE, B.SYNDICAT_MIXTE}),
    ([], "Études de la qualité de l'eau. Taux : 70 % pour les communes et les intercommunalités, 40 % pour les "
     "associations agréées.", {B.COMMUNE, B.EPCI, B.ASSOCIATION}),
    (["Entreprises"], "Sont éligibles les PME. Taux de 40 % pour les études.", {B.TPE, B.PME}),  # stated elsewhere
    (["Entreprises"], "Aide aux fours électriques. Subvention jusqu'à 50 % pour les PME.",
     {B.TPE, B.PME, B.ETI, B.GE}),  # one rate for one size: how much it gets, not who applies
])
def test_applicants_named_by_their_rate(labels: list[str], description: str, expected: set[B]) -> None:
    assert sizes_admitted(call_beneficiaries(labels, "", description)) == expected


def test_a_rate_for_a_thing_names_no_applicant() -> None:
    assert rate_table_applicants("Taux : 50 % pour les études, 30 % pour les travaux.") == ()
    assert rate_table_applicants("Taux : 70 % pour les communes, 40 % pour les autres.") == ()  # others apply too


@pytest.mark.parametrize(("text", "expected"), [
    ("Associations loi 1901. Entreprises : non éligibles.", {B.ASSOCIATION}),
    ("Associations. Communes et entreprises : partenaires possibles, non porteuses.", {B.ASSOCIATION}),
    ("Communes : 50 %. Associations : 30 %.", {B.COMMUNE, B.ASSOCIATION}),  # a rate is no refusal
])
def test_a_terse_refusal_after_a_list_of_types(text: str, expected: set[B]) -> None:
    assert sizes_admitted(call_beneficiaries([], text, "")) == expected
