"""Lines of catalogue exports read as their portals mean them.

The Mission transition écologique export writes « Non éligible aux micro entreprises » (no hyphen) under « Toutes
tailles »: every size but the micro-enterprises. A portal's label copied into the text (« Qui peut en bénéficier :
Collectivité ou institution - Lycée ; Collectivité ou institution - CFA ») names the type after the dash, not every
local authority.
"""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B

MTE_HEAD = "Eligibilité Sectorielle : Industrie manufacturière\nEligibilité en fonction du nombre de salariés: "


@pytest.mark.parametrize(("eligibility", "expected"), [
    (MTE_HEAD + "Toutes tailles\nNon éligible aux micro entreprises", {B.PME, B.ETI, B.GE}),
    (MTE_HEAD + "Toutes tailles\nLes micro entreprises ne sont pas éligibles.", {B.PME, B.ETI, B.GE}),
    (MTE_HEAD + "Toutes tailles", {B.ENTREPRISE}),
    (MTE_HEAD + "Moins de 250 salariés\nNon éligible aux micro-entreprises", {B.PME}),
])
def test_micro_enterprises_left_out(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries(["professionnels"], eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    ("Qui peut en bénéficier : Collectivité ou institution - Lycée ; Collectivité ou institution - CFA",
     {B.ETABLISSEMENT_ENSEIGNEMENT}),
    ("Qui peut en bénéficier : Collectivité ou institution - Commune ; Collectivité ou institution - EPCI",
     {B.COMMUNE, B.EPCI}),
    ("Qui peut en bénéficier : Collectivité ou institution - Autre", {B.ETABLISSEMENT_PUBLIC}),
    # the plain word still names every local authority
    ("Sont éligibles les collectivités territoriales.", {B.COMMUNE, B.EPCI, B.DEPARTEMENT, B.REGION}),
])
def test_portal_labels_in_the_text(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected


@pytest.mark.parametrize(("eligibility", "expected"), [
    # cooperatives are companies, of the size said beside them
    ("Bénéficiaires : exploitants agricoles ; coopératives de distillation de moins de 50 salariés.",
     {B.AGRICULTEUR, B.TPE, B.PME}),
    ("Sont éligibles les communes et les coopératives.", {B.COMMUNE, B.ENTREPRISE}),
    # a CUMA spelled out is a farmers' group, a kind of farm: excluding it leaves the farms
    ("Sont éligibles les coopératives d'utilisation de matériel agricole.", {B.AGRICULTEUR}),
    ("Sont éligibles les entreprises et les exploitations agricoles. Les coopératives d'utilisation de matériel agricole "
     "ne sont pas éligibles.", {B.ENTREPRISE, B.AGRICULTEUR}),
])
def test_cooperatives(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected
