"""Who files, read from bullet lists no line announces (each item a sentence of its own, so that an exclusion in one
stays there), from shops and small or medium firms named as such, and around a place named by its intercommunality."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import call_beneficiaries
from crawlers.normalise.sentences import split_sentences
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted


def admitted(eligibility: str, labels: tuple[str, ...] = ()) -> set[B]:
    return sizes_admitted(call_beneficiaries(list(labels), eligibility, ""))


def test_items_of_an_unannounced_list_are_sentences() -> None:
    assert split_sentences("- Être une PME\n- Avoir deux ans d'existence") == [
        "etre une pme", "avoir deux ans d'existence"]


def test_items_of_an_announced_list_stay_with_their_line() -> None:
    assert split_sentences("Sont éligibles :\n- les communes\n- les EPCI") == [
        "sont eligibles : les communes, les epci"]


@pytest.mark.parametrize(("eligibility", "labels", "expected"), [
    # an exclusion in one item does not reach the types of the other items
    ("- Être une PME ou une ETI de moins de 3 000 salariés\n- Avoir plus de deux ans d'existence\n"
     "- Les sociétés civiles immobilières et les entreprises en difficulté ne sont pas éligibles",
     ("professionnels",), {B.TPE, B.PME, B.ETI}),
    # shops are companies; their headcount narrows them beside a line that names a trade
    ("- Commerces et ateliers de moins de 10 salariés\n- Situés dans le département\n"
     "- Les boulangers franchisés sont éligibles", ("professionnels",), {B.TPE}),
    # small and medium firms named in full, in a rate list
    ("Site de production dans la région.\nTaux :\n- Petites entreprises : 45 %\n- Moyennes entreprises : 35 %\n"
     "- ETI : 25 %", ("professionnels",), {B.TPE, B.PME, B.ETI}),
    # an intercommunality named as the place, not as an applicant
    ("Implantation sur le territoire de Grand Chambéry Agglomération.", ("entreprises",), {B.TPE, B.PME, B.ETI, B.GE}),
    ("Siège dans le ressort de la communauté urbaine.", ("entreprises",), {B.TPE, B.PME, B.ETI, B.GE}),
])
def test_bullets_sizes_and_places(eligibility: str, labels: tuple[str, ...], expected: set[B]) -> None:
    assert admitted(eligibility, labels) == expected
