"""Who files, read from terse eligibility lines and their neighbours: a refusal after a list that ends on other words,
a denial coordinated with the subject's own verb or said of a list or of an abbreviation, a line of headcount alone,
a line of partners, a broad group defined by a list after brackets, rates after brackets, trades of transport, an
exclusion but for some, partners each paid for their part, research teams and labs, people the applicant hires."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from crawlers.normalise.rate_table import rate_table_applicants
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted

ALL_FIRMS = {B.TPE, B.PME, B.ETI, B.GE}


def admitted(eligibility: str, description: str = "", labels: tuple[str, ...] = ()) -> set[B]:
    return sizes_admitted(call_beneficiaries(list(labels), eligibility, description))


@pytest.mark.parametrize(("eligibility", "expected"), [
    # a terse refusal after a list that ends on an untyped word; « propriétaires privés » in the plural
    ("Intercommunalités et SPL d'aménagement.\nPropriétaires privés et investisseurs : non éligibles.",
     {B.EPCI, B.SEM}),
    ("Intercommunalités et SPL d'aménagement.\nLes propriétaires privés : non éligibles.", {B.EPCI, B.SEM}),
    # « ne sont pas porteurs »
    ("Les transporteurs et les logisticiens.\nLes bailleurs sociaux qui louent les entrepôts ne sont pas porteurs.",
     ALL_FIRMS),
    # a denial coordinated with the subject's verb, past its object
    ("Porteur : un CFA, chef de file d'un groupement d'au moins deux entreprises.\nLes entreprises du groupement "
     "reçoivent les apprentis et ne perçoivent pas de subvention.", {B.ETABLISSEMENT_ENSEIGNEMENT}),
    # a denial said of a list, and of a type named with its abbreviation in brackets
    ("Sont éligibles les syndicats mixtes. Les communes et les associations ne perçoivent pas d'aide.",
     {B.SYNDICAT_MIXTE}),
    ("Syndicats mixtes compétents.\nL'établissement public foncier (EPF) peut porter les terrains, hors subvention.",
     {B.SYNDICAT_MIXTE}),
    # a line of headcount alone narrows the companies another line names, and nothing else
    ("Menuiseries et entreprises de la filière bois\nMoins de 50 salariés et chiffre d'affaires inférieur à 10 M€",
     {B.TPE, B.PME}),
    ("Communes et intercommunalités\nMoins de 50 salariés", {B.COMMUNE, B.EPCI}),
    # a line of partners, unless they are eligible or paid
    ("Chef de file : EPCI ou association\nPartenaires obligatoires : une entreprise et une chambre consulaire",
     {B.EPCI, B.ASSOCIATION}),
    ("Partenaires éligibles : communes, universités et PME.", {B.COMMUNE, B.ETABLISSEMENT_ENSEIGNEMENT, B.TPE, B.PME}),
    # a broad group defined by the list after its colon, brackets in between
    ("Personne morale gestionnaire (PMG) du réseau : SEM, syndicats mixtes d'énergie.", {B.SEM, B.SYNDICAT_MIXTE}),
    # trades of transport are companies
    ("Chargeurs et opérateurs ferroviaires de proximité.", ALL_FIRMS),
    ("Transporteurs routiers et logisticiens.", ALL_FIRMS),
    # an exclusion but for some of the type keeps the type
    ("Les EPCI.\nNe sont pas éligibles : les communes, à l'exception de celles qui exploitent un port en régie.",
     {B.EPCI, B.COMMUNE}),
    ("Les EPCI. Les associations ne sont pas éligibles, sauf celles reconnues d'utilité publique.",
     {B.EPCI, B.ASSOCIATION}),
    ("Les EPCI. Les associations ne sont pas éligibles.", {B.EPCI}),
    # « … non plus » after a relative clause
    ("Associations qui animent les ateliers dans les lycées.\nLes lycées ne déposent pas ; les entreprises qui ouvrent "
     "leurs portes aux élèves non plus.", {B.ASSOCIATION}),
    # partners each paid for their part
    ("Porteurs : PME de moins de 250 salariés et laboratoires publics partenaires, chacun aidé pour sa part.",
     {B.TPE, B.PME, B.RECHERCHE}),
    # research run by labs; teams of bodies; people the applicant hires; people paid directly
    ("Volet régional : recherches menées par des laboratoires de la région.", {B.RECHERCHE}),
    ("Équipes d'universités, d'organismes de recherche (EPST) et d'hôpitaux publics.",
     {B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE, B.ETABLISSEMENT_PUBLIC}),
    ("Le contrat est porté par l'établissement d'inscription du doctorant.", {B.ETABLISSEMENT_ENSEIGNEMENT}),
    ("La demande vient de l'université qui emploiera le doctorant. Le doctorant n'est pas le candidat.",
     {B.ETABLISSEMENT_ENSEIGNEMENT}),
    ("Bourse versée directement au doctorant : 1 200 € par mois.", {B.PARTICULIER}),
    ("Candidats : titulaires d'un master inscrits en doctorat.", {B.PARTICULIER}),
    # a denial after a semicolon; « participent sur fonds propres »
    ("Les laboratoires publics coordonnent les projets ; les grandes entreprises participent sur fonds propres.",
     {B.RECHERCHE}),
])
def test_terse_lines(eligibility: str, expected: set[B]) -> None:
    assert admitted(eligibility) == expected


def test_people_hired_are_not_applicants() -> None:
    """The eligibility text describes the person hired; the description says who hires."""
    assert admitted("Le doctorant est titulaire d'un master.",
                    ("La Région subventionne l'entreprise qui recrute un doctorant pour trois ans. Les demandes sont "
                     "déposées par les entreprises."),
                    ("professionnels", "particuliers")) == ALL_FIRMS


def test_a_trade_denied_leaves_its_type() -> None:
    """« l'aménageur privé … n'est pas bénéficiaire » denies that kind of company, not the companies named."""
    description = ("Peuvent bénéficier de l'aide les communes et les entreprises propriétaires du site. Le diagnostic "
                   "est confié à un bureau d'études ; l'aménageur privé qui réalise les travaux pour le maître "
                   "d'ouvrage n'est pas bénéficiaire.")
    assert admitted("Surface d'au moins 500 m².", description, ("secteur public", "professionnels")) >= ALL_FIRMS


def test_rates_after_brackets() -> None:
    assert set(rate_table_applicants("Communes : 30 %\nOffices publics de l'habitat (OPH) : 20 %")) == {
        B.COMMUNE, B.ETABLISSEMENT_PUBLIC}
