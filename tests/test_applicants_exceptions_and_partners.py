"""A type excluded « sauf lorsqu'elles … » may apply in that case; the young innovative company status names TPE and PME;
a partner line that says its members are not paid names no applicant; one body that teaches and researches is both.

« Les SEM ne sont pas éligibles, sauf lorsqu'elles sont concessionnaires de la zone »: the exclusion has an exception,
so an SEM may apply (whether it meets the case is for the porteur to say; refusing it would be a wrong « non »).
« Jeune entreprise innovante », « JEI » is a status reserved to companies of fewer than 250 employees.
"""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B

TPE, PME, ENT = B.TPE, B.PME, B.ENTREPRISE


@pytest.mark.parametrize(("labels", "eligibility", "expected"), [
    (["Collectivités", "EPL"], "Maîtres d'ouvrage : communes et intercommunalités.\nLes SEM ne sont pas éligibles, "
                               "sauf lorsqu'elles sont concessionnaires de la zone d'activités.",
     {B.COMMUNE, B.EPCI, B.SEM}),
    (["TPE", "PME", "Associations"], "Bénéficiaires : luthiers et archetiers de moins de 20 salariés.\nLes "
                                     "associations ne sont pas éligibles, sauf si elles gèrent un atelier-école.",
     {TPE, PME, B.ASSOCIATION}),
    (["Communes", "EPCI"], "Sont éligibles les EPCI. Les communes ne peuvent pas candidater, sauf dans le cas où "
                           "elles sont seules propriétaires du site.", {B.EPCI, B.COMMUNE}),
    (["Entreprises", "Agriculteurs"], "Entreprises industrielles et logistiques. Les exploitations agricoles sont "
                                      "exclues, sauf pour leurs ateliers de découpe à la ferme.",
     {ENT, B.AGRICULTEUR}),
    # without an exception the exclusion stands
    (["Collectivités", "EPL"], "Maîtres d'ouvrage : communes et intercommunalités.\nLes SEM ne sont pas éligibles.",
     {B.COMMUNE, B.EPCI}),
    (["Associations", "Entreprises"], "Sont éligibles les PME. Les associations ne sont pas éligibles, sauf "
                                      "mention contraire du règlement.", {PME}),
])
def test_excluded_but_for_a_case(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, "")) == expected


@pytest.mark.parametrize("eligibility", [
    "Candidat : une jeune entreprise innovante qui conçoit des capteurs pour ruches.",
    "Bénéficiaires : JEI qui fabriquent du matériel d'escalade.",
    "Bénéficiaires : jeunes entreprises innovantes de la filière bois.",
])
def test_young_innovative_companies_are_small(eligibility: str) -> None:
    assert set(call_beneficiaries(["Start-up", "Entreprises"], eligibility, "")) == {TPE, PME}


@pytest.mark.parametrize(("eligibility", "expected"), [
    # a partner line that says its members receive nothing names no applicant
    ("Chef de file : PME ou ETI de la céramique.\nPartenaires aidés : laboratoires de recherche.\nPartenaires non aidés : "
     "grandes entreprises, distributeurs.", {PME, B.ETI, B.RECHERCHE}),
    ("Chef de file : PME.\nPartenaires non subventionnés : grandes entreprises.", {PME}),
    # one body that teaches and researches is both
    ("Sont éligibles les établissements d'enseignement supérieur et de recherche.",
     {B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE}),
    ("Porteurs : organismes de formation et laboratoires, seuls ou associés.",
     {B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE}),
])
def test_partner_lines_and_compound_bodies(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # members a consortium may pay are applicants beside its lead
    ("Le consortium est piloté par un lycée ou un CFA. Peuvent en être membres financés : des entreprises du bois, des "
     "associations d'insertion et des chambres de métiers.\nL'OPCO siège au comité sans recevoir de financement.",
     {B.ETABLISSEMENT_ENSEIGNEMENT, ENT, B.ASSOCIATION, B.CHAMBRE_CONSULAIRE}),
    # « les industriels » are companies; a relay that spreads the call among its own members applies for nothing
    ("Industriels de toute taille qui fabriquent des pompes à chaleur en France.\nLes fédérations professionnelles "
     "diffusent l'AMI auprès de leurs adhérents.", {ENT}),
    ("Sont éligibles les collectivités et les industriels de la vallée.", {B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION,
                                                                         ENT}),
    # an adjective after a noun stays one
    ("Sont éligibles les syndicats mixtes qui aménagent des sites industriels.", {B.SYNDICAT_MIXTE}),
])
def test_consortium_members_and_industrials(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # partners named after « en partenariat avec » apply when the sentence says they are paid
    ("Porteur : une PME, en partenariat avec des laboratoires publics et des universités, financés pour leur part.",
     {PME, B.RECHERCHE, B.ETABLISSEMENT_ENSEIGNEMENT}),
    ("Sont éligibles les PME, en partenariat avec des laboratoires publics.", {PME}),
    # « en consortium » says how teams apply, it names no company
    ("Équipes de recherche publiques, seules ou en consortium.", {B.RECHERCHE}),
    ("Sont éligibles les consortiums d'entreprises.", {ENT}),
])
def test_paid_partners_and_consortium_as_a_manner(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


def test_relative_clause_ends_with_its_sentence() -> None:
    """« … une PME qui fabrique des gants. Il peut s'associer à un laboratoire public, financé pour sa part. »: the
    relative clause of the first sentence does not reach the partner of the next one, joined to it by « Il »."""
    eligibility = ("Le porteur est une PME ou une ETI qui fabrique des gants de protection. Il peut s'associer à un "
                   "laboratoire public, financé pour sa part.")
    assert set(call_beneficiaries([], eligibility, "")) == {PME, B.ETI, B.RECHERCHE}


@pytest.mark.parametrize(("eligibility", "expected"), [
    # the members of a body that applies do not apply themselves
    ("Bénéficiaires : SCIC associant éleveurs, artisans et collectivités ; associations de producteurs.",
     {ENT, B.ASSOCIATION}),
    ("Sont éligibles les GIE réunissant des communes et des PME.", {ENT}),
    # a consortium is no body of its own: its members apply
    ("Sont éligibles les consortiums associant des PME et des laboratoires de recherche.", {PME, B.RECHERCHE}),
])
def test_members_of_a_body(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected
