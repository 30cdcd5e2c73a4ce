"""Who may apply, read from prose and labels: every applicant type, company sizes from headcounts, exclusions
that remove a type or only a group of it, and how lines and lists make sentences."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import beneficiaries_in_text, beneficiaries_of_label, call_beneficiaries
from crawlers.normalise.sentences import split_sentences
from models.vocab import Beneficiary as B

COMPANIES = [B.ENTREPRISE]
COLLECTIVITIES = [B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peuvent déposer les pôles d'équilibre territoriaux et ruraux du massif.", [B.PETR]),
        ("Syndicats d'électrification et syndicats de traitement des déchets.", [B.SYNDICAT_MIXTE]),
        ("Le syndicat de rivière porteur du contrat territorial.", [B.SYNDICAT_MIXTE]),
        ("Les syndicats d'énergie, avec l'appui des syndicats de salariés.", [B.SYNDICAT_MIXTE]),
        ("Une SEMOP ou une SEML d'aménagement peut être candidate.", [B.SEM]),
        ("Les SPLA du département.", [B.SEM]),
        ("Les chambres régionales d'agriculture.", [B.CHAMBRE_CONSULAIRE]),
        ("Centres de formation d'apprentis de l'industrie.", [B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Établissements scolaires et IUT du département.", [B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Écoles de commerce et grandes écoles.", [B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Les laboratoires universitaires et les unités mixtes de recherche.", [B.RECHERCHE]),
        ("Centres techniques industriels (CTI) et instituts de recherche technologique.", [B.RECHERCHE]),
        ("Établissements publics à caractère scientifique et technologique (EPST).", [B.RECHERCHE]),
        ("Sont éligibles les centres techniques ainsi que les communes mutualisant leurs laboratoires d'analyses.",
         [B.RECHERCHE, B.COMMUNE]),
        ("Les PME associées à un laboratoire de recherche.", [B.PME]),
    ],
    ids=[
        "petr-plural", "syndicats-of-public-services", "syndicat-de-riviere", "not-trade-unions",
        "semop-seml", "spla", "chambres-regionales", "cfa-in-full", "schools-and-iut", "ecoles", "research-units",
        "technical-centres", "epst", "analysis-labs-are-no-research-body", "associated-labs-are-partners",
    ],
)
def test_prose_names_every_applicant_type(text: str, expected: list[B]) -> None:
    assert beneficiaries_in_text(text) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Chambre de métiers", [B.CHAMBRE_CONSULAIRE]),
        ("Centre de formation des apprentis", [B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("SEMOP", [B.SEM]),
        ("Société publique locale", [B.SEM]),
        ("Syndicat d'énergie", [B.SYNDICAT_MIXTE]),
        ("Syndicat de communes", [B.EPCI]),
        ("École d'ingénieurs", [B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Centre technique", [B.RECHERCHE]),
    ],
)
def test_labels_name_every_applicant_type(label: str, expected: list[B]) -> None:
    assert beneficiaries_of_label(label) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entreprises dont l'effectif est strictement inférieur à 10 salariés.", [B.TPE]),
        ("Sociétés d'un effectif inférieur ou égal à 249.", [B.TPE, B.PME]),
        ("Entreprises n'excédant pas 50 salariés.", [B.TPE, B.PME]),
        ("Entreprises dont l'effectif n'excède pas 250 salariés.", [B.TPE, B.PME]),
        ("Entreprises comptant jusqu'à 250 personnes.", [B.TPE, B.PME]),
        ("Entreprises jusqu'à 4 999 salariés.", [B.TPE, B.PME, B.ETI]),
        ("Entreprises de 20 salariés maximum.", [B.TPE, B.PME]),
        ("Entreprises dont l'effectif est supérieur à 9 salariés.", [B.PME, B.ETI, B.GE]),
        ("Entreprises de plus de 4 999 salariés.", [B.GE]),
        ("Entreprises dont l'effectif est compris entre 50 et 4 999.", [B.PME, B.ETI]),
        ("Entreprises de 10 à 250 salariés.", [B.PME]),
    ],
    ids=[
        "strictly-under-10", "at-most-249", "n-excedant-pas", "effectif-n-excede-pas-250", "jusqu-a-250",
        "jusqu-a-4999", "maximum", "superieur-a-9", "plus-de-4999", "effectif-between", "band-ending-at-250",
    ],
)
def test_headcounts_give_company_sizes(text: str, expected: list[B]) -> None:
    assert beneficiaries_in_text(text) == expected


@pytest.mark.parametrize(
    ("labels", "text", "expected"),
    [
        (["entreprises"], "Les entreprises de la filière viticole ne sont pas éligibles.", COMPANIES),
        (["entreprises"], "Ouvert à toute entreprise, sauf les entreprises du secteur bancaire.", COMPANIES),
        (["entreprises"], "Les entreprises exploitant une installation classée sont exclues.", COMPANIES),
        (["entreprises"], "Les entreprises individuelles ne peuvent pas candidater.", COMPANIES),
        (["associations", "entreprises"], "Les associations sportives professionnelles sont exclues.",
         [B.ASSOCIATION, B.ENTREPRISE]),
        (["collectivités"], "Ne sont pas éligibles : les communes nouvelles créées après 2020.", COLLECTIVITIES),
        ([], "Sont éligibles les industriels. Les industriels du négoce de carburants sont exclus.", COMPANIES),
    ],
    ids=["filiere", "sauf-secteur", "exploitant", "individuelles", "associations-sportives", "head-list", "no-labels"],
)
def test_excluding_a_group_keeps_its_type(labels: list[str], text: str, expected: list[B]) -> None:
    assert call_beneficiaries(labels, text, "") == expected


@pytest.mark.parametrize(
    ("labels", "text", "expected"),
    [
        (["entreprises", "associations"], "Les associations (loi 1901) ne sont pas éligibles. Les entreprises de négoce "
         "sont exclues.", COMPANIES),
        (["entreprises", "particuliers"], "Les particuliers et les entreprises agricoles ne peuvent pas bénéficier de "
         "l'aide.", COMPANIES),
        (["entreprises"], "Les grandes entreprises au sens européen et les entreprises publiques sont exclues.",
         [B.TPE, B.PME, B.ETI]),
        (["entreprises"], "Toute entreprise, ETI exclues.", [B.TPE, B.PME, B.GE]),
    ],
    ids=["parenthesis", "particuliers", "au-sens-europeen", "participle"],
)
def test_excluding_the_type_itself_removes_it_and_a_group_beside_it_does_not(
    labels: list[str], text: str, expected: list[B]
) -> None:
    assert call_beneficiaries(labels, text, "") == expected


def test_a_sentence_saying_who_may_not_apply_does_not_hide_who_may() -> None:
    text = "Les ETI industrielles.\nLes associations ne peuvent pas déposer de dossier."
    assert call_beneficiaries(["entreprises", "associations"], text, "") == [B.ETI]


def test_the_eligibility_text_wins_over_the_description() -> None:
    description = "Cet appel à projets est ouvert aux collectivités et aux associations."
    assert call_beneficiaries(["collectivités", "associations"], "Les EPCI du territoire.", description) == [B.EPCI]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles :\n• les PME ;\n• les ETI.\nLe taux est de 30 %.",
         ["sont eligibles : les pme, les eti.", "le taux est de 30 %."]),
        ("Peuvent candidater :\nLes communes\nLes EPCI",
         ["peuvent candidater : les communes, les epci"]),
        ("Les entreprises de la région, associées à\ndes laboratoires.",
         ["les entreprises de la region, associees a des laboratoires."]),
        ("Pour qui ?\nLes syndicats mixtes\nMontant\nUne subvention forfaitaire versée en une seule fois aux lauréats.",
         ["beneficiaires : les syndicats mixtes, montant",
          "une subvention forfaitaire versee en une seule fois aux laureats."]),
    ],
    ids=["bullets-and-semicolons", "unpunctuated-list", "wrapped-line", "heading-list-stops-at-a-paragraph"],
)
def test_lists_and_wrapped_lines_stay_in_one_sentence(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["communes", "EPCI", "associations"], "Le Département aide les communes et intercommunalités rurales.",
         [B.COMMUNE, B.EPCI]),
        (["entreprises", "collectivités"], "L'Agence accompagne les entreprises dans la réduction de leurs rejets.",
         COMPANIES),
        (["communes", "associations", "entreprises"], "Aide aux communes et clubs qui organisent des stages.",
         [B.COMMUNE, B.ASSOCIATION]),
        (["entreprises", "collectivités"], "La Région soutient les PME industrielles qui recrutent.", [B.PME]),
        (["PME", "TPE", "ETI"], "La Région accompagne les projets d'investissement productif des PME.", [B.PME]),
        (["entreprises", "collectivités"], "L'Agence finance les travaux des industriels qui réduisent leurs rejets.",
         COMPANIES),
        (["PME", "ETI"], "La Région accompagne les petites et moyennes industries dans leur transformation.", [B.PME]),
    ],
    ids=["aide-les", "accompagne-les", "aide-aux", "soutient-les-sizes", "projects-of-the-pme",
         "finance-the-works-of", "pmi"],
)
def test_the_object_of_a_funder_s_support_verb_names_applicants(
    labels: list[str], description: str, expected: list[B],
) -> None:
    assert call_beneficiaries(labels, "", description) == expected


@pytest.mark.parametrize(
    "description",
    [
        "Le Fonds finance les chaufferies qui chauffent des bâtiments publics ou des entreprises.",
        "Le fonds soutient les opérations de rachat de locaux dans les centres des communes du programme.",
    ],
    ids=["finance-a-thing", "soutient-a-thing"],
)
def test_a_support_verb_whose_object_is_a_thing_names_no_applicant(description: str) -> None:
    labels = ["entreprises", "collectivités", "associations"]
    assert call_beneficiaries(labels, "", description) == call_beneficiaries(labels, "", "")


def test_an_eligibility_text_opening_on_types_names_them_beside_a_later_cued_sentence() -> None:
    text = ("Commerçants et artisans inscrits au répertoire des métiers, employant moins de 10 salariés.\n"
            "Les communes propriétaires des murs peuvent aussi déposer un dossier.\n"
            "La chambre de métiers accompagne le montage des dossiers.")
    assert call_beneficiaries(["entreprises", "collectivités"], text, "") == [B.TPE, B.COMMUNE]


def test_an_objective_opening_on_a_support_verb_names_its_object() -> None:
    description = "Aider les ETI et les PME de 50 à 249 salariés qui rapatrient une production."
    assert call_beneficiaries(["entreprises"], "", description) == [B.ETI, B.PME]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peuvent candidater : les communautés de communes et les PETR ;\nles communes, seulement lorsqu'elles "
         "comptent moins de 3 000 habitants.", [B.EPCI, B.PETR, B.COMMUNE]),
        ("Le chef de file est une grande entreprise. Des PME et des laboratoires publics peuvent rejoindre le projet "
         "en tant que partenaires ;\nchacun perçoit alors directement sa part de l'aide.", [B.GE, B.PME, B.RECHERCHE]),
        ("Toute personne morale peut candidater (collectivités, associations, chambres consulaires…), à l'exception "
         "des particuliers.", [*COLLECTIVITIES, B.ASSOCIATION, B.CHAMBRE_CONSULAIRE]),
        ("Le dispositif s'adresse aux lycées professionnels ainsi qu'aux groupements d'employeurs.",
         [B.ETABLISSEMENT_ENSEIGNEMENT, B.ASSOCIATION]),
        ("L'aide est attribuée au bénéfice des offices publics de l'habitat (OPH).", [B.ETABLISSEMENT_PUBLIC]),
        ("Communes et EPCI de montagne.\nLes lycées publics relèvent d'un autre dispositif régional.",
         [B.COMMUNE, B.EPCI]),
        ("Les syndicats mixtes de rivière intervenant dans ces deux départements peuvent déposer un dossier.",
         [B.SYNDICAT_MIXTE]),
        ("Type de structure | Éligibilité\nUniversités et écoles d'ingénieurs | Oui, comme membre du consortium\n"
         "Collectivités territoriales | Non (partenaires possibles)", [B.ETABLISSEMENT_ENSEIGNEMENT]),
        ("Communes et propriétaires privés (personnes physiques) d'un bien industriel.", [B.COMMUNE, B.PARTICULIER]),
        ("Entreprises, seules ou en consortium avec des laboratoires ; les laboratoires publics membres du "
         "consortium sont bénéficiaires.", [B.ENTREPRISE, B.RECHERCHE]),
        ("Peuvent candidater : les entreprises de moins de 50 salariés implantées en Saône-et-Loire et les CFA du "
         "département.", [B.TPE, B.PME, B.ETABLISSEMENT_ENSEIGNEMENT]),
    ],
    ids=["list-continued-after-a-semicolon", "partners-who-receive-a-share", "broad-group-defined-in-brackets",
         "groupements-d-employeurs", "oph-au-benefice", "another-scheme-excludes", "a-departement-as-a-place",
         "table-rows-oui-non", "personnes-physiques", "sont-beneficiaires", "a-new-member-after-a-place"],
)
def test_statements_of_who_may_apply(text: str, expected: list[B]) -> None:
    assert beneficiaries_in_text(text) == expected


def test_a_description_opening_au_benefice_des_names_applicants() -> None:
    description = "Au bénéfice des micro-entreprises artisanales de moins de 10 salariés, inscrites au RCS."
    assert call_beneficiaries([], "", description) == [B.TPE]


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["communes", "EPCI"], "Aide à la construction de maisons de santé par les communes.", [B.COMMUNE]),
        (["communes", "EPCI", "associations"], "Aide aux inventaires naturalistes réalisés par les communes et "
         "intercommunalités.", [B.COMMUNE, B.EPCI, B.ASSOCIATION]),
        (["TPE", "PME"], "La Région prend en charge l'achat de logiciels de gestion pour les TPE.", [B.TPE]),
        (["entreprises"], "Prêt bonifié pour les investissements de développement des PME.", [B.PME]),
        (["entreprises", "collectivités"], "Le taux d'aide peut atteindre 65 % du coût d'investissement pour une PME.",
         [B.ENTREPRISE, *COLLECTIVITIES]),
    ],
    ids=["doer", "doers-in-a-list-other-family-kept", "audience", "owner", "a-rate-for-a-size-is-no-audience"],
)
def test_a_description_without_a_statement_names_its_doer_owner_or_audience(
    labels: list[str], description: str, expected: list[B],
) -> None:
    assert call_beneficiaries(labels, "", description) == expected
