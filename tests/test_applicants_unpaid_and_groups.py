"""Who may apply when a text names whom the project serves, redirects some types elsewhere, names a broad group in one
sentence and its members in another, or names every company size."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted

EVERY_SIZE = {B.TPE, B.PME, B.ETI, B.GE}


def admitted(labels: list[str], eligibility: str, description: str) -> set[B]:
    return sizes_admitted(call_beneficiaries(labels, eligibility, description))


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        (["collectivités", "entreprises"], "Atelier destiné à accueillir des entreprises de production.",
         "Les maîtres d'ouvrage éligibles sont les communes et les intercommunalités. Les entreprises locataires ne "
         "sont pas bénéficiaires de la subvention.", {B.COMMUNE, B.EPCI}),
        (["lycées", "entreprises"], "", "La Région équipe des halles d'essais ouvertes aux entreprises. Les dossiers sont "
         "présentés par les lycées professionnels. Les entreprises utilisatrices paient une redevance et ne reçoivent "
         "pas d'aide.", {B.ETABLISSEMENT_ENSEIGNEMENT}),
        (["associations", "entreprises"], "", "Le dossier est déposé par le pôle, constitué en association et rassemblant "
         "plus de trente entreprises. Les entreprises membres suivent les formations ; elles ne touchent pas la "
         "subvention.", {B.ASSOCIATION}),
        (["entreprises"], "", "Sont éligibles les PME. Les PME sous-traitantes ne reçoivent pas d'aide directe mais "
         "peuvent candidater en leur nom propre.", {B.TPE, B.PME}),
    ],
    ids=["tenants-not-beneficiaries", "connected-firms-receive-nothing", "members-of-a-pole",
         "a-type-that-plainly-files-stays"],
)
def test_whom_the_project_serves_does_not_apply(labels: list[str], eligibility: str, description: str,
                                                 expected: set[B]) -> None:
    assert admitted(labels, eligibility, description) == expected


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        (["entreprises"], "", "L'appel vise les entreprises de plus de 250 salariés ; les PME disposent d'un autre "
         "programme régional.", {B.ETI, B.GE}),
        (["professionnels"], "Projet réalisé en France.", "L'appel est ouvert aux ETI et aux grandes entreprises. Les PME "
         "de la filière n'y déposent pas de dossier : elles interviennent comme fournisseurs.", {B.ETI, B.GE}),
        (["entreprises"], "", "Sont éligibles les PME et les ETI du secteur ; les grandes entreprises ne le sont pas.",
         {B.TPE, B.PME, B.ETI}),
    ],
    ids=["others-have-their-own-programme", "they-do-not-file-there", "are-not"],
)
def test_types_sent_elsewhere_do_not_apply(labels: list[str], eligibility: str, description: str,
                                           expected: set[B]) -> None:
    assert admitted(labels, eligibility, description) == expected


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        (["collectivités", "entreprises"], "", "La Caisse prête sur vingt ans aux acteurs publics qui aménagent des zones "
         "d'activités. Peuvent emprunter les communes et les sociétés publiques locales.", {B.COMMUNE, B.SEM}),
        (["collectivités", "chambres consulaires"], "Opération de trois ans.", "Le porteur de l'opération est une "
         "collectivité compétente (commune, intercommunalité ou syndicat mixte) ou une chambre consulaire.",
         {B.COMMUNE, B.EPCI, B.SYNDICAT_MIXTE, B.CHAMBRE_CONSULAIRE}),
        (["entreprises"], "Entreprise créée depuis plus de deux ans.", "L'avance est accordée aux PME de l'industrie.",
         {B.TPE, B.PME}),
        (["entreprises"], "", "Le projet est porté par une entreprise seule : PME, ETI ou grands groupes peuvent "
         "candidater.", EVERY_SIZE),
        (["professionnels", "recherche"], "", "Chaque projet réunit au moins deux entreprises et un laboratoire public de "
         "recherche. Les entreprises partenaires peuvent être de toute taille. Chaque partenaire reçoit directement sa "
         "part de l'aide.", EVERY_SIZE | {B.RECHERCHE}),
    ],
    ids=["broad-group-and-its-members-named", "operation-holder", "an-advance-granted-to",
         "every-size-named", "a-project-gathers"],
)
def test_groups_members_and_sizes(labels: list[str], eligibility: str, description: str, expected: set[B]) -> None:
    assert admitted(labels, eligibility, description) == expected


def test_every_size_named_admits_a_company_of_unknown_size_but_a_headcount_does_not() -> None:
    assert call_beneficiaries([], "Sont éligibles les PME, les ETI et les grandes entreprises.", "") == [B.ENTREPRISE]
    assert B.ENTREPRISE not in call_beneficiaries([], "Sont éligibles les entreprises de plus de 9 salariés.", "")


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        ([], "Les collectivités territoriales et leurs groupements peuvent solliciter cette aide.", "",
         {B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION}),
        ([], "Sont éligibles les entreprises d'une même zone qui créent une chaufferie commune de secours.", "",
         EVERY_SIZE),
        ([], "Le projet est porté par l'association qui anime le lieu. Lorsque le bâtiment appartient à une commune, "
         "celle-ci peut porter elle-même les travaux.", "", {B.ASSOCIATION, B.COMMUNE}),
        ([], "Chaque projet associe un laboratoire public et une entreprise. Chaque partenaire reçoit sa part de l'aide : "
         "45 % des dépenses pour les PME, 25 % pour les autres entreprises.", "", EVERY_SIZE | {B.RECHERCHE}),
        ([], "Les projets sont coordonnés par une université. Une collectivité (commune ou intercommunalité) peut être "
         "partenaire et recevoir une part du financement.", "",
         {B.ETABLISSEMENT_ENSEIGNEMENT, B.COMMUNE, B.EPCI}),
        ([], "Le consortium réunit au moins trois entreprises établies en Bretagne, dont une PME ; tous les partenaires "
         "reçoivent une aide.", "", EVERY_SIZE),
        ([], "Peuvent déposer les laboratoires publics. Un bureau d'études peut être partenaire et recevoir une part du "
         "financement. Les industriels ouvrent leurs sites, sans recevoir de financement.", "",
         EVERY_SIZE | {B.RECHERCHE}),
        (["entreprises"], "Peuvent déposer les entreprises de moins de 250 salariés. Les bureaux d'études retenus par "
         "l'entreprise ne peuvent pas déposer de demande.", "", {B.TPE, B.PME}),
        ([], "Sont éligibles les communes. Les prestations d'un bureau d'études sont éligibles.", "", {B.COMMUNE}),
    ],
    ids=["solliciter-cette-aide-is-no-helper", "commune-as-an-adjective", "a-condition-taken-up-by-celle-ci",
         "rates-by-size-narrow-nothing", "a-bracketed-list-with-ou", "a-size-the-group-must-include-after-a-place",
         "a-paid-member-of-a-type-others-of-which-get-nothing", "a-kind-of-company-excluded",
         "a-consultancy-s-services"],
)
def test_helpers_adjectives_conditions_rates_and_consultancies(labels: list[str], eligibility: str, description: str,
                                                               expected: set[B]) -> None:
    assert admitted(labels, eligibility, description) == expected


@pytest.mark.parametrize(
    ("eligibility", "expected"),
    [
        ("Chaque projet associe deux entreprises qui s'engagent à accueillir des stagiaires ou des apprentis.",
         EVERY_SIZE),
        ("Ouvert aux laboratoires publics. Les entreprises peuvent être partenaires du projet et bénéficier d'une aide "
         "pour leur part.", EVERY_SIZE | {B.RECHERCHE}),
        ("Le projet est porté par une entreprise. Les universités peuvent être membres du consortium ; elles perçoivent "
         "alors une aide propre.", EVERY_SIZE | {B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("Peuvent candidater les chambres de métiers et les associations d'entreprises (clubs d'industriels, "
         "associations de zones).", {B.CHAMBRE_CONSULAIRE, B.ASSOCIATION}),
        ("Peuvent candidater les communes et les PETR. Les études sont confiées à des bureaux d'études retenus par la "
         "commune.", {B.COMMUNE, B.PETR}),
    ],
    ids=["a-list-inside-a-relative-clause", "partners-of-the-project-and-aided", "members-with-an-aid-of-their-own",
         "clubs-of-manufacturers", "studies-entrusted-to-consultancies"],
)
def test_relative_lists_paid_members_clubs_and_contractors(eligibility: str, expected: set[B]) -> None:
    assert admitted([], eligibility, "") == expected


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        (["professionnels"], "", "L'appel s'adresse aux entreprises de toute taille. Seuls les projets réalisés dans les "
         "départements de l'Aisne et de l'Oise sont éligibles.", EVERY_SIZE),
        (["entreprises", "lycées"], "", "La Région équipe des ateliers ouverts aux entreprises. Les dossiers sont présentés "
         "par les lycées.", {B.ETABLISSEMENT_ENSEIGNEMENT}),
        (["professionnels", "secteur public"], "", "Sont aidés les entreprises de toute taille et les syndicats mixtes "
         "gestionnaires de zones.", EVERY_SIZE | {B.SYNDICAT_MIXTE}),
        (["collectivités", "professionnels"], "", "Le Département aide les intercommunalités qui rachètent des ateliers. "
         "L'entreprise qui loue l'atelier n'est pas bénéficiaire.", {B.EPCI}),
        (["professionnels"], "", "L'aide est destinée aux industriels, de la PME au grand groupe.", EVERY_SIZE),
        (["professionnels"], "", "L'aide est réservée aux fromageries de moins de 50 salariés.", {B.TPE, B.PME}),
        (["professionnels", "recherche"], "", "Les projets sont portés par un consortium d'au moins deux entreprises et un "
         "laboratoire de recherche public.", EVERY_SIZE | {B.RECHERCHE}),
        (["professionnels", "associations"], "", "L'aide est ouverte aux entreprises de moins de 250 salariés et aux "
         "associations. Les artisans qui posent les équipements ne sont pas bénéficiaires de l'aide.",
         {B.TPE, B.PME, B.ASSOCIATION}),
    ],
    ids=["departements-as-places", "workshops-open-to-firms", "sont-aides-les", "the-tenant-is-not-a-beneficiary",
         "from-sme-to-large-group", "a-trade-in-erie-with-a-headcount", "consortium-of-at-least-two",
         "an-aid-open-to-firms-whose-installers-get-nothing"],
)
def test_places_users_and_trades(labels: list[str], eligibility: str, description: str, expected: set[B]) -> None:
    assert admitted(labels, eligibility, description) == expected


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        (["professionnels", "recherche"], "Entreprises et laboratoires implantés en Normandie.", "Les projets sont portés "
         "par un consortium d'une entreprise et d'un laboratoire public.", EVERY_SIZE | {B.RECHERCHE}),
        (["professionnels"], "", "Les partenaires bénéficiaires sont les entreprises, de la TPE à l'ETI ; chacun reçoit "
         "sa part.", {B.TPE, B.PME, B.ETI}),
        (["collectivités"], "", "L'aide régionale est accordée aux intercommunalités et au syndicat mixte numérique.",
         {B.EPCI, B.SYNDICAT_MIXTE}),
    ],
    ids=["firms-and-labs", "from-tpe-to-eti", "an-aid-with-an-adjective-granted-to"],
)
def test_labs_beside_firms_size_ranges_and_granted_aids(labels: list[str], eligibility: str, description: str,
                                                        expected: set[B]) -> None:
    assert admitted(labels, eligibility, description) == expected


def test_a_territorial_public_body_is_an_epci_and_a_partner_that_may_be_co_beneficiary_applies() -> None:
    assert admitted([], "Le porteur peut être un établissement public territorial ou un syndicat mixte.", "") == {
        B.EPCI, B.SYNDICAT_MIXTE}
    assert admitted([], "Le projet est porté par une PME. Un laboratoire public partenaire peut être co-bénéficiaire de "
                        "l'aide.", "") == {B.TPE, B.PME, B.RECHERCHE}
