"""Who may apply when a description says it only through the grant (« verse une prime aux… »), the applicant's own
role (« la commune porteuse doit… »), a catalogue size line, a legal form (« constitués en société »), or names
bodies the applicant hires (« peut faire appel à un centre technique »)."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted


def admitted(labels: list[str], eligibility: str, description: str) -> set[B]:
    return sizes_admitted(call_beneficiaries(labels, eligibility, description))


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["entreprises"], "La Communauté d'agglomération attribue une subvention forfaitaire aux artisans de moins de "
         "10 salariés qui modernisent leur atelier.", {B.TPE}),
        (["professionnels"], "Le Département accorde une aide à l'embauche aux entreprises du bâtiment de moins de 50 "
         "salariés. Le salarié recruté ne perçoit rien au titre du dispositif.", {B.TPE, B.PME}),
        (["collectivités", "associations"], "La Région verse une subvention aux communes rurales pour rénover leurs "
         "salles polyvalentes ; les associations qui les occupent sont consultées.", {B.COMMUNE}),
    ],
    ids=["grant-to-small-craftsmen", "hiring-aid-to-small-firms", "grant-to-communes-not-their-users"],
)
def test_a_grant_paid_to_a_type_names_the_applicant(labels: list[str], description: str, expected: set[B]) -> None:
    assert admitted(labels, "", description) == expected


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["professionnels", "recherche"], "Le projet associe une société et un laboratoire public. La société porteuse doit "
         "employer moins de 50 personnes. Le laboratoire public partenaire reçoit directement sa part de l'aide.",
         {B.TPE, B.PME, B.RECHERCHE}),
        (["collectivités"], "Le programme finance des études d'aménagement. La commune porteuse du projet doit compter "
         "moins de 3 500 habitants.", {B.COMMUNE}),
    ],
    ids=["lead-firm-headcount", "lead-commune-population"],
)
def test_the_lead_applicant_named_by_its_role(labels: list[str], description: str, expected: set[B]) -> None:
    assert admitted(labels, "", description) == expected


def test_a_catalogue_size_line_in_the_description_narrows_companies() -> None:
    description = ("Un consultant agréé réalise un audit de vos procédés en dix jours.\n\n"
                   "Montant de l'aide ou cout: 6 000 € HT\n\n"
                   "Eligibilité en fonction du nombre de salariés: Moins de 50 salariés")
    assert admitted(["professionnels"], "", description) == {B.TPE, B.PME}
    every = description.replace("Moins de 50 salariés", "Toutes tailles")
    assert admitted(["professionnels"], "", every) == {B.TPE, B.PME, B.ETI, B.GE}


@pytest.mark.parametrize(
    ("labels", "text", "expected"),
    [
        (["collectivités", "entreprises"], "Peuvent candidater les syndicats mixtes et les gestionnaires de ports "
         "fluviaux constitués en société.", {B.SYNDICAT_MIXTE, B.TPE, B.PME, B.ETI, B.GE}),
        (["associations", "entreprises"], "Sont éligibles les associations et les coopératives d'habitants "
         "constituées en sociétés.", {B.ASSOCIATION, B.TPE, B.PME, B.ETI, B.GE}),
    ],
    ids=["port-operators-as-companies", "cooperatives-as-companies"],
)
def test_a_trade_constituted_as_a_company_applies_as_a_company(labels: list[str], text: str,
                                                                 expected: set[B]) -> None:
    assert admitted(labels, text, "") == expected


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["entreprises", "recherche"], "Sont éligibles les PME et ETI de la mécanique. Elles peuvent faire appel à un "
         "institut technique, qui intervient comme prestataire et leur facture ses essais.", {B.TPE, B.PME, B.ETI}),
        (["entreprises", "associations"], "Sont éligibles les TPE du commerce de proximité. Elles peuvent recourir à "
         "une association de conseil agréée pour monter leur dossier.", {B.TPE}),
        (["entreprises", "recherche"], "Sont éligibles les PME industrielles ainsi que les laboratoires publics "
         "partenaires, qui reçoivent directement leur part.", {B.TPE, B.PME, B.RECHERCHE}),
    ],
    ids=["technical-institute-as-contractor", "adviser-they-call-on", "paid-lab-still-applies"],
)
def test_bodies_the_applicant_hires_do_not_apply(labels: list[str], description: str, expected: set[B]) -> None:
    assert admitted(labels, "", description) == expected


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["collectivités"], "Le fonds finance la démolition de bâtiments vacants. Les études sont conduites par la "
         "commune ou par l'intercommunalité propriétaire du site.", {B.COMMUNE, B.EPCI}),
        (["collectivités"], "Le portage est engagé sur une demande présentée par la commune ou l'intercommunalité compétente.",
         {B.COMMUNE, B.EPCI}),
    ],
    ids=["par-la-commune-ou-par-l", "la-commune-ou-l"],
)
def test_every_member_of_a_doer_list_with_elided_articles(labels: list[str], description: str,
                                                         expected: set[B]) -> None:
    assert admitted(labels, "", description) == expected


@pytest.mark.parametrize(
    ("labels", "eligibility", "expected"),
    [
        (["entreprises"], "Le projet est porté par une entreprise industrielle, seule ou en consortium. Des universités "
         "peuvent rejoindre le consortium ; elles perçoivent alors une aide pour leur part des dépenses.",
         {B.TPE, B.PME, B.ETI, B.GE, B.ETABLISSEMENT_ENSEIGNEMENT}),
        (["entreprises"], "Les dossiers sont déposés par des entreprises de toute taille. Le consortium peut compter des "
         "organismes de recherche, aidés sur leur part des travaux.", {B.TPE, B.PME, B.ETI, B.GE, B.RECHERCHE}),
        (["entreprises"], "Les dossiers sont déposés par des entreprises de toute taille. Le consortium peut compter des "
         "organismes de recherche, non financés pour leur part.", {B.TPE, B.PME, B.ETI, B.GE}),
    ],
    ids=["universities-paid-for-their-share", "labs-aided-on-their-share", "labs-not-financed"],
)
def test_consortium_members_paid_for_their_share_apply(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert admitted(labels, eligibility, "") == expected


@pytest.mark.parametrize(
    ("labels", "eligibility", "expected"),
    [
        (["recherche"], "Ouvert aux laboratoires publics. Une PME peut être partenaire du projet ; elle perçoit alors "
         "une aide de l'Agence pour sa part des travaux.", {B.RECHERCHE, B.TPE, B.PME}),
        (["entreprises"], "Le projet est déposé par un groupement. Son chef de file est une université ou une école "
         "d'ingénieurs. Les autres membres — entreprises, laboratoires publics — reçoivent leur part de l'aide.",
         {B.ETABLISSEMENT_ENSEIGNEMENT, B.TPE, B.PME, B.ETI, B.GE, B.RECHERCHE}),
        (["recherche"], "Ouvert aux laboratoires publics. Une PME peut être partenaire du projet ; elle ne reçoit "
         "aucune aide.", {B.RECHERCHE}),
    ],
    ids=["partner-then-paid-by-pronoun", "its-lead-and-paid-members", "partner-unpaid"],
)
def test_partners_paid_in_the_next_clause_apply(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert admitted(labels, eligibility, "") == expected


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["collectivités", "professionnels"], "Deux porteurs sont possibles : l'intercommunalité qui aménage la zone, ou "
         "l'entreprise de moins de 20 salariés qui s'y installe. Une entreprise locataire d'un bâtiment construit par "
         "une intercommunalité ne reçoit pas l'aide.", {B.EPCI, B.TPE, B.PME}),
        (["communes", "associations"], "La demande est présentée par les communes qui gèrent l'équipement ou par une "
         "association d'usagers agréée.", {B.COMMUNE, B.ASSOCIATION}),
        (["communes", "EPCI"], "Études de sol réalisées et prises en charge par l'établissement public foncier. Les "
         "travaux sont financés par l'établissement pour les communes et leurs groupements.", {B.COMMUNE, B.EPCI}),
    ],
    ids=["possible-applicants-colon", "second-doer-after-a-relative-clause", "the-funder-after-pris-en-charge-par"],
)
def test_applicants_listed_after_a_colon_or_a_relative_clause(labels: list[str], description: str,
                                                              expected: set[B]) -> None:
    assert admitted(labels, "", description) == expected


def test_every_status_of_a_list_of_statuses_is_no_applicant() -> None:
    text = ("Sont éligibles les syndicats mixtes compétents, qu'ils soient reconnus établissement public "
            "d'aménagement (EPAGE) ou établissement public territorial de bassin (EPTB).")
    assert admitted(["collectivités"], text, "") == {B.SYNDICAT_MIXTE}


def test_who_files_exclusively_is_a_plain_statement() -> None:
    description = ("La Région finance un poste d'animateur. Les candidatures sont portées exclusivement par les "
                   "syndicats mixtes de SCoT. Les associations locales sont consultées sur le programme.")
    assert admitted(["secteur public", "associations"], "", description) == {B.SYNDICAT_MIXTE}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les communes et les aménageurs publics.", {B.COMMUNE, B.ETABLISSEMENT_PUBLIC}),
        ("Sont éligibles les aménageurs publics ou privés.", {B.ETABLISSEMENT_PUBLIC, B.TPE, B.PME, B.ETI, B.GE}),
    ],
    ids=["public-developers", "public-or-private-developers"],
)
def test_public_developers_are_public_bodies(text: str, expected: set[B]) -> None:
    assert admitted([], text, "") == expected


def test_pedagogical_groupings_are_intercommunal_bodies() -> None:
    assert admitted([], "Sont éligibles les communes et les regroupements pédagogiques intercommunaux.", "") == {
        B.COMMUNE, B.EPCI}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peuvent candidater les communes ou un aménageur public (SEM ou SPL) maître d'ouvrage du site.",
         {B.COMMUNE, B.SEM}),
        ("Le dossier est déposé par une structure publique (EPCI ou syndicat mixte) compétente.",
         {B.EPCI, B.SYNDICAT_MIXTE}),
        ("Sont éligibles les associations (fédérations, clubs) et les communes.", {B.ASSOCIATION, B.COMMUNE}),
    ],
    ids=["developer-defined-as-sem", "one-public-body-defined-by-its-kinds", "plural-type-with-examples"],
)
def test_a_type_whose_brackets_list_its_kinds_reads_as_them(text: str, expected: set[B]) -> None:
    assert admitted([], text, "") == expected


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["collectivités"], "La remise est accordée à la commune ou à l'intercommunalité qui rachète le terrain.",
         {B.COMMUNE, B.EPCI}),
        (["professionnels"], "Subvention versée aux PME et aux ETI qui installent la ligne. Les clients qui achètent la "
         "production ne reçoivent rien.", {B.TPE, B.PME, B.ETI}),
        (["professionnels"], "Les entreprises cotisantes de moins de 11 salariés demandent la prise en charge avant la "
         "session.", {B.TPE}),
    ],
    ids=["passive-grant-to-two-doers", "grant-label-to-sizes", "firms-ask-for-the-aid"],
)
def test_who_receives_the_grant_in_the_passive(labels: list[str], description: str, expected: set[B]) -> None:
    assert admitted(labels, "", description) == expected


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["professionnels"], "Sont éligibles les PME industrielles. Les bureaux d'études sont des prestataires de "
         "l'entreprise ; ils ne peuvent pas candidater à sa place.", {B.TPE, B.PME}),
        (["collectivités", "associations", "professionnels"], "Peuvent être bénéficiaires les communes, les associations "
         "et les PME. Les entreprises qui testent le prototype sans être partenaires ne reçoivent rien.",
         {B.COMMUNE, B.ASSOCIATION, B.TPE, B.PME}),
        (["professionnels"], "La zone couvre l'Ain et la Savoie : les entreprises de ces deux départements sont "
         "éligibles.", {B.TPE, B.PME, B.ETI, B.GE}),
        (["collectivités", "associations"], "Le prêt est ouvert aux communes et aux associations gestionnaires d'un "
         "lycée professionnel privé.", {B.COMMUNE, B.ASSOCIATION}),
    ],
    ids=["pronoun-for-the-contractors-not-the-firm", "plainly-beneficiaries-then-a-subset-unpaid",
         "firms-of-these-departements", "associations-running-a-school"],
)
def test_types_named_beside_the_applicants_in_other_roles(labels: list[str], description: str,
                                                          expected: set[B]) -> None:
    assert admitted(labels, "", description) == expected


@pytest.mark.parametrize(
    ("labels", "eligibility", "expected"),
    [
        (["entreprises"], "PME de 10 à 249 salariés ayant un site en Bretagne.\nL'intégrateur et le centre technique qui "
         "conduit les essais sont des prestataires de l'entreprise.", {B.TPE, B.PME}),
        ([], "Peuvent être financées les équipes des universités, ainsi que les associations de recherche. Les "
         "entreprises qui prêtent leurs ateliers ne sont pas financées.", {B.ETABLISSEMENT_ENSEIGNEMENT,
                                                                            B.ASSOCIATION}),
    ],
    ids=["technical-centre-is-a-contractor", "may-be-financed"],
)
def test_contractors_and_financed_teams(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert admitted(labels, eligibility, "") == expected


def test_a_thing_that_may_be_financed_names_no_applicant() -> None:
    description = ("Le fonds finance les échangeurs. Une étude préalable est exigée ; elle peut être aidée à 70 % pour "
                   "une PME.")
    assert admitted(["entreprises", "collectivités"], "", description) == {
        B.TPE, B.PME, B.ETI, B.GE, B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION}


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["PME"], "Le dispositif accompagne les PME industrielles de la région. Les installateurs sont des prestataires "
         "de l'entreprise et ne peuvent pas être bénéficiaires.", {B.TPE, B.PME}),
        (["entreprises"], "Sont éligibles les PME et les ETI. Les dossiers des grandes entreprises ne sont pas "
         "éligibles.", {B.TPE, B.PME, B.ETI}),
    ],
    ids=["contractors-of-the-firm-excluded", "files-of-large-firms-excluded"],
)
def test_an_exclusion_of_the_applicants_contractors_keeps_the_applicant(labels: list[str], description: str,
                                                                         expected: set[B]) -> None:
    assert admitted(labels, "", description) == expected
