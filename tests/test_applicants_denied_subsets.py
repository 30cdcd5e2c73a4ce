"""A sentence that denies the aid to part of a type (« les entreprises qui s'implanteront sur la zone ») leaves the
other parts of that type the eligibility text names under their own words (« les promoteurs privés »); and audience
labels of professional bodies name associations, not companies."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries, map_beneficiaries
from crawlers.normalise.unpaid_types import naming_words, unpaid_types
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted


def admitted(labels: list[str], eligibility: str, description: str) -> set[B]:
    return sizes_admitted(call_beneficiaries(labels, eligibility, description))


@pytest.mark.parametrize(
    ("labels", "eligibility", "description", "expected"),
    [
        # The part denied is not the part named as applicant.
        (["collectivités", "entreprises"], "Intercommunalités, établissements publics fonciers et aménageurs privés "
         "titulaires d'une concession.", "Le Département comble le déficit des opérations de reconversion de zones "
         "d'activités. Les entreprises qui s'implanteront sur la zone requalifiée ne sont pas bénéficiaires.",
         {B.EPCI, B.ETABLISSEMENT_PUBLIC, B.TPE, B.PME, B.ETI, B.GE}),
        (["collectivités", "entreprises"], "Communes, sociétés d'économie mixte et bureaux d'études mandatés par la "
         "commune.", "Aide aux études de requalification des centres-bourgs. Les entreprises locataires des locaux "
         "commerciaux ne reçoivent pas d'aide.", {B.COMMUNE, B.SEM, B.TPE, B.PME, B.ETI, B.GE}),
        # Denied by the very word the eligibility uses: the denial stands.
        (["collectivités", "entreprises"], "Communes et entreprises.", "Aide aux réseaux de chaleur. Les entreprises "
         "raccordées au réseau ne sont pas bénéficiaires de la subvention.", {B.COMMUNE}),
        # A bare denial (nothing narrows the subject) removes the type whatever word the eligibility uses.
        (["collectivités", "entreprises"], "Intercommunalités et promoteurs privés.", "Aide à la viabilisation de "
         "parcs d'activités. Les entreprises ne sont pas bénéficiaires de l'aide.", {B.EPCI}),
        # A pronoun after the subject does not narrow it.
        (["collectivités", "entreprises"], "Intercommunalités et aménageurs privés.", "Aide à la requalification de "
         "zones. Les entreprises elles-mêmes ne sont pas bénéficiaires de l'aide.", {B.EPCI}),
    ],
    ids=["future-occupants-vs-private-developers", "tenants-vs-consultancies", "same-word-denied",
         "bare-denial", "pronoun-does-not-narrow"],
)
def test_a_denied_part_of_a_type_leaves_its_other_parts(labels: list[str], eligibility: str, description: str,
                                                        expected: set[B]) -> None:
    assert admitted(labels, eligibility, description) == expected


def test_naming_words_and_denied_types() -> None:
    words = naming_words("Intercommunalités et aménageurs privés.")
    assert words[B.ENTREPRISE] == {"amenageur prive"}
    text = "Les entreprises qui occuperont les ateliers ne sont pas bénéficiaires."
    assert B.ENTREPRISE not in unpaid_types(text, words)
    assert {B.ENTREPRISE, B.PME} <= unpaid_types(text)  # without the eligibility's words, the denial stands


@pytest.mark.parametrize(("label", "expected"), [
    ("Organisations professionnelles", [B.ASSOCIATION]),
    ("Fédérations professionnelles", [B.ASSOCIATION]),
    ("Syndicats professionnels", [B.ASSOCIATION]),
    ("Branches professionnelles", [B.ASSOCIATION]),
    ("Professionnels", [B.ENTREPRISE]),  # the catalogue's own label for companies keeps its meaning
    ("Professionnel - Start-up / TPE / PME", [B.TPE, B.PME]),  # a label naming two sizes names both
])
def test_professional_bodies_as_labels(label: str, expected: list[B]) -> None:
    assert map_beneficiaries([label]) == expected
