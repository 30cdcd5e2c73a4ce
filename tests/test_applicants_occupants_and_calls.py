"""Who files when a text speaks of premises and their occupants, of a call made « auprès de » its addressees, of a
consortium that « associe » its members, and of a public land body by its abbreviation (EPF, EPFL)."""

from __future__ import annotations

import pytest

from crawlers.normalise.applicants import read_description
from crawlers.normalise.beneficiaries import beneficiaries_in_text
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted


def admitted(text: str) -> set[B]:
    return sizes_admitted(beneficiaries_in_text(text))


def described(text: str) -> set[B]:
    return sizes_admitted(read_description(text).applicants)


@pytest.mark.parametrize(("text", "expected"), [
    # premises made for a type: the type is their future occupant
    ("Sont éligibles les travaux de démolition et la remise à niveau d'ateliers destinés à la location pour des "
     "artisans et des PME.", set()),
    ("Les communautés de communes sont éligibles pour leurs hôtels d'entreprises loués à des TPE.", {B.EPCI}),
    ("Sont éligibles les communes qui construisent des locaux mis à disposition d'associations.", {B.COMMUNE}),
    ("La Région finance la construction de bâtiments en location pour des entreprises industrielles.", set()),
    # guards: a type's own expenses, or a call addressed to a type, still name the applicant
    ("Sont éligibles les dépenses d'équipement des PME industrielles.", {B.TPE, B.PME}),
    ("L'appel est destiné aux PME du secteur du bois.", {B.TPE, B.PME}),
    # a call made « auprès de » its addressees; not the body where files are lodged
    ("Le Département lance un appel à candidatures auprès des communes rurales pour recenser les logements vacants.",
     {B.COMMUNE}),
    ("Un AMI est ouvert auprès des intercommunalités et des PETR du massif.", {B.EPCI, B.PETR}),
    ("L'appel à projets est à déposer auprès de la Région par les associations.", {B.ASSOCIATION}),
    # a consortium « associe » / « réunit » its members: they apply
    ("Les consortiums associent des entreprises et des laboratoires publics.",
     {B.TPE, B.PME, B.ETI, B.GE, B.RECHERCHE}),
    ("Chaque consortium réunit des lycées professionnels et des PME.", {B.ETABLISSEMENT_ENSEIGNEMENT, B.TPE, B.PME}),
])
def test_description_applicants(text: str, expected: set[B]) -> None:
    assert described(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Communes, EPCI, EPF Normandie et SPL d'aménagement.", {B.COMMUNE, B.EPCI, B.ETABLISSEMENT_PUBLIC, B.SEM}),
    ("Bénéficiaires : les EPFL et les syndicats mixtes.", {B.ETABLISSEMENT_PUBLIC, B.SYNDICAT_MIXTE}),
])
def test_land_bodies_by_abbreviation(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected
