"""A trade followed by its type (« pépiniéristes exploitants agricoles »), a form « en association ou en société
commerciale », an exception that names some of the excluded (« sauf les propriétaires d'un moulin classé »),
« cliniques privées », the count of a perimeter (« Périmètre d'au moins dix communes »), a headcount after workshops or
stations, « EPL » as a label, a trade the tables spell « maréchaux-ferrants »; and a commune named as it is in the
call's coverage (« Saint-Claude » in a Jura call)."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries, map_beneficiaries
from crawlers.normalise.commune_limits import limited_to_communes
from crawlers.normalise.text import fold
from models.vocab import Beneficiary as B

TPE, PME, ENT = B.TPE, B.PME, B.ENTREPRISE


@pytest.mark.parametrize(("labels", "eligibility", "expected"), [
    (["Agriculteurs", "Communes"], "Bénéficiaires : pépiniéristes exploitants agricoles, GAEC et EARL.",
     {B.AGRICULTEUR}),
    (["Associations", "Entreprises", "Particuliers"], "Bénéficiaires : écoles de voile constituées en association ou en "
                                                      "société commerciale, quelle que soit leur taille.",
     {B.ASSOCIATION, ENT}),
    (["Communes", "Particuliers"], "Bénéficiaires : communes propriétaires d'un moulin.\nLes particuliers ne sont pas "
                                   "éligibles, sauf les propriétaires d'un moulin classé.",
     {B.COMMUNE, B.PARTICULIER}),
    (["Établissements publics", "Entreprises"], "Bénéficiaires : centres hospitaliers publics.\nLes cliniques privées "
                                                "ne sont pas éligibles, sauf lorsqu'elles assurent les urgences.",
     {B.ETABLISSEMENT_PUBLIC, ENT}),
    (["PETR", "Syndicats mixtes"], "- Périmètre d'au moins dix communes\n- Étude confiée à un architecte",
     {B.PETR, B.SYNDICAT_MIXTE}),
    (["Agriculteurs", "Entreprises"], "Bénéficiaires : producteurs de vanille exploitants agricoles ; ateliers de "
                                       "préparation de moins de 50 salariés.", {B.AGRICULTEUR, TPE, PME}),
    (["Entreprises", "Particuliers"], "Bénéficiaires : maréchaux-ferrants installés dans le département.", {ENT}),
])
def test_forms_exceptions_and_conditions(labels: list[str], eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(labels, eligibility, "")) == expected


def test_an_epl_label_is_a_local_public_company() -> None:
    assert set(map_beneficiaries(["EPL", "Établissements publics"])) == {B.SEM, B.ETABLISSEMENT_PUBLIC}


@pytest.mark.parametrize(("coverage", "expected"), [
    (["DEP-39"], ["COM-39478"]),  # the Jura's Saint-Claude, not Guadeloupe's
    (["PAYS-99100"], []),  # two comparable communes bear the name: none
])
def test_a_commune_named_within_the_coverage(coverage: list[str], expected: list[str]) -> None:
    assert limited_to_communes([fold("Ateliers situés à Saint-Claude.")], coverage) == expected
