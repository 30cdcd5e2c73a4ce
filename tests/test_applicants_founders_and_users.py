"""Founders and users are not applicants; brackets belong to the type right before them."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from models.vocab import Beneficiary as B


@pytest.mark.parametrize(("eligibility", "expected"), [
    # the founders of the company that files do not file
    ("Le demandeur est une SCIC ou une SAS fondée par au moins deux PME du territoire.", {B.ENTREPRISE}),
    ("Porteur : une SPL constituée par des communes et leur EPCI.", {B.SEM}),
    # the users of the equipment are not applicants
    ("Communes et EPCI propriétaires de gymnases. Les associations sportives en sont les usagers.",
     {B.COMMUNE, B.EPCI}),
    # brackets after a type describe that type only, not the one before it
    ("Le candidat est une CMA ou une société (SARL, SCOP).", {B.CHAMBRE_CONSULAIRE, B.ENTREPRISE}),
    # a headcount in brackets sizes its type, it does not replace it
    ("Projets portés par une PME ou une ETI (250 à 4 999 salariés).", {B.PME, B.ETI}),
])
def test_who_files(eligibility: str, expected: set[B]) -> None:
    assert set(call_beneficiaries([], eligibility, "")) == expected
