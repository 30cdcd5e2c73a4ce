"""Who applies when firms are named by a trade whose ending names people too (« fabricants », « transformateurs »,
« mécaniciens »), when a list goes on past a member group (« les associations d'arboriculteurs et les CUMA ») or a legal
form (« les syndicats de rivière constitués en syndicat mixte »), when a condition counts others (« avec au moins
trois entreprises »), when trades list the kinds of sized companies, and when the text says who is not concerned.
"""

from __future__ import annotations

import pytest

from crawlers.normalise.applicants_en import english_applicants
from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B

TPE, PME, ETI, GE, ENT = B.TPE, B.PME, B.ETI, B.GE, B.ENTREPRISE


@pytest.mark.parametrize(("labels", "description", "expected"), [
    # a trade ending in -ants / -eurs / -iens / -aires, sized across « de X et de Y »
    (["Entreprises"], "Le Département accompagne les fabricants de luges et de raquettes à neige de 10 à 249 salariés "
                      "qui modernisent leur atelier.", {PME}),
    (["Entreprises", "Agriculteurs"], "L'agence aide les transformateurs de lait et de fromages de chèvre employant au "
                                      "moins 250 salariés à traiter leurs effluents.", {ETI, GE}),
    (["Entreprises", "Associations"], "La Région soutient les mécaniciens agricoles et les concessionnaires de "
                                      "machines qui créent un atelier de réparation.", {ENT}),
    # the list goes on past a member group (« d'éleveurs ») and past a legal form
    (["Associations", "Agriculteurs", "Entreprises"], "La Région aide les associations d'arboriculteurs et les CUMA qui "
                                                      "entretiennent les haies.", {B.ASSOCIATION, B.AGRICULTEUR}),
    (["Collectivités", "Entreprises"], "Le Département aide les communes et les syndicats de rivière constitués en "
                                       "syndicat mixte qui restaurent les berges.", {B.COMMUNE, B.SYNDICAT_MIXTE}),
])
def test_described_applicants(labels: list[str], description: str, expected: set[B]) -> None:
    conditions = "- Projet situé dans la région\n- Dépenses d'au moins 20 000 €"
    assert set(call_beneficiaries(labels, conditions, description)) == expected


@pytest.mark.parametrize(("labels", "eligibility", "description", "expected"), [
    # a condition that counts others names no applicant: the described applicants stand
    (["Lycées", "Entreprises"], "- Diplôme préparé en alternance\n- Convention avec au moins trois entreprises du "
                                "bassin", "La Région aide les lycées professionnels et les CFA de la filière à renouveler leurs machines.",
     {B.ETABLISSEMENT_ENSEIGNEMENT}),
    (["Associations", "Agriculteurs"], "- Au moins douze apiculteurs engagés dans le rucher collectif",
     "La Région soutient les associations de défense des abeilles qui créent un rucher-école.", {B.ASSOCIATION}),
])
def test_counted_others_are_a_condition(labels: list[str], eligibility: str, description: str,
                                        expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, description)) == expected


@pytest.mark.parametrize(("labels", "eligibility", "expected"), [
    # trades listed after sized companies are kinds of them
    (["Entreprises"], "Entreprises de moins de 500 salariés : fabricants de skis, transformateurs de bois, "
                      "décolleteurs. Les projets sont individuels.", {TPE, PME, ETI}),
    # an exception that names a legal form lets that form back in
    (["Communes", "Établissements publics"], "Porteurs : communes touristiques.\nLes établissements publics ne sont pas "
                                             "éligibles, sauf les offices de tourisme constitués en EPIC.",
     {B.COMMUNE, B.ETABLISSEMENT_PUBLIC}),
    # « pas plus que », « n'est pas concerné » exclude; the employer's apprentice is not the one excluded
    (["Collectivités", "Particuliers"], "Communes et syndicats mixtes de collecte.\nLes entreprises de jardinage ne "
                                        "sont pas bénéficiaires, pas plus que les particuliers.",
     {B.COMMUNE, B.SYNDICAT_MIXTE}),
    (["Entreprises", "Associations"], "Tonneliers installés dans le département, quelle que soit leur taille. Le "
                                      "conservatoire de la tonnellerie, animé par une association, n'est pas concerné.",
     {ENT}),
    (["Particuliers"], "L'aide est destinée aux apprentis inscrits dans un CFA de la région. L'employeur de l'apprenti "
                       "n'est pas concerné.", {B.PARTICULIER}),
    # an audience line the precise sentences replace does not keep a group the text denies the aid
    (["Entreprise", "Collectivité"], "Public : Entreprise, Collectivité\nEntreprises de carrières, quelle que soit "
                                     "leur taille ; EPCI qui exploitent une carrière en régie.\nLes communes qui "
                                     "achètent des granulats ne sont pas bénéficiaires.", {ENT, B.EPCI}),
    # suppliers and the items of a denied list
    (["Collectivités", "Entreprises"], "Communes et EPCI.\nLes installateurs de bornes et les exploitants de réseaux "
                                       "sont des fournisseurs.", {B.COMMUNE, B.EPCI}),
    (["Lycées", "Entreprises"], "Lycées professionnels et CFA.\nLes entreprises qui accueillent des stagiaires, les "
                                "fabricants de robots et l'OPCO, partenaire de l'opération, ne reçoivent pas d'aide.",
     {B.ETABLISSEMENT_ENSEIGNEMENT}),
])
def test_kinds_exceptions_and_denials(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, "")) == expected


def test_an_english_list_goes_on_after_semicolons() -> None:
    text = ("<p><strong>Eligibility:</strong> Proposals must be submitted by consortia of at least three entities, "
            "drawn from: SMEs that repair bicycles; business associations established as non-profit organisations; "
            "vocational training providers. Large enterprises are not eligible.</p>")
    assert set(english_applicants(text)) == {TPE, PME, B.ASSOCIATION, B.ETABLISSEMENT_ENSEIGNEMENT}
