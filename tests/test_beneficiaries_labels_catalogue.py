"""Who may apply to a catalogue row (dispositif-aide CSV): coarse `cibles`, an `eligibilite` that is often a list of
conditions, and a description that says who files in passing. Also the public bodies, schools and people named
under their own names, and the roles (contractor, thing excluded) that name no applicant."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.normalise.beneficiaries import beneficiaries_in_text, call_beneficiaries
from crawlers.normalise.record import normalise_item
from crawlers.spiders.dispositif_aide_csv import map_dispositif_row
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted

AS_OF = date(2026, 10, 1)
COLUMNS = (
    "id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs", "programmes_parents",
    "url_source", "cibles", "eligibilite_geographique", "eligibilite_geographique_exclusions", "date_ouverture",
    "date_cloture", "date_mise_a_jour",
)


def catalogue_row(cibles: str, eligibility: str, description: str) -> set[B]:
    """What a catalogue row admits, sizes spelled out."""
    row = {c: "" for c in COLUMNS} | {
        "id": "aide-test", "titre": "Aide de test", "porteurs": "[]", "date_cloture": "2027-03-31",
        "url_source": "https://aides.example.org/aide-test", "eligibilite_geographique": "REG-84",
        "date_mise_a_jour": "2026-09-01", "cibles": cibles, "eligibilite": eligibility, "description": description,
    }
    return sizes_admitted(normalise_item(map_dispositif_row(row, "mte", 1), AS_OF).beneficiaries)


@pytest.mark.parametrize(
    ("cibles", "eligibility", "description", "expected"),
    [
        ("associations", "", "Le Département aide à équiper les classes. Les demandes sont déposées par les lycées "
         "privés sous contrat du territoire.", {B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("agriculteurs", "Exploitations agricoles. Matériel neuf uniquement.", "Aide à l'achat de herses étrilles. "
         "Peuvent déposer un dossier les exploitants agricoles et les lycées agricoles pour leur ferme pédagogique.",
         {B.AGRICULTEUR, B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("collectivités|associations", "Accès libre la moitié du temps au moins.\nLes terrains réservés à un club ne "
         "sont pas éligibles.", "Aide aux terrains de sport. Peuvent candidater les intercommunalités et les "
         "associations sportives.", {B.EPCI, B.ASSOCIATION}),
        ("professionnels", "Entreprises du secteur manufacturier.\nÊtre à jour de ses cotisations.", "Aide aux "
         "robots. Cette aide est ouverte aux PME et aux ETI qui produisent dans la région.", {B.TPE, B.PME, B.ETI}),
        ("professionnels|associations", "Eligibilité en fonction du nombre de salariés: Moins de 10 salariés\nLes "
         "associations qui gèrent un gîte d'étape sont aussi éligibles.", "Aide aux hébergeurs ruraux.",
         {B.TPE, B.ASSOCIATION}),
    ],
    ids=["firm-description-beyond-the-labels", "firm-description-adds-to-a-conditions-list",
         "conditions-name-types-in-passing", "description-sizes-narrow-bare-companies", "size-line-beside-a-sentence"],
)
def test_a_catalogue_row_reads_who_files(cibles: str, eligibility: str, description: str, expected: set[B]) -> None:
    assert catalogue_row(cibles, eligibility, description) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les centres hospitaliers universitaires et les EHPAD publics.", {B.ETABLISSEMENT_PUBLIC}),
        ("Peuvent candidater les offices de tourisme en EPIC et les EPCC.", {B.ETABLISSEMENT_PUBLIC}),
        ("Sont éligibles les bailleurs sociaux et les organismes HLM.", {B.ETABLISSEMENT_PUBLIC}),
        ("Peuvent déposer les collèges publics et privés.", {B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("Sont éligibles les aménageurs privés.", {B.TPE, B.PME, B.ETI, B.GE}),
        ("Le prix est ouvert aux étudiants inscrits dans une université française.", {B.PARTICULIER}),
        ("Le porteur peut être une commune, un syndicat mixte, un département ou une association.",
         {B.COMMUNE, B.SYNDICAT_MIXTE, B.DEPARTEMENT, B.ASSOCIATION}),
        ("Porteur : commune, intercommunalité ou association.", {B.COMMUNE, B.EPCI, B.ASSOCIATION}),
    ],
    ids=["hospitals", "short-legal-forms", "social-landlords", "colleges", "private-developers", "students",
         "singular-items-of-a-list", "bare-singular-after-a-colon"],
)
def test_applicants_named_under_their_own_names(text: str, expected: set[B]) -> None:
    assert sizes_admitted(beneficiaries_in_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les start-up de moins de deux ans qui comptent moins de 10 salariés.", {B.TPE}),
        ("Sont éligibles les start-up de moins de deux ans.", {B.TPE, B.PME}),
        ("Sont éligibles les communes et les associations. Les salles louées à une association ne sont pas "
         "éligibles.", {B.COMMUNE, B.ASSOCIATION}),
        ("Sont éligibles les communes et les associations. Les associations cultuelles ne sont pas éligibles.",
         {B.COMMUNE, B.ASSOCIATION}),
        ("Sont éligibles les communes et les associations. Les associations ne sont pas éligibles.", {B.COMMUNE}),
    ],
    ids=["start-up-sized-by-headcount", "start-up-without-headcount", "thing-let-to-a-type-is-excluded",
         "group-of-a-type-is-excluded", "whole-type-is-excluded"],
)
def test_sizes_and_exclusions_keep_to_what_they_name(text: str, expected: set[B]) -> None:
    assert sizes_admitted(beneficiaries_in_text(text)) == expected


def test_the_contractor_doing_the_work_is_not_who_the_aid_is_for() -> None:
    description = ("Le Département finance la plantation de vergers. Le chantier peut être réalisé par une entreprise "
                   "de paysage ou par des bénévoles.")
    assert set(call_beneficiaries(["agriculteurs", "associations"], "", description)) == {B.AGRICULTEUR,
                                                                                             B.ASSOCIATION}


@pytest.mark.parametrize(
    ("cibles", "eligibility", "description", "expected"),
    [
        ("secteur public", "", "Prêt à long terme pour les réseaux de chaleur. Peuvent emprunter les "
         "intercommunalités et les syndicats mixtes.", {B.EPCI, B.SYNDICAT_MIXTE}),
        ("collectivités|professionnels", "", "Aide aux bassins de rétention. Peuvent être maîtres d'ouvrage les "
         "communes et les entreprises, quelle que soit leur taille.",
         {B.COMMUNE, B.TPE, B.PME, B.ETI, B.GE}),
        ("collectivités|entreprises", "", "Reconversion de hangars en locaux d'activité. Le maître d'ouvrage est une "
         "intercommunalité qui loue le bâtiment.", {B.EPCI}),
        ("professionnels|agriculteurs|associations", "", "Soutien aux filières locales. Le porteur du programme "
         "est une entreprise de négoce ou une association de producteurs.", {B.TPE, B.PME, B.ETI, B.GE, B.ASSOCIATION}),
        ("professionnels|collectivités", "", "Réduction des rejets toxiques. Les chambres de métiers déposent pour "
         "l'animation d'une opération groupée.", {B.CHAMBRE_CONSULAIRE}),
        ("particuliers|professionnels", "", "Adaptation des salles de bains au grand âge. La demande est faite par "
         "la personne elle-même, sous conditions de ressources.", {B.PARTICULIER}),
        ("secteur public", "", "Renouvellement des flottes de bus. Peuvent emprunter les régions et les entreprises "
         "publiques locales qui exploitent le réseau.", {B.REGION, B.SEM}),
    ],
    ids=["may-borrow", "may-be-project-owners", "the-project-owner-is", "the-programme-holder-is",
         "file-for-an-operation", "request-made-by-the-person", "local-public-companies-are-sem"],
)
def test_more_ways_a_catalogue_row_says_who_files(cibles: str, eligibility: str, description: str,
                                                  expected: set[B]) -> None:
    assert catalogue_row(cibles, eligibility, description) == expected


@pytest.mark.parametrize(
    ("cibles", "eligibility", "description", "expected"),
    [
        ("agriculteurs|professionnels", "- Projet associant au moins deux fermes et une entreprise de négoce ;\n"
         "- contrat de cinq ans.", "Soutien aux filières de graines. Sont éligibles les exploitants agricoles et les "
         "entreprises de négoce de toute taille.", {B.AGRICULTEUR, B.TPE, B.PME, B.ETI, B.GE}),
        ("Professionnel - PME < 250|Association - Régie par la loi de 1901", "",
         "Création de jardins productifs. Peuvent candidater les associations et les entreprises de toute taille.",
         {B.ASSOCIATION, B.TPE, B.PME, B.ETI, B.GE}),
        ("collectivités|établissements publics", "", "Végétalisation des cours de récréation. Sont éligibles les "
         "communes et les départements. Les écoles ne déposent pas : la demande est présentée par la collectivité "
         "propriétaire.", {B.COMMUNE, B.DEPARTEMENT}),
        ("secteur public", "", "Le FEDER finance des outils qui aident les collectivités à suivre leurs "
         "consommations. Peuvent candidater les communes et les syndicats mixtes d'énergie.",
         {B.COMMUNE, B.SYNDICAT_MIXTE}),
        ("recherche|particuliers", "", "L'agence paie la moitié du contrat doctoral ; l'autre moitié vient d'un "
         "cofinanceur, qui peut être une entreprise ou une collectivité. Le dossier est présenté par l'université "
         "ou l'organisme de recherche du directeur de thèse.", {B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE}),
        ("professionnels|secteur public", "- Sociétés exploitant une usine en France, de toute taille.\n- Grands ports "
         "maritimes, pour une étude commune.\n- Les bureaux d'études sont prestataires et ne peuvent pas déposer.",
         "Études de captage du carbone.", {B.TPE, B.PME, B.ETI, B.GE, B.ETABLISSEMENT_PUBLIC}),
    ],
    ids=["firm-description-over-a-project-condition", "every-size-is-broader-than-the-pme-label",
         "the-authority-refers-back", "projects-that-help-authorities", "what-a-cofinancer-may-be",
         "bullets-that-are-whole-sentences"],
)
def test_a_catalogue_row_keeps_to_who_files(cibles: str, eligibility: str, description: str,
                                            expected: set[B]) -> None:
    assert catalogue_row(cibles, eligibility, description) == expected
