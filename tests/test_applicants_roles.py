"""Who may apply when a page names many actors: a coarse label line narrowed by the sentence under it, types that
are only the predicate of a negation, types an exclusion lets back in, helpers, redirections, legal forms, broad
groups a list defines after a colon, public bodies under their own names, and FAQ answers."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import beneficiaries_in_text, call_beneficiaries
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted


def admitted(text: str) -> set[B]:
    """What the text admits, sizes spelled out (a PME call admits a TPE)."""
    return sizes_admitted(beneficiaries_in_text(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entreprise\nL'aide est réservée aux PME industrielles.", {B.TPE, B.PME}),
        ("Entreprise\nCet appel s'adresse aux entreprises de taille intermédiaire, de 250 à 4 999 salariés.", {B.ETI}),
        ("Collectivité\nPeuvent déposer un dossier les communes de moins de 2 000 habitants.", {B.COMMUNE}),
        ("Association\nSont éligibles les PME du secteur culturel.", {B.ASSOCIATION, B.TPE, B.PME}),
    ],
    ids=["companies-label-then-pme", "companies-label-then-eti", "authorities-label-then-communes",
         "label-of-another-family-stays"],
)
def test_a_bare_label_line_is_narrowed_by_the_sentence_under_it(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les PME. Une filiale d'un groupe de plus de 250 salariés n'est pas une PME et ne peut pas "
         "candidater.", {B.TPE, B.PME}),
        ("Peuvent candidater les associations. Une structure qui n'est pas une association déclarée ne peut pas "
         "déposer de dossier.", {B.ASSOCIATION}),
    ],
    ids=["not-a-pme", "not-an-association"],
)
def test_a_type_named_as_what_something_is_not_is_not_excluded(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les communes. Sont exclues les sociétés commerciales, à l'exception des sociétés "
         "d'économie mixte.", {B.COMMUNE, B.SEM}),
        ("Sont éligibles les communes et les EPCI. Ne sont pas éligibles les structures privées, à l'exception des "
         "associations agréées.", {B.COMMUNE, B.EPCI, B.ASSOCIATION}),
        ("Ne sont pas éligibles : les sociétés commerciales, à l'exception des sociétés d'économie mixte (SEM) ; "
         "les particuliers. Peuvent candidater les communes.", {B.COMMUNE, B.SEM}),
        ("Peuvent candidater les PME. Ne sont pas éligibles : les exploitations agricoles, à l'exception des GAEC "
         "dotés d'un atelier de transformation, les établissements publics et les collectivités, y compris lorsqu'ils "
         "louent le bâtiment à l'entreprise.", {B.TPE, B.PME, B.AGRICULTEUR}),
        ("Sont éligibles les entreprises, à l'exception des entreprises agricoles.",
         {B.TPE, B.PME, B.ETI, B.GE}),
    ],
    ids=["sem-let-back-in", "associations-let-back-in", "abbreviation-let-back-in", "exception-list-ends",
         "exception-to-applicants-stays-a-group"],
)
def test_an_exception_to_an_exclusion_lets_its_type_apply(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entreprises industrielles de la région. Les chambres de commerce et d'industrie orientent les candidats.",
         {B.TPE, B.PME, B.ETI, B.GE}),
        ("PME et ETI de la région. Les CCI peuvent aider les candidats à monter leur dossier.",
         {B.TPE, B.PME, B.ETI}),
        ("Communes et EPCI du département. Les chambres d'agriculture conseillent les porteurs de projet.",
         {B.COMMUNE, B.EPCI}),
        ("Associations et SCIC du territoire. Les chambres de métiers proposent un accompagnement gratuit ; "
         "elles ne sont pas elles-mêmes bénéficiaires.", {B.ASSOCIATION, B.TPE, B.PME, B.ETI, B.GE}),
    ],
    ids=["cci-orient", "cci-may-help", "chambers-advise", "not-themselves-beneficiaries"],
)
def test_helpers_named_beside_the_applicants_do_not_apply(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entreprises industrielles de la région. Les entreprises de moins de 10 salariés sont orientées vers le "
         "chèque artisanat ; les ETI et les grandes entreprises relèvent du fonds régional d'industrialisation.",
         {B.TPE, B.PME}),
        ("PME, ETI et grandes entreprises du territoire. Les grandes entreprises sont orientées vers les autres "
         "dispositifs de l'Agence.", {B.TPE, B.PME, B.ETI}),
        ("Entreprises de 20 à 2 000 salariés du bassin. Les entreprises de moins de 20 salariés sont orientées vers le "
         "chèque numérique.", {B.TPE, B.PME, B.ETI}),
    ],
    ids=["small-and-large-redirected", "large-redirected", "under-fifty-redirected-keeps-larger-pme"],
)
def test_types_sent_to_another_scheme_do_not_apply(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peuvent candidater les établissements publics territoriaux (EPT) de la Métropole du Grand Paris.",
         {B.EPCI}),
        ("Sont éligibles les centres communaux d'action sociale (CCAS) et les CIAS.", {B.ETABLISSEMENT_PUBLIC}),
        ("Sont éligibles les offices de tourisme constitués en établissement public industriel et commercial.",
         {B.ETABLISSEMENT_PUBLIC}),
        ("Cet appel est réservé aux établissements publics territoriaux de bassin constitués en syndicat mixte.",
         {B.SYNDICAT_MIXTE}),
        ("Peuvent déposer les régies constituées sous forme d'établissement public.", {B.ETABLISSEMENT_PUBLIC}),
        ("Destiné aux organismes de recherche (EPST, EPIC).", {B.RECHERCHE}),
    ],
    ids=["ept", "ccas-cias", "epic-in-full", "eptb-as-syndicat-mixte", "form-after-de", "epic-of-research"],
)
def test_public_bodies_are_read_under_their_own_names_and_legal_forms(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les collectivités compétentes en assainissement :\nles communes ;\nles communautés "
         "d'agglomération ;\nles syndicats mixtes d'assainissement.", {B.COMMUNE, B.EPCI, B.SYNDICAT_MIXTE}),
        ("Les projets sont portés par une collectivité du massif : communes, communautés de communes et "
         "syndicats mixtes de parc.", {B.COMMUNE, B.EPCI, B.SYNDICAT_MIXTE}),
    ],
    ids=["collectivites-then-list", "collectivite-then-list-inline"],
)
def test_a_broad_group_a_colon_list_defines_names_only_that_list(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les communes. Le prestataire qui agit pour le compte de la commune n'est pas éligible.",
         {B.COMMUNE}),
        ("Peuvent candidater les communes propriétaires. Peuvent également candidater, en lieu et place de la "
         "collectivité propriétaire, les associations gestionnaires.", {B.COMMUNE, B.ASSOCIATION}),
        ("Cet appel est réservé aux PME indépendantes, c'est-à-dire non détenues à plus de 25 % par une grande "
         "entreprise.", {B.TPE, B.PME}),
        ("Le dispositif s'adresse aux SCIC dont le capital est détenu par des particuliers, des associations ou des "
         "communes.", {B.TPE, B.PME, B.ETI, B.GE}),
        ("Le dispositif s'adresse aux sociétés citoyennes dont la moitié du capital est détenue par des riverains, des "
         "associations ou des collectivités.", {B.TPE, B.PME, B.ETI, B.GE}),
    ],
    ids=["acted-for-not-excluded", "instead-of", "owner-of-the-applicant", "owners-listed",
         "owners-after-a-word-that-is-no-type"],
)
def test_the_one_acted_for_is_neither_excluded_nor_added(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


def test_a_condition_after_sauf_si_excludes_no_type() -> None:
    """« Non, sauf si le groupe reste sous les seuils des PME » is a condition, not the exclusion of the PME."""
    found = call_beneficiaries([], "Les PME innovantes de moins de 250 salariés.",
                               "Une filiale peut-elle candidater ? Non, sauf si le groupe reste sous les seuils des "
                               "PME au sens européen.")
    assert sizes_admitted(found) == {B.TPE, B.PME}


@pytest.mark.parametrize(
    ("eligibility", "description", "expected"),
    [
        ("Les PME de l'industrie.", "Qui peut candidater ?\nLes PME.\nLes ETI sont-elles éligibles ?\nOui, si elles "
         "déposent un projet commun avec deux PME.", {B.TPE, B.PME, B.ETI}),
        ("Les communes et leurs établissements publics.", "Une association peut-elle déposer un dossier ?\nOui, si elle "
         "gère un équipement ouvert au public.", {B.COMMUNE, B.ETABLISSEMENT_PUBLIC, B.ASSOCIATION}),
        ("", "Qui peut candidater ?\nLes start-up industrielles.\nUne université peut-elle être lauréate ?\nNon. Elle "
         "peut être sous-traitante de l'entreprise.", {B.TPE, B.PME}),
    ],
    ids=["faq-yes-adds", "faq-yes-association", "faq-no-excludes"],
)
def test_faq_answers_say_who_may_apply(eligibility: str, description: str, expected: set[B]) -> None:
    assert sizes_admitted(call_beneficiaries([], eligibility, description)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont bénéficiaires de l'aide les organismes de recherche et les entreprises partenaires de moins de 250 "
         "salariés.", {B.RECHERCHE, B.TPE, B.PME}),
        ("Candidature déposée par une PME, seule ou avec un laboratoire de l'université, qui est alors "
         "co-bénéficiaire.", {B.TPE, B.PME, B.RECHERCHE}),
        ("Les PME implantées en Bretagne.\nElles peuvent candidater avec des organismes de recherche, qui sont alors "
         "co-bénéficiaires.", {B.TPE, B.PME, B.RECHERCHE}),
    ],
    ids=["paid-partners", "university-lab-is-research", "place-of-the-previous-sentence"],
)
def test_partners_who_are_paid_apply(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("labels", "description", "expected"),
    [
        (["entreprises", "associations"], "Les entreprises qui recrutent bénéficient d'un appui RH. Les parcours sont "
         "construits avec les branches professionnelles et les organismes de formation.",
         {B.TPE, B.PME, B.ETI, B.GE}),
    ],
    ids=["built-with-partners"],
)
def test_who_acts_in_a_description_decides_between_labels(labels: list[str], description: str,
                                                          expected: set[B]) -> None:
    assert sizes_admitted(call_beneficiaries(labels, "", description)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seules les communes peuvent déposer un dossier. Les communautés d'agglomération ou de communes ne sont pas "
         "éligibles.", {B.COMMUNE}),
        ("Cet appel s'adresse aux collectivités, à l'exception de la Région.",
         {B.COMMUNE, B.EPCI, B.DEPARTEMENT}),
        ("Sont éligibles les collectivités, sauf le Département.", {B.COMMUNE, B.EPCI, B.REGION}),
    ],
    ids=["elided-communautes-de-communes", "except-the-region", "except-the-departement"],
)
def test_authorities_named_in_short_forms(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le coordinateur est un laboratoire public. Les PME peuvent être partenaires bénéficiaires ; les grandes "
         "entreprises participent sur leurs fonds propres, sans aide.", {B.RECHERCHE, B.TPE, B.PME}),
        ("Projet déposé par une PME. Les organismes de recherche peuvent intervenir en sous-traitance.",
         {B.TPE, B.PME}),
        ("Ouvert aux associations d'usagers, en binôme avec un laboratoire public.", {B.ASSOCIATION}),
        ("Projets coordonnés par un organisme de recherche. Les chambres d'agriculture peuvent animer le réseau, sans "
         "financement.", {B.RECHERCHE}),
        ("Sont éligibles les clusters constitués en association. Les entreprises participantes ne déposent pas de "
         "dossier.", {B.ASSOCIATION}),
    ],
    ids=["own-funds-no-aid", "subcontracting", "paired-with", "animate-without-funding", "do-not-file"],
)
def test_participants_without_aid_do_not_apply(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        (["professionnels"], "", "Aider les entreprises qui s'installent en montagne. Il s'adresse aux entreprises de "
         "moins de 20 salariés.", {B.TPE, B.PME}),
        (["entreprises", "collectivités"], "", "Sont éligibles les sociétés publiques locales qui portent une foncière.",
         {B.SEM}),
        (["entreprises"], "Sont éligibles les PME et les ETI, à l'exception des micro-entreprises, qui sont orientées "
         "vers le prêt d'honneur.", "", {B.TPE, B.PME, B.ETI}),  # a PME call admits a TPE
        (["collectivités"], "Seules les communautés de communes peuvent candidater. Les communes et les syndicats "
         "intercommunaux ne sont pas éligibles.", "", {B.EPCI}),
        (["entreprises", "associations"], "Le fonds s'adresse aux SCOP. Les associations, y compris lorsqu'elles "
         "envisagent une transformation en SCIC, ne sont pas éligibles.", "", {B.TPE, B.PME, B.ETI, B.GE}),
        (["collectivités", "professionnels"], "Peuvent déposer les communes. Les artisans qui s'installent sont les "
         "bénéficiaires finaux ; ils ne sont pas candidats.", "", {B.COMMUNE}),
        (["secteur public"], "Cet appel s'adresse aux conseils régionaux. Les départements et les intercommunalités "
         "sont associés à la gouvernance ; ils ne peuvent pas candidater.", "", {B.REGION}),
    ],
    ids=["sizes-in-another-sentence", "sem-under-company-and-authority-labels",
         "relative-clause-of-an-exception", "excluding-a-kind-of-epci", "type-in-a-subordinate-of-an-exclusion",
         "final-beneficiaries-are-not-candidates", "pronoun-after-semicolon-excludes"],
)
def test_catalogue_rows_say_who_applies(labels: list[str], eligibility: str, description: str,
                                        expected: set[B]) -> None:
    assert sizes_admitted(call_beneficiaries(labels, eligibility, description)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les associations employeuses. Ne sont pas éligibles : les fondations et les associations "
         "cultuelles.", {B.ASSOCIATION}),
        ("Peuvent déposer les communes propriétaires. La subvention reste attribuée à la collectivité, et la SEM "
         "mandataire ne peut pas déposer en son nom propre.", {B.COMMUNE}),
        ("Le maître d'ouvrage éligible est l'exploitant : SEM ou SPL, selon le mode de gestion choisi par la "
         "collectivité.", {B.SEM}),
    ],
    ids=["foundations-are-a-kind-of-association", "another-subject-after-comma-et", "agent-of-a-choice"],
)
def test_exclusions_and_agents_keep_to_their_subject(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peuvent répondre les organismes de formation certifiés.", {B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("Les candidatures sont déposées par les établissements publics locaux d'enseignement agricole.",
         {B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("Sont éligibles les syndicats mixtes de rivière, qu'ils soient reconnus établissement public ou non.",
         {B.SYNDICAT_MIXTE}),
        ("Sont éligibles les ménages modestes. Le dossier peut être déposé par une association d'aide à l'habitat, "
         "agissant comme mandataire du ménage.", {B.PARTICULIER}),
        ("Peuvent candidater les lycées publics. Les agriculteurs voisins peuvent assister aux visites, mais ils ne "
         "sont pas éligibles.", {B.ETABLISSEMENT_ENSEIGNEMENT}),
    ],
    ids=["may-answer", "eple", "status-of-the-applicant", "mandatary-after-the-type", "mais-ils-ne-sont-pas"],
)
def test_roles_named_after_the_type(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les associations déclarées depuis un an au moins, ainsi que les fondations.\nLes associations "
         "para-administratives, dont le budget provient pour l'essentiel d'une seule collectivité, ne sont pas "
         "éligibles.", {B.ASSOCIATION}),
        ("Peuvent candidater les sociétés d'économie mixte qui interviennent pour des intercommunalités.", {B.SEM}),
        ("Les fondations qui soutiennent des entreprises innovantes peuvent déposer un dossier.", {B.ASSOCIATION}),
        ("Sont éligibles les entreprises qui comptent moins de 50 salariés.", {B.TPE, B.PME}),
        ("Sont éligibles les organismes de formation, dont les CFA et les GRETA, et les associations.",
         {B.ETABLISSEMENT_ENSEIGNEMENT, B.ASSOCIATION}),
        ("Pour les PME innovantes, qui co-construisent le projet avec un organisme de recherche.",
         {B.TPE, B.PME, B.RECHERCHE}),
    ],
    ids=["authority-in-a-relative-clause", "epci-in-a-relative-clause", "companies-in-a-relative-clause",
         "headcount-in-a-relative-clause-sizes", "dont-lists-members", "co-applicant-in-a-relative-clause"],
)
def test_a_type_inside_a_relative_clause_about_another_does_not_apply(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Établissements d'enseignement supérieur.\nLes entreprises, les communes et les chambres de métiers "
         "membres du projet en sont partenaires ; elles ne reçoivent aucune aide.",
         {B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("Le projet est présenté par un consortium dont le coordinateur est une université ou un organisme de "
         "recherche.", {B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE}),
    ],
    ids=["a-list-shares-its-partner-predicate", "consortium-whose-lead-is-named"],
)
def test_what_is_said_after_a_list_is_said_of_all_its_types(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le porteur du projet doit être l'une des structures suivantes : une PME ; une association ; un syndicat "
         "d'énergie constitué en syndicat mixte ; une communauté d'agglomération.",
         {B.TPE, B.PME, B.ASSOCIATION, B.SYNDICAT_MIXTE, B.EPCI}),
        ("Le porteur doit être une entreprise. Il peut s'associer à des laboratoires publics, qui sont alors "
         "co-bénéficiaires de l'aide.", {*sizes_admitted([B.ENTREPRISE]), B.RECHERCHE}),
        ("Le porteur doit être une entreprise. Les laboratoires associés ne sont pas co-bénéficiaires.",
         sizes_admitted([B.ENTREPRISE])),
    ],
    ids=["colon-list-items-after-semicolons", "partners-that-are-co-beneficiaries", "not-co-beneficiaries"],
)
def test_list_items_and_co_beneficiaries_are_applicants(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chaque partenaire — collectivité, école d'ingénieurs ou association — est bénéficiaire pour sa part.",
         {B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION, B.ETABLISSEMENT_ENSEIGNEMENT, B.ASSOCIATION}),
        ("Le dossier est déposé par une équipe appartenant à un organisme de recherche. Dans un projet commun, "
         "la PME partenaire reçoit elle aussi une aide.", {B.RECHERCHE, B.TPE, B.PME}),
        ("Sont éligibles les associations. Le local appartenant à une commune peut être mis à disposition.",
         {B.ASSOCIATION}),
    ],
    ids=["each-partner-is-a-beneficiary-for-its-share", "lab-team-and-partner-paid-too",
         "owned-by-is-no-applicant"],
)
def test_partners_paid_for_their_share_and_teams_of_an_institution_apply(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


def test_a_description_that_says_to_whom_a_loan_is_proposed_sizes_the_companies() -> None:
    found = call_beneficiaries(["professionnels"], "Au moins trois ans d'activité.",
                               "Le prêt finance les investissements verts. Il est proposé aux PME et aux ETI saines.")
    assert sizes_admitted(found) == {B.TPE, B.PME, B.ETI}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'aide vise les équipementiers de rang 2 qui sont des PME ou des ETI.", {B.TPE, B.PME, B.ETI}),
        ("L'appel cible les sous-traitants de premier rang de l'aéronautique qui sont des PME.", {B.TPE, B.PME}),
        ("Le dossier est déposé par le chef de file. Le chef de file est une commune ou un PETR.\nLes associations "
         "membres du groupement sont co-bénéficiaires de l'aide.", {B.COMMUNE, B.PETR, B.ASSOCIATION}),
        ("Sont éligibles les exploitants agricoles installés depuis moins de cinq ans.\nLa chambre d'agriculture "
         "instruit les demandes pour le compte du Département ; elle n'est pas bénéficiaire.", {B.AGRICULTEUR}),
        ("Les intercommunalités sont éligibles.\nLes clubs d'entreprises constitués en association peuvent aussi "
         "porter une action.", {B.EPCI, B.ASSOCIATION}),
        ("Peuvent candidater les unions de commerçants et d'artisans, ainsi que les communes.", {B.COMMUNE}),
        ("Sont éligibles les communes.\nLes associations syndicales autorisées de drainage peuvent porter un "
         "projet.", {B.COMMUNE, B.ETABLISSEMENT_PUBLIC}),
    ],
    ids=["relative-clause-that-says-what-the-type-is", "first-tier-subcontractors-are-companies",
         "lead-partner-is-a-cue", "instructing-chamber-is-no-applicant", "may-carry-an-action",
         "traders-a-union-gathers-are-its-members", "asa-are-public-bodies"],
)
def test_what_a_type_is_who_leads_and_who_only_instructs(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le projet associe au moins deux partenaires de pays différents, tous bénéficiaires. En France, peuvent "
         "être partenaires les départements et les associations. Les entreprises peuvent participer aux ateliers "
         "sans être partenaires.", {B.DEPARTEMENT, B.ASSOCIATION}),
        ("Le chef de file est une grande entreprise. Des PME peuvent rejoindre le projet comme partenaires ; "
         "chacun reçoit directement sa part de l'aide.", {B.GE, B.TPE, B.PME}),
    ],
    ids=["all-partners-paid", "each-receives-its-share"],
)
def test_when_every_partner_is_paid_the_partners_named_apply(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les communes.\nLorsque l'équipement est exploité par une entreprise, le dossier est "
         "déposé par la commune propriétaire.", {B.COMMUNE}),
        ("Sont éligibles les SEM dont les départements détiennent la majorité du capital.", {B.SEM}),
        ("Le soutien est réservé aux particuliers.\nLes ventes entre particuliers ne sont pas éligibles.",
         {B.PARTICULIER}),
        ("Peuvent candidater les établissements publics d'enseignement (lycées, universités).",
         {B.ETABLISSEMENT_ENSEIGNEMENT}),
        ("Chaque projet réunit une équipe de recherche et au moins une collectivité : commune, intercommunalité ou "
         "département. La collectivité partenaire est bénéficiaire de l'aide.",
         {B.RECHERCHE, B.COMMUNE, B.EPCI, B.DEPARTEMENT}),
        ("Le dossier est déposé par un organisme de recherche, seul ou en partenariat avec des PME. Chaque "
         "partenaire reçoit directement sa part de l'aide.", {B.RECHERCHE, B.TPE, B.PME}),
        ("Sont éligibles les ETI.\nLes grands ports maritimes peuvent aussi déposer un dossier.",
         {B.ETI, B.ETABLISSEMENT_PUBLIC}),
    ],
    ids=["type-in-an-opening-condition", "owners-in-a-relative-clause", "type-completing-an-excluded-thing",
         "public-schools-are-schools", "singular-departement-ending-a-list", "paid-partnership",
         "seaports-are-public-bodies"],
)
def test_conditions_complements_and_named_public_bodies(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les établissements publics, associatifs et privés à but lucratif qui accueillent des "
         "enfants.",
         {B.ETABLISSEMENT_PUBLIC, B.ASSOCIATION, B.TPE, B.PME, B.ETI, B.GE}),
        ("Peuvent déposer les EHPAD publics et associatifs.", {B.ETABLISSEMENT_PUBLIC, B.ASSOCIATION}),
        ("Sont éligibles les EHPAD publics et privés.", {B.ETABLISSEMENT_PUBLIC}),
        ("Peuvent candidater les ambulanciers de moins de 10 salariés.", {B.TPE}),
        ("L'appel est réservé aux groupes chimiques de plus de 5 000 salariés.", {B.GE}),
        ("Sont éligibles les associations de moins de 50 salariés.", {B.ASSOCIATION}),
        ("Sont éligibles les projets créant plus de 20 emplois portés par des associations.", {B.ASSOCIATION}),
        ("Peuvent candidater les personnes qui lancent une activité, à titre individuel.", {B.PARTICULIER}),
        ("La demande est déposée par le jeune lui-même.", {B.PARTICULIER}),
        ("Peuvent candidater les communes, les départements et les pôles métropolitains constitués en syndicat "
         "mixte.", {B.COMMUNE, B.DEPARTEMENT, B.SYNDICAT_MIXTE}),
        ("Sont éligibles les PME. Un laboratoire public peut être associé ; il reçoit alors sa propre part de l'aide.",
         {B.TPE, B.PME, B.RECHERCHE}),
        ("Sont éligibles les universités et le CROUS.", {B.ETABLISSEMENT_ENSEIGNEMENT, B.ETABLISSEMENT_PUBLIC}),
    ],
    ids=["statuses-after-a-type", "two-statuses", "bare-private-names-none", "headcount-after-a-trade",
         "headcount-after-a-group", "headcount-after-a-type", "headcount-of-jobs", "person-on-her-own-account",
         "the-young-person-himself", "legal-form-of-the-last-member", "partner-receives-its-own-share",
         "student-services-are-public-bodies"],
)
def test_statuses_trades_people_and_shares(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les projets sont portés par des consortiums d'écoles d'ingénieurs, de laboratoires publics et de PME.",
         {B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE, B.TPE, B.PME}),
        ("Les projets sont portés par un chercheur seul ou par une équipe, avec des entreprises si besoin.",
         {B.RECHERCHE, *sizes_admitted([B.ENTREPRISE])}),
    ],
    ids=["a-consortium-of-its-members", "a-researcher"],
)
def test_a_consortium_is_its_members_and_a_researcher_is_research(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Peuvent bénéficier de l'aide : les exploitants agricoles et les CUMA.\nLe demandeur doit être affilié à "
         "la MSA, sauf pour les CUMA.", {B.AGRICULTEUR}),
        ("Le projet est porté par une entreprise — PME, ETI ou grand groupe — avec un laboratoire public. Chaque "
         "partenaire reçoit sa part de l'aide.", {*sizes_admitted([B.ENTREPRISE]), B.RECHERCHE}),
        ("Le projet est porté par une unité de recherche. Une fondation peut en être co-porteuse et recevoir une "
         "partie du financement.", {B.RECHERCHE, B.ASSOCIATION}),
        ("Le consortium réunit un laboratoire public et une collectivité : commune ou intercommunalité. Chacun "
         "reçoit directement sa part. Taux d'aide de 60 % pour les collectivités.",
         {B.RECHERCHE, B.COMMUNE, B.EPCI}),
        ("L'aide est ouverte aux particuliers.\nElle est versée au centre de formation, pour le compte du "
         "bénéficiaire.", {B.PARTICULIER}),
    ],
    ids=["except-for-a-condition", "large-groups", "co-carrier-paid-a-share", "rate-for-a-broad-group",
         "payee-for-the-beneficiary"],
)
def test_exemptions_payees_and_rates_name_no_new_applicant(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


def test_a_type_whose_own_predicate_says_it_receives_nothing_does_not_apply() -> None:
    text = ("Les associations et les fondations du secteur.\nLes entreprises adhérentes ne sont pas bénéficiaires "
            "directes : elles versent une cotisation.")
    assert admitted(text) == {B.ASSOCIATION}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sont éligibles les PME. Les laboratoires publics peuvent être partenaires du projet ; chaque partenaire "
         "perçoit alors sa part de l'aide.", {B.TPE, B.PME, B.RECHERCHE}),
        ("Le chef de file est une université.\nLes associations peuvent être membres du consortium. Chaque membre est "
         "bénéficiaire de l'aide pour sa part.", {B.ETABLISSEMENT_ENSEIGNEMENT, B.ASSOCIATION}),
        ("L'aide s'adresse aux armateurs de navires de pêche, quelle que soit leur taille.",
         sizes_admitted([B.ENTREPRISE])),
    ],
    ids=["each-partner-receives-its-share", "members-when-each-member-is-paid", "shipowners-are-companies"],
)
def test_paid_partners_and_members_and_shipowners(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


def test_partners_that_may_also_receive_aid_apply() -> None:
    text = ("Le projet est coordonné par un organisme de recherche ; des PME peuvent être partenaires et bénéficier "
            "d'une aide.")
    assert admitted(text) == {B.RECHERCHE, B.TPE, B.PME}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les travaux réunissent un laboratoire public et une PME ou une ETI. Les groupes de plus de 5 000 salariés "
         "peuvent rejoindre le projet sans être financés.", {B.RECHERCHE, B.TPE, B.PME, B.ETI}),
        ("La prime est versée au stagiaire. Ni l'organisme de formation ni l'entreprise d'accueil ne la touchent.",
         {B.PARTICULIER}),
        ("Le groupement rassemble au moins trois entreprises, dont une PME ; les ETI et les grands groupes peuvent s'y "
         "joindre et sont financés au même titre.", {B.TPE, B.PME, B.ETI, B.GE}),
        ("Les projets associent des entreprises, dont au moins une start-up, et un centre technique.",
         {B.TPE, B.PME, B.ETI, B.GE, B.RECHERCHE}),
        ("Sont éligibles les entreprises dont l'effectif est inférieur à 50 salariés.", {B.TPE, B.PME}),
    ],
    ids=["members-without-funding", "neither-nor-receives", "size-among-companies-and-paid-participants",
         "at-least-one-startup", "headcount-in-a-relative-clause-still-sizes"],
)
def test_members_without_funding_and_sizes_a_group_must_include(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La bourse est attribuée à l'apprenti, qui doit être salarié d'une PME et inscrit dans un lycée "
         "professionnel.", {B.PARTICULIER}),
        ("L'aide est accordée aux apprentis ayant signé un contrat en alternance dans une entreprise de la région.",
         {B.PARTICULIER}),
        ("Sont éligibles les TPE qui emploient moins de 10 salariés, apprentis non compris.", {B.TPE}),
    ],
    ids=["grant-to-an-apprentice", "apprentices-employed-in-a-company", "apprentices-left-out-of-a-headcount"],
)
def test_an_aid_paid_to_a_person_names_that_person(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected
