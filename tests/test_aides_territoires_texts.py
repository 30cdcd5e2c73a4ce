"""Aides-territoires aids: deadlines the description and eligibility texts state beside `submission_deadline`."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from crawlers.normalise.record import normalise_item
from crawlers.spiders.at_shapes import map_aid
from crawlers.spiders.stated_deadlines import deadlines_in
from models.records import OpportunityData

AS_OF = date(2026, 10, 1)


def record(**fields: Any) -> OpportunityData:
    aid = {
        "id": 172001, "url": "/aides/a9b8-requalification-de-friches/", "name": "Requalification de friches",
        "targeted_audiences": ["Communes", "Intercommunalités / Pays"], "submission_deadline": None,
        "recurrence": "Ponctuelle", "is_live": True, "date_updated": "2026-09-20T10:00:00+02:00",
    }
    return normalise_item(map_aid(aid | fields, "aides-territoires", 1), AS_OF)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"description": "<p><strong>Date limite&nbsp;:</strong> 15&nbsp;mars 2027</p>"}, ["2027-03-15"]),
        ({"description": "<p>Les projets sont sélectionnés à chaque rel&egrave;ve :</p>"
                         "<ul><li>14 janvier</li><li>8 avril</li><li>7 octobre 2027</li></ul>"},
         ["2027-01-14", "2027-04-08", "2027-10-07"]),
        ({"eligibility": "<p>Dossier complet à transmettre au plus tard le 30/11/2026.</p>"}, ["2026-11-30"]),
        ({"description": "<p>Appel ouvert jusqu'au 1er février 2027 inclus.</p>", "recurrence": "Permanente"},
         ["2027-02-01"]),
    ],
    ids=["date-limite-entites", "releves-en-liste", "eligibilite-au-plus-tard", "permanente-mais-datee"],
)
def test_deadlines_stated_in_the_texts_become_close_dates(fields: dict[str, Any], expected: list[str]) -> None:
    call = record(**fields)
    assert [d.isoformat() for d in call.close_dates] == expected
    assert call.recurrence is None and call.status.value == "open"


def test_the_submission_deadline_stays_and_the_text_adds_its_relèves() -> None:
    call = record(submission_deadline="2027-09-30",
                  description="<p>Relèves intermédiaires : 15 février et 15 mai 2027.</p>")
    assert call.close_dates == [date(2027, 2, 15), date(2027, 5, 15), date(2027, 9, 30)]


def test_a_cue_closing_one_text_takes_no_date_from_the_next() -> None:
    texts = (
        "<p>Consultez la date limite sur le site du financeur</p>",
        "<p>Projets engagés après le 1er janvier 2027.</p>",
    )
    assert deadlines_in(*texts) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"description": "<p>Subvention plafonnée à 250 000 € par site.</p>", "subvention_rate_upper_bound": 40},
         (None, 250_000, 40)),
        ({"description": "<p>Aide comprise entre 10 000 € et 90 000 €.</p>", "subvention_rate_upper_bound": 60},
         (10_000, 90_000, 60)),
        ({"description": "<p>Les projets doivent représenter au moins 400 000 € d'investissement.</p>"},
         (None, None, None)),
    ],
    ids=["ceiling-in-description", "range-beside-structured-rate", "project-budget-is-no-aid"],
)
def test_the_aid_amounts_stated_in_the_description_are_read(fields: dict[str, Any], expected: tuple) -> None:
    call = record(**fields)
    assert (call.amount_min, call.amount_max, call.rate_max) == expected


def test_a_project_budget_stated_in_the_description_is_the_projects() -> None:
    call = record(description="<p>Les projets doivent représenter au moins 400 000 € d'investissement.</p>")
    assert (call.project_min, call.amount_max) == (400_000, None)
