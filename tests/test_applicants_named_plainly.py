"""More ways a text plainly says who files, and what it names without naming an applicant: a copular statement
(« Le bénéficiaire est … »), a cleft (« c'est la SPL qui dépose »), a list after « s'adresse : », partners paid their
share, the largest size at its own rate; and a trade excluded, a group the applicant belongs to, a relative clause
closed by a dash, the kind of a supported type."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from tests.test_beneficiaries_labels_catalogue import catalogue_row
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted

COMPANIES = {B.TPE, B.PME, B.ETI, B.GE}


def admitted(labels: list[str], eligibility: str, description: str) -> set[B]:
    return sizes_admitted(call_beneficiaries(labels, eligibility, description))


@pytest.mark.parametrize(
    ("eligibility", "description", "expected"),
    [
        ("", "Aide à la création de tiers-lieux productifs. Le bénéficiaire est le maître d'ouvrage du bâtiment : une "
         "société d'économie mixte, une commune ou une communauté de communes.", {B.SEM, B.COMMUNE, B.EPCI}),
        ("", "Aide aux haltes-garderies. La structure porteuse est le gestionnaire de la halte-garderie : une "
         "association ou une commune.", {B.ASSOCIATION, B.COMMUNE}),
        ("", "Coopération transfrontalière. Peuvent être chef de file : les communes, les associations et les "
         "universités.", {B.COMMUNE, B.ASSOCIATION, B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("Les communes sont éligibles.", "Aide aux réseaux d'eau. Le bénéficiaire est tenu d'informer la Région et le "
         "Département de l'avancement des travaux.", {B.COMMUNE}),  # a duty of the applicant names no one
        ("", "Les projets de méthaniseurs collectifs sont aidés. L'aide s'adresse : aux exploitations agricoles ; aux "
         "entreprises agroalimentaires de moins de 50 salariés.", {B.AGRICULTEUR, B.TPE, B.PME}),
        ("Le maître d'ouvrage est une commune.\nQuand la commune a délégué l'opération à une société publique locale, "
         "c'est la société publique locale qui présente la demande.", "Aide aux cœurs de bourg.", {B.COMMUNE, B.SEM}),
        ("Peuvent déposer les communes.", "Quand l'établissement public foncier a acquis le terrain, c'est la "
         "collectivité qui sollicite l'aide après la cession.", {B.COMMUNE}),  # points back to the applicant
    ],
    ids=["the-beneficiary-is", "the-carrying-structure-is", "may-be-lead-partner", "a-duty-names-no-one",
         "addressed-to-colon-list", "cleft-who-files", "cleft-pointing-back"],
)
def test_plain_statements_of_who_files(eligibility: str, description: str, expected: set[B]) -> None:
    assert admitted([], eligibility, description) == expected


@pytest.mark.parametrize(
    ("eligibility", "description", "expected"),
    [
        ("Peuvent déposer les promoteurs privés et les sociétés publiques locales.", "", COMPANIES | {B.SEM}),
        ("Les candidats sont des foncières privées ou des sociétés d'économie mixte.", "", COMPANIES | {B.SEM}),
        # A trade excluded leaves the other companies.
        ("Sont éligibles les entreprises de logistique, quelle que soit leur taille. Les transporteurs et les "
         "armateurs ne sont pas éligibles.", "", COMPANIES),
        ("Sont éligibles les entreprises. Les artisans ne sont pas éligibles.", "", COMPANIES),
        ("L'aide est destinée aux exploitants agricoles. Les CUMA ne sont pas éligibles.", "", {B.AGRICULTEUR}),
        ("Sont éligibles les entreprises. Les PME ne sont pas éligibles.", "", {B.ETI, B.GE}),  # a size still excludes

        # The group an applicant belongs to applies no more than the applicant's other complements.
        ("Sont éligibles les communes membres de la métropole.", "", {B.COMMUNE}),
        # A relative clause closed by a dash ends there.
        ("Le porteur de projet est l'autorité compétente — la commune ou le syndicat mixte qui gère le service — ou "
         "une association d'usagers.", "", {B.COMMUNE, B.SYNDICAT_MIXTE, B.ASSOCIATION}),
        # A headcount after a complement of registration still sizes the companies.
        ("L'aide s'adresse aux entreprises inscrites au répertoire des métiers au titre d'une activité de "
         "réparation et employant moins de 20 salariés.", "", {B.TPE, B.PME}),
        ("Entreprises de moins de 50 salariés de la filière textile. Les entreprises appartenant à un groupe de plus de "
         "250 salariés sont exclues.", "", {B.TPE, B.PME}),  # the group's headcount is not theirs
        ("Maîtres d'ouvrage : EPCI, SPL, EPA et GIP d'aménagement.", "", {B.EPCI, B.SEM, B.ETABLISSEMENT_PUBLIC}),
        ("Bénéficiaires : SARL, SAS, EURL et entrepreneurs individuels ; communes exploitant un gîte en régie.", "",
         COMPANIES | {B.COMMUNE}),
        ("Personnes majeures domiciliées dans la commune. Une aide par foyer.", "", {B.PARTICULIER}),
        # « la Région » as an item of a list of authorities.
        ("Peuvent déposer : la Région, le Département, les communes.", "", {B.REGION, B.DEPARTEMENT, B.COMMUNE}),
        # « la Région pour ses lycées »: the Région in the list; the lycées are what it owns.
        ("Sont éligibles les communes, les départements pour leurs collèges et la Région pour ses lycées.", "",
         {B.COMMUNE, B.DEPARTEMENT, B.REGION}),
    ],
    ids=["private-developers", "property-companies", "trades-excluded", "artisans-excluded", "farm-form-excluded", "size-excluded",
         "member-of-the-metropole", "dash-ends-relative-clause", "headcount-after-registration",
         "headcount-of-their-group", "public-body-acronyms", "legal-forms", "adults",
         "region-in-a-list", "region-and-what-it-owns"],
)
def test_named_kinds_and_groups(eligibility: str, description: str, expected: set[B]) -> None:
    assert admitted([], eligibility, description) == expected


@pytest.mark.parametrize(
    ("cibles", "description", "expected"),
    [
        ("Collectivités|Entreprises", "Programme de coopération régionale. Peuvent être partenaires : les communes, les "
         "lycées et les chambres de métiers. Le chef de file reverse à chaque partenaire la part de la subvention qui lui "
         "revient.", {B.COMMUNE, B.ETABLISSEMENT_ENSEIGNEMENT, B.CHAMBRE_CONSULAIRE}),
        ("Entreprises", "Aide au stockage de chaleur. Le porteur de projet est l'entreprise qui exploite le site. Les "
         "grandes entreprises sont éligibles au taux de 25 %.", COMPANIES),
        ("Entreprises|Associations", "Le Département soutient les entreprises de transport et de logistique du "
         "territoire, ainsi que les associations d'insertion.", COMPANIES | {B.ASSOCIATION}),
        ("Collectivités|Associations", "La Région aide les communes du territoire de la communauté de communes.",
         {B.COMMUNE}),  # not a list: the communauté de communes completes « territoire »
        # A trade excluded in the very sentence that names it: no other word names companies as applicants.
        ("collectivités|professionnels", "Aide aux cœurs de village. Peuvent déposer un dossier les communes et les "
         "intercommunalités. Les commerçants et artisans qui s'installent dans les boutiques rénovées sont les "
         "bénéficiaires finaux du projet ; ils ne sont pas candidats et peuvent solliciter les aides aux entreprises.",
         {B.COMMUNE, B.EPCI}),
    ],
    ids=["partners-paid-their-share", "largest-size-at-its-rate", "supported-kinds-then-others",
         "complement-is-no-list-item", "trade-named-only-where-excluded"],
)
def test_catalogue_rows(cibles: str, description: str, expected: set[B]) -> None:
    assert catalogue_row(cibles, "", description) == expected
