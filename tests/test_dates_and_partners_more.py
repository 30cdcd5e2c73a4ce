"""A relève list whose year follows its label's complement (« Sessions de dépôt 2027 : … »), a prize-giving date that is
no deadline, and partners each paid « une aide » for their own costs."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.normalise.applicants import read_eligibility
from crawlers.normalise.releves import find_releves
from crawlers.spiders.calendar_sections import calendar_deadlines
from models.vocab import Beneficiary as B


@pytest.mark.parametrize(("text", "expected"), [
    ("Sessions de dépôt 2027 : 14 janvier, 20 mai et 7 octobre.", [date(2027, 1, 14), date(2027, 5, 20), date(2027, 10, 7)]),
    ("Dates de dépôt 2028 : 3 mars et 1er septembre.", [date(2028, 3, 3), date(2028, 9, 1)]),
    ("Sessions des candidatures 2027 : 9 avril.", [date(2027, 4, 9)]),
])
def test_a_year_stated_after_the_label_and_its_complement(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


def test_a_calendar_line_with_events_in_brackets_keeps_its_deadlines() -> None:
    line = "Dépôt avant le 12 janvier 2027 (jury du 9 février 2027) ou avant le 18 mai 2027 (jury du 22 juin 2027)."
    assert calendar_deadlines([("Calendrier", line)]) == ["2027-01-12", "2027-05-18"]
    assert calendar_deadlines([("Calendrier", "Jury le 9 février 2027.")]) == []


def test_depot_avant_le_is_a_deadline_cue() -> None:
    assert find_releves("Dépôt avant le 12 janvier 2027, réponse sous deux mois.") == [date(2027, 1, 12)]


def test_a_prize_giving_date_is_no_deadline() -> None:
    block = "Candidatures jusqu'au 11 janvier 2027.\nLes prix seront remis le 16 mars 2027."
    assert calendar_deadlines([("Calendrier", block)]) == ["2027-01-11"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Le porteur de projet doit être une entreprise. Des organismes de recherche peuvent être partenaires, et chaque "
     "partenaire reçoit alors une aide pour ses propres dépenses.", {B.ENTREPRISE, B.RECHERCHE}),
    ("Les projets réunissent deux entreprises et un laboratoire public. Chaque partenaire, entreprise ou laboratoire, "
     "reçoit une aide pour ses dépenses. Les utilisateurs peuvent rejoindre le projet comme partenaires non financés.",
     {B.ENTREPRISE, B.RECHERCHE}),
])
def test_partners_each_paid_an_aid(text: str, expected: set[B]) -> None:
    assert set(read_eligibility(text).applicants) == expected
