"""Sizes that belong to one item of a list, and a page's coarse audience line above a precise sentence.

« Bénéficiaires : les ébénisteries de toute taille ; les tourneurs sur bois de moins de 20 salariés »: each « ; » item
names its own group, so the size of one item does not narrow the companies another item names without a size —
companies of every size may apply. A pronoun after « ; » (« elles doivent compter moins de 20 salariés ») goes on
speaking of the item before. « Public : Entreprise » above « Entreprises de la filière lin de moins de 250 salariés »
is a coarse label the precise sentence replaces, as a page's « Bénéficiaires » section wins over its « Publics
concernés ».
"""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B

TPE, PME, ETI, ENT = B.TPE, B.PME, B.ETI, B.ENTREPRISE
# « PME » reads as B.PME, which admits a TPE (matcher.eligibility): no TPE needs writing beside it.


@pytest.mark.parametrize(("labels", "eligibility", "expected"), [
    # one item without a size: every size
    (["Entreprises"], "Bénéficiaires : les ébénisteries de toute taille ; les tourneurs sur bois de moins de 20 "
                      "salariés.", {ENT}),
    ([], "Bénéficiaires : les entreprises de démolition ; les cimentiers de moins de 250 salariés.", {ENT}),
    ([], "Broyeurs et cribleurs de déchets inertes, entreprises de travaux publics et associations d'insertion ; "
         "fabricants de parpaings de moins de 50 salariés.", {ENT, B.ASSOCIATION}),
    # every item sized, or the items speak of one group: the sizes narrow
    ([], "Bénéficiaires : les entreprises de démolition de moins de 50 salariés ; les cimentiers de moins de 250 "
         "salariés.", {TPE, PME}),
    ([], "Bénéficiaires : les entreprises du Cantal ; elles doivent compter moins de 20 salariés.", {TPE, PME}),
    ([], "Bénéficiaires : entreprises de moins de 50 salariés ; communes de moins de 3 500 habitants.",
     {TPE, PME, B.COMMUNE}),
    # a « ; » that joins two statements, not two items of a list
    (["TPE", "PME"], "L'aide est réservée aux PME de production installées en Corse ; les entreprises de négoce en "
                     "sont exclues.", {PME}),
    (["PME", "ETI"], "La demande est déposée par une PME ou une ETI ; l'entreprise doit être à jour de ses cotisations.",
     {PME, ETI}),
])
def test_sizes_belong_to_their_item(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    ("Public : Entreprise\nEntreprises de la filière lin de moins de 250 salariés : teillages, filatures et tissages, "
     "ainsi que les liniers immatriculés au registre du commerce.", {TPE, PME}),
    ("Public : Entreprise, Collectivité\nLes communes de moins de 2 000 habitants sont éligibles.", {B.COMMUNE}),
    ("Public : Entreprise, Association\nFabricants de luges, quelle que soit leur taille ; SEM gestionnaires de "
     "stations.\nLes clubs associatifs non plus.", {ENT, B.SEM}),
    ("Public : Entreprise, Particulier\nCouteliers et forgerons : entreprises de moins de 50 salariés. Les ETI de la "
     "coutellerie peuvent aussi candidater.", {TPE, PME, ETI}),
    # an audience line alone stays what it says
    ("Public : Entreprise", {ENT}),
    ("Publics concernés : Entreprise\nLe taux est de 40 %.", {ENT}),
])
def test_audience_line_is_narrowed_by_the_sentence(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # every size said of companies, whatever the words: « sans condition de taille », « quel que soit leur effectif »
    ("Peuvent candidater :\nles fromageries de moins de 50 salariés ;\nles sociétés coopératives laitières, sans "
     "condition de taille.", {ENT}),
    ("Peuvent candidater les scieries de moins de 250 salariés et les sociétés coopératives forestières, quel que soit "
     "leur effectif.", {ENT}),
    # a trade no table knows, of every size
    ("Tonneliers et merrandiers, quelle que soit leur taille ; SPL gestionnaires de zones d'activités.", {ENT, B.SEM}),
    # an unknown trade listed before a type opens the text: that first line names applicants
    ("Bouilleurs de profession et distilleries, quelle que soit leur taille.\nLes viticulteurs sont éligibles pour "
     "le traitement des vinasses.", {ENT, B.AGRICULTEUR}),
    # said of another type, every size is no company's
    ("Sont éligibles :\n- les entreprises de moins de 250 salariés ;\n- les associations employeuses, quel que soit "
     "leur effectif.", {TPE, PME, B.ASSOCIATION}),
    ("Sont éligibles les communes, quelle que soit leur taille.", {B.COMMUNE}),
])
def test_every_size_said_of_companies(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "description", "expected"), [
    # a headcount after a list of trades, some no table knows, sizes the whole list
    ("- Atelier situé dans la région\n- Travail du verre", "La Région accompagne les vitraillistes, doreurs et "
     "restaurateurs de vitraux de moins de 10 salariés qui modernisent leur atelier.", {TPE}),
    ("Bénéficiaires : polisseurs et ateliers de traitement de surface de moins de 50 salariés.", "", {TPE, PME}),
    # without a headcount the trades stay companies of any size
    ("Bénéficiaires : polisseurs et ateliers de traitement de surface.", "", {ENT}),
])
def test_headcount_after_a_list_of_trades(eligibility: str, description: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(["Entreprises"], eligibility, description)) == expected
