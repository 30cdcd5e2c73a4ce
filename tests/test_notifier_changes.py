"""Saying in French what changed in a call since it was sent: relèves, deadlines, amounts, rate."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from factories import opportunity
from notifier.changes import describe_changes, merge_before

AS_OF = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        pytest.param({"close_dates": ["2027-01-15"]}, {"close_dates": [date(2027, 1, 15), date(2027, 5, 15)]},
                     ["nouvelle relève le 15/05/2027"], id="new-releve"),
        pytest.param({"close_dates": ["2027-01-15"]}, {"close_dates": [date(2027, 1, 31)]},
                     ["la date limite passe du 15/01/2027 au 31/01/2027 (repoussée de 16 jours)"], id="deadline-moved"),
        pytest.param({"close_dates": ["2026-12-20"]}, {"close_dates": [date(2027, 1, 10)]},
                     ["la date limite passe du 20/12/2026 au 10/01/2027 (repoussée de 21 jours)"], id="moved-across-years"),
        pytest.param({"close_dates": ["2027-01-15", "2027-03-01"]}, {"close_dates": [date(2027, 1, 15)]},
                     ["relève du 01/03/2027 supprimée"], id="releve-removed"),
        pytest.param({"close_dates": ["2026-10-01", "2027-01-15"]}, {"close_dates": [date(2027, 1, 15)]},
                     [], id="past-releve-dropped-is-no-news"),
        pytest.param({"amount_max": 500_000}, {"amount_max": 800_000},
                     ["le montant maximum passe de 500\u00a0000\u00a0€ à 800\u00a0000\u00a0€"], id="amount-raised"),
        pytest.param({"amount_min": None}, {"amount_min": 10_000},
                     ["montant minimum désormais indiqué : 10\u00a0000\u00a0€"], id="amount-min-new"),
        pytest.param({"rate_max": 40}, {"rate_max": 50}, ["taux maximum porté à 50\u202f%"], id="rate"),
        pytest.param({"amount_max": 500_000.2}, {"amount_max": 500_000}, [], id="rounding-is-no-change"),
    ],
)
def test_changes_are_said_in_french(before: dict, now: dict[str, Any], expected: list[str]) -> None:
    assert describe_changes(before, opportunity(**now), AS_OF) == expected


def test_successive_events_compare_the_earliest_value_with_the_current_one() -> None:
    before = merge_before([{"amount_max": 300_000, "summary": "x"}, {"amount_max": 500_000}])
    assert before == {"amount_max": 300_000}
    assert describe_changes(before, opportunity(amount_max=300_000), AS_OF) == []
