"""Who files, when a text names the employer of the applicant, farm companies, one named body or the members of one,
examples in brackets of a non-applicant, a type that « relève » of another measure, labs as the subject of a
sentence, and those who « ne sont pas demandeurs »."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted


def admitted(eligibility: str, labels: tuple[str, ...] = ()) -> set[B]:
    return sizes_admitted(call_beneficiaries(list(labels), eligibility, ""))


@pytest.mark.parametrize(("eligibility", "labels", "expected"), [
    ("Bénéficiaires : jeunes diplômés recrutés en CDI par une entreprise industrielle du département.",
     ("particuliers",), {B.PARTICULIER}),
    ("Bénéficiaires : exploitants agricoles, GAEC et sociétés à objet agricole.", ("agriculteurs", "entreprises"),
     {B.AGRICULTEUR}),
    ("Bénéficiaires : communes et EPCI.\nLa Communauté urbaine de Dunkerque et ses communes relèvent d'un autre "
     "fonds.", ("collectivités",), {B.COMMUNE, B.EPCI}),
    ("Bénéficiaires : associations, SCOP et communes.\nLes usagers des ateliers (artisans, micro-entrepreneurs) ne "
     "sont pas éligibles.", (), {B.ASSOCIATION, B.TPE, B.PME, B.ETI, B.GE, B.COMMUNE}),
    ("Entreprises de transformation alimentaire.\nLes exploitants agricoles relèvent de la mesure « vente directe ».",
     ("PME", "Agriculteurs"), {B.TPE, B.PME}),
    ("Entreprises de toute taille.\nLes laboratoires peuvent être partenaires et recevoir une part de l'aide.", (),
     {B.TPE, B.PME, B.ETI, B.GE, B.RECHERCHE}),
    ("Communes et EPCI.\nLes entreprises qui rechargent leurs véhicules paient le service ; elles ne sont pas "
     "demandeuses.", ("communes", "EPCI", "entreprises"), {B.COMMUNE, B.EPCI}),
    ("Organismes de formation et associations.\nLes entreprises qui licencient ne peuvent pas porter le projet.", (),
     {B.ETABLISSEMENT_ENSEIGNEMENT, B.ASSOCIATION}),
    # guard: a whole type excluded stays excluded
    ("Bénéficiaires : communes et associations.\nLes associations ne sont pas éligibles.", (), {B.COMMUNE}),
])
def test_employers_and_bodies(eligibility: str, labels: tuple[str, ...], expected: set[B]) -> None:
    assert admitted(eligibility, labels) == expected


@pytest.mark.parametrize(("eligibility", "description", "labels", "expected"), [
    # a contract's counterpart is no applicant; a kind that does not file leaves its type to the labels
    ("- Déchets d'une activité de production\n- Contrat avec un transporteur agréé", "Le transporteur et le centre de "
     "traitement ne déposent pas de demande.", ("Entreprises", "Associations"),
     {B.TPE, B.PME, B.ETI, B.GE, B.ASSOCIATION}),
    # housing made for people: its occupants do not apply
    ("", "Logements pour les apprentis et jeunes salariés, portés par des communes ou des associations.", (),
     {B.COMMUNE, B.ASSOCIATION}),
])
def test_counterparts_and_occupants(eligibility: str, description: str, labels: tuple[str, ...],
                                    expected: set[B]) -> None:
    assert sizes_admitted(call_beneficiaries(list(labels), eligibility, description)) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # a type in brackets shares the clause of what the brackets follow
    ("Entreprises de moins de 250 salariés. Les donneurs d'ordre (grands groupes) sont partenaires, sans aide.",
     {B.TPE, B.PME}),
    # « sans prise en charge »
    ("PME industrielles.\nLes ETI peuvent venir sur le stand collectif, sans prise en charge.", {B.TPE, B.PME}),
    # teams of public labs apply; those associated without funding do not
    ("Projets entre au moins deux équipes de laboratoires publics. Les entreprises et les collectivités qui "
     "partagent leurs données sont associées, sans financement.", {B.RECHERCHE}),
    # labs members of a consortium paid for their part; partners « financées pour leur part »
    ("Porteur : une entreprise, seule ou en consortium. Les laboratoires membres d'un consortium sont financés pour "
     "leur part.", {B.TPE, B.PME, B.ETI, B.GE, B.RECHERCHE}),
    ("Consortium d'une PME et d'un laboratoire public ; les communes propriétaires des sites peuvent être partenaires, "
     "financées pour leur part.", {B.TPE, B.PME, B.RECHERCHE, B.COMMUNE}),
])
def test_partners_in_brackets_and_paid_parts(eligibility: str, expected: set[B]) -> None:
    assert admitted(eligibility) == expected
