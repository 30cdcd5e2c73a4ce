"""Who files, when a text says that some types hand their projects to another body, that some take part as
contractors (« en prestation »), or uses « publics » as an adjective before a colon."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B


@pytest.mark.parametrize(("labels", "eligibility", "expected"), [
    # a type that hands its projects to another body does not file; the body does
    ([], "Intercommunalités et syndicats mixtes.\nLes communes confient leurs dossiers à leur intercommunalité.",
     {B.EPCI, B.SYNDICAT_MIXTE}),
    ([], "Communautés de communes, PETR.\nLes communes adressent leurs demandes au PETR.", {B.EPCI, B.PETR}),
    ([], "EPCI et syndicats mixtes de rivière. Les communes passent par leur EPCI.", {B.EPCI, B.SYNDICAT_MIXTE}),
    # a type that works « en prestation » is the applicant's contractor
    ([], "Porteurs : entreprises de la chimie, de toute taille ; un centre technique peut intervenir en prestation.",
     {B.ENTREPRISE}),
    ([], "Communes et EPCI.\nLes bureaux d'études interviennent en prestation pour le compte du maître d'ouvrage.",
     {B.COMMUNE, B.EPCI}),
    # « publics » qualifying a noun is no « Publics : » label: the line before still says who applies
    ([], "Fabricants qui modernisent leurs lignes : PME et ETI\nExploitants de réseaux publics : communes et EPCI",
     {B.PME, B.ETI, B.COMMUNE, B.EPCI}),
])
def test_who_files(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # guards: a real « Publics : » label, and a commune that files itself
    ("Publics : communes et associations.", {B.COMMUNE, B.ASSOCIATION}),
    ("Les communes déposent leur dossier auprès du Département.", {B.COMMUNE}),
])
def test_what_stays(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # a sentence that ends by saying its subject gets no aid: the subject takes part, it does not apply
    ("TPE et PME de la mécanique.\nLes donneurs d'ordre (grands groupes) animent les ateliers, sans financement.",
     {B.TPE, B.PME}),
    ("Associations d'insertion.\nLes grandes entreprises ouvrent leurs sites aux stagiaires, sans aide.",
     {B.ASSOCIATION}),
    # a line that names types and qualifies them with a few words stays beside a sentence on who may not apply
    ("Entreprises de recyclage de toute taille\nCommunes et syndicats mixtes gestionnaires de haltes fluviales\n"
     "Les plaisanciers (particuliers) ne sont pas bénéficiaires : ils déposent leur bateau.",
     {B.ENTREPRISE, B.COMMUNE, B.SYNDICAT_MIXTE}),
])
def test_who_takes_part_without_applying(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


def test_a_trailing_condition_is_no_denial() -> None:
    assert set(call_beneficiaries([], "Les PME et les ETI, sans condition d'ancienneté.", "")) == {B.PME, B.ETI}


@pytest.mark.parametrize(("eligibility", "expected"), [
    # a rate table by headcount admits each band, beside a line that names one size
    ("Imprimeries industrielles. Taux selon la taille :\nmoins de 10 salariés : 45 %\nde 10 à 249 salariés : 35 %\n"
     "ETI de 250 à 4 999 salariés : 25 %", {B.TPE, B.PME, B.ETI}),
    # guard: a headcount with no rate is a condition, not a band
    ("ETI industrielles ; au moins 50 salariés sur le site.", {B.ETI}),
])
def test_rate_bands_by_headcount(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected
