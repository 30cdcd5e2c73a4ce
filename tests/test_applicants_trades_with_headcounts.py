"""Companies named by their trade, sized by a headcount right after it, with or without an article or a
complement: the headcount says which company sizes apply."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B


@pytest.mark.parametrize(("eligibility", "expected"), [
    ("Bénéficiaires : imprimeurs et façonniers de moins de 50 salariés.", {B.TPE, B.PME}),
    ("Porteurs : menuisiers, ébénistes et tapissiers d'ameublement de moins de 10 salariés.", {B.TPE}),
    ("Candidats : fondeurs de métaux non ferreux d'au moins 250 salariés.", {B.ETI, B.GE}),
    ("Fondeurs d'aluminium de moins de 50 salariés.", {B.TPE, B.PME}),
    ("Tanneries, mégisseries et maroquiniers de luxe de moins de 250 salariés, installés dans le Tarn.",
     {B.TPE, B.PME}),
])
def test_a_trade_sized_by_a_headcount(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(["Entreprises"], eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # guards: a headcount after a thing, or after people, sizes no applicant
    ("Entreprises industrielles. Projets créant des ateliers de plus de 20 postes.", {B.ENTREPRISE}),
    ("Associations employant des animateurs ; communes de moins de 3 500 habitants.", {B.ASSOCIATION, B.COMMUNE}),
])
def test_what_a_headcount_does_not_size(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


@pytest.mark.parametrize(("labels", "eligibility", "expected"), [
    # companies heading a label whose list names other types: those types, not every company
    ([], "Sociétés éligibles : SPL et SEM d'aménagement portant des zones d'activités.", {B.SEM}),
    ([], "Structures porteuses : syndicats mixtes et SPL.", {B.SYNDICAT_MIXTE, B.SEM}),
    # the employer of the person who applies, after a contract's description, does not apply
    (["Particuliers"], "Bénéficiaires : jeunes recrutés en contrat d'apprentissage de deux ans minimum par une "
                       "entreprise du bâtiment.", {B.PARTICULIER}),
])
def test_who_a_label_or_an_employer_is(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, "")) == expected


def test_companies_heading_a_list_of_sizes_stay_companies_of_those_sizes() -> None:
    assert set(call_beneficiaries([], "Entreprises éligibles : PME et ETI.", "")) == {B.PME, B.ETI}


@pytest.mark.parametrize(("eligibility", "expected"), [
    # partners paid for their own share of the work are co-applicants
    ("PME industrielles. Les centres techniques partenaires sont financés pour leurs dépenses.", {B.PME, B.RECHERCHE}),
    ("PME. Les laboratoires partenaires ne sont pas financés pour leurs travaux.", {B.PME}),
    # a type sent to another call is left out of this one
    ("Fonderies : PME et ETI. Les grandes entreprises relèvent de l'appel à projets régional.", {B.PME, B.ETI}),
    ("Entreprises de toute taille ; les grands groupes relèvent d'un AAP dédié.", {B.TPE, B.PME, B.ETI}),
])
def test_paid_partners_and_types_sent_elsewhere(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected
