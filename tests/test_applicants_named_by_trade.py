"""Companies and farms named by their trade rather than by their type.

Funders often list who may apply by trade: « Bénéficiaires : tanneries, mégisseries et chaudronniers »,
« viticulteurs et oléiculteurs ». A plural noun with a trade's ending (-iers, -istes, -eries) where a noun stands is a
company; farmers' trades (-culteurs, vignerons, éleveurs, exploitants viticoles…) are farms. A trade is a kind of its
type: excluding it (« Les semenciers ne sont pas éligibles ») leaves the other companies. Words with the same ending
that name people, things or places (particuliers, métiers, ateliers, batteries, artistes…) and adjectives after a
noun (« partenaires financiers ») name no applicant.
"""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B

TPE, PME, ETI, GE, ENT, AGRI = B.TPE, B.PME, B.ETI, B.GE, B.ENTREPRISE, B.AGRICULTEUR


@pytest.mark.parametrize(("labels", "eligibility", "description", "expected"), [
    # trades alone, with a size, with other types
    ([], "Bénéficiaires : verreries, cristalleries et émailleries.", "", {ENT}),
    ([], "Bénéficiaires : coutelleries et chaudronniers de moins de 50 salariés.", "", {TPE, PME}),
    (["Entreprises", "Collectivités"], "Bénéficiaires : fonderies et forges, de toute taille ; syndicats mixtes de zone.",
     "", {ENT, B.SYNDICAT_MIXTE}),
    (["Entreprises", "Associations"], "Pour qui ? Biscuiteries, chocolateries et associations de producteurs.", "",
     {ENT, B.ASSOCIATION}),
    # farms named by their trade
    ([], "Bénéficiaires : arboriculteurs et apiculteurs.", "", {AGRI}),
    (["Entreprises"], "Sont éligibles les brasseries artisanales ainsi que les exploitants arboricoles qui transforment "
                      "leurs fruits.", "", {ENT, AGRI}),
    # the coarse labels give way to the trades the sentence names
    (["TPE", "PME", "Agriculteurs"], "Bénéficiaires : fromageries de moins de 20 salariés.",
     "Les éleveurs qui livrent leur lait ne sont pas bénéficiaires.", {TPE, PME}),
    # a trade excluded is a kind of company: the others stay
    ([], "Sont éligibles les PME et les ETI de la filière semences. Les pépiniéristes ne sont pas éligibles.", "",
     {PME, ETI}),
    ([], "Le candidat est une entreprise de moins de 5 000 salariés de la filière navale, à l'exclusion des "
         "chantiers militaires et des équipementiers de défense.", "", {TPE, PME, ETI}),
])
def test_trades_name_companies_and_farms(labels: list[str], eligibility: str, description: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, description)) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # same endings, no company: people, things, places, adjectives after a noun
    ("Sont éligibles les communes. Les particuliers ne sont pas éligibles.", {B.COMMUNE}),
    ("Sont éligibles les communes qui rénovent leurs ateliers et leurs chantiers.", {B.COMMUNE}),
    ("Sont éligibles les associations qui portent des projets immobiliers ou fonciers.", {B.ASSOCIATION}),
    ("Sont éligibles les associations d'artistes et les communes.", {B.ASSOCIATION, B.COMMUNE}),
    ("Sont éligibles les syndicats mixtes qui installent des batteries de stockage.", {B.SYNDICAT_MIXTE}),
    # farmers excluded by their general word stay excluded
    ("Sont éligibles les communes et les EPCI. Les agriculteurs qui accueillent les panneaux ne sont pas "
     "bénéficiaires.", {B.COMMUNE, B.EPCI}),
])
def test_same_endings_that_name_no_company(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected
