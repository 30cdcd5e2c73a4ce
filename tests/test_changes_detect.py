"""Typed changes of a call between two crawls, decided from the stored record and the new one (pure)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from factories import opportunity
from models.changes import Change, ChangeType, detect_changes

AS_OF = date(2026, 11, 23)
T = ChangeType


def changes(old: dict[str, Any], new: dict[str, Any] | None, old_listed: bool = True) -> list[tuple]:
    after = opportunity(**new) if new is not None else None
    return [(c.type, c.before, c.after) for c in detect_changes(opportunity(**old), after, AS_OF, old_listed)]


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param({"close_dates": [date(2027, 3, 15)]}, {"close_dates": [date(2027, 4, 30)]},
                 [(T.DEADLINE_POSTPONED, "2027-03-15", "2027-04-30")], id="postponed"),
    pytest.param({"close_dates": [date(2026, 12, 20)]}, {"close_dates": [date(2027, 1, 8)]},
                 [(T.DEADLINE_POSTPONED, "2026-12-20", "2027-01-08")], id="postponed-across-years"),
    pytest.param({"close_dates": [date(2027, 4, 30)]}, {"close_dates": [date(2027, 3, 15)]},
                 [(T.DEADLINE_ADVANCED, "2027-04-30", "2027-03-15")], id="advanced"),
    pytest.param({"close_dates": [date(2027, 1, 15), date(2027, 6, 1)]},
                 {"close_dates": [date(2027, 1, 10), date(2027, 6, 1)]},
                 [(T.DEADLINE_ADVANCED, "2027-01-15", "2027-01-10")], id="one-of-two-waves-advanced"),
    pytest.param({"close_dates": [date(2027, 1, 15)]}, {"close_dates": [date(2027, 1, 15), date(2027, 5, 15)]},
                 [(T.NEW_RELEVE, None, "2027-05-15")], id="new-releve"),
    pytest.param({"close_dates": []}, {"close_dates": [date(2027, 2, 1)]},
                 [(T.NEW_RELEVE, None, "2027-02-01")], id="first-deadline-known"),
    pytest.param({"close_dates": [date(2027, 1, 15), date(2027, 3, 1)]}, {"close_dates": [date(2027, 1, 15)]},
                 [(T.RELEVE_REMOVED, "2027-03-01", None)], id="releve-removed"),
    pytest.param({"close_dates": [date(2026, 10, 1), date(2027, 1, 15)]}, {"close_dates": [date(2027, 1, 15)]},
                 [], id="a-past-releve-dropping-out-is-no-news"),
])
def test_relèves_and_deadlines(old: dict, new: dict, expected: list[tuple]) -> None:
    assert changes(old, new) == expected


@pytest.mark.parametrize(("old", "new", "old_listed", "expected"), [
    pytest.param({"close_dates": [date(2027, 3, 15)]}, None, True,
                 [(T.CLOSED_EARLY, "2027-03-15", "retire")], id="withdrawn-before-its-deadline"),
    pytest.param({"close_dates": [], "recurrence": "permanente", "open_date": None}, None, True,
                 [(T.CLOSED_EARLY, None, "retire")], id="permanent-guichet-withdrawn"),
    pytest.param({"close_dates": [date(2026, 11, 1)]}, None, True, [], id="gone-after-its-deadline-is-no-news"),
    pytest.param({"close_dates": [], "open_date": None}, None, True, [], id="gone-without-known-dates-is-no-news"),
    pytest.param({"close_dates": [date(2027, 3, 15)]}, None, False, [], id="already-unlisted"),
    pytest.param({"close_dates": [date(2027, 3, 15)]}, {"close_dates": [date(2027, 3, 15)], "stated_status": "closed"},
                 True, [(T.CLOSED_EARLY, "2027-03-15", "clos")], id="said-closed-before-its-deadline"),
    pytest.param({"close_dates": [date(2026, 11, 1)]}, {"close_dates": [date(2026, 11, 1)], "stated_status": "closed"},
                 True, [], id="said-closed-after-its-deadline"),
])
def test_closed_early_or_withdrawn(old: dict, new: dict | None, old_listed: bool, expected: list[tuple]) -> None:
    assert changes(old, new, old_listed) == expected


@pytest.mark.parametrize(("old", "new", "old_listed", "expected"), [
    pytest.param({"close_dates": [date(2027, 3, 15)], "stated_status": "closed"},
                 {"close_dates": [date(2027, 3, 15)]}, True, [(T.REOPENED, "clos", "2027-03-15")],
                 id="no-longer-said-closed"),
    pytest.param({"close_dates": [date(2027, 3, 15)]}, {"close_dates": [date(2027, 3, 15)]}, False,
                 [(T.REOPENED, "retire", "2027-03-15")], id="listed-again"),
    pytest.param({"close_dates": [date(2026, 11, 2)]}, {"close_dates": [date(2026, 11, 2), date(2027, 2, 2)]}, True,
                 [(T.NEW_RELEVE, None, "2027-02-02"), (T.REOPENED, "clos", "2027-02-02")],
                 id="a-new-releve-reopens-a-closed-call"),
])
def test_reopened(old: dict, new: dict, old_listed: bool, expected: list[tuple]) -> None:
    assert changes(old, new, old_listed) == expected


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param(["epci", "commune"], ["epci", "commune", "pme"], [(T.BENEFICIARIES_CHANGED, ["epci", "commune"],
                                                                   ["epci", "commune", "pme"])], id="one-added"),
    pytest.param(["epci", "commune"], ["entreprise"], [(T.BENEFICIARIES_CHANGED, ["epci", "commune"], ["entreprise"])],
                 id="replaced"),
    pytest.param([], ["association"], [(T.BENEFICIARIES_CHANGED, [], ["association"])], id="now-stated"),
    pytest.param(["epci", "commune"], ["commune", "epci"], [], id="same-in-another-order"),
    pytest.param(["epci"], [], [], id="no-longer-stated-is-unknown-not-a-change"),
])
def test_beneficiaries(old: list[str], new: list[str], expected: list[tuple]) -> None:
    assert changes({"beneficiaries": old}, {"beneficiaries": new}) == expected


@pytest.mark.parametrize(("old", "new", "changed"), [
    pytest.param({"amount_max": 500_000}, {"amount_max": 800_000}, True, id="ceiling-raised"),
    pytest.param({"amount_max": 500_000}, {"amount_max": 300_000}, True, id="ceiling-lowered"),
    pytest.param({"amount_min": None}, {"amount_min": 20_000}, True, id="floor-now-stated"),
    pytest.param({"amount_max": 500_000.3}, {"amount_max": 500_000}, False, id="same-to-the-euro"),
    pytest.param({"amount_max": 500_000}, {"amount_max": None}, False, id="no-longer-stated"),
])
def test_amounts(old: dict, new: dict, changed: bool) -> None:
    found = detect_changes(opportunity(**old), opportunity(**new), AS_OF)
    if not changed:
        assert found == []
        return
    [change] = found
    before, after = opportunity(**old), opportunity(**new)
    assert change == Change(T.AMOUNT_CHANGED, {"min": before.amount_min, "max": before.amount_max},
                            {"min": after.amount_min, "max": after.amount_max})


def test_several_changes_at_once_are_each_typed() -> None:
    found = changes({"close_dates": [date(2027, 3, 15)], "beneficiaries": ["epci"], "amount_max": 100_000},
                    {"close_dates": [date(2027, 2, 1), date(2027, 9, 1)], "beneficiaries": ["epci", "pme"],
                     "amount_max": 150_000})
    assert [t for t, _, _ in found] == [T.NEW_RELEVE, T.NEW_RELEVE, T.RELEVE_REMOVED, T.BENEFICIARIES_CHANGED,
                                        T.AMOUNT_CHANGED]


def test_an_advanced_deadline_already_past_also_closes_the_call_early() -> None:
    found = changes({"close_dates": [date(2027, 3, 15)]}, {"close_dates": [date(2026, 11, 20)]})
    assert found == [(T.DEADLINE_ADVANCED, "2027-03-15", "2026-11-20"), (T.CLOSED_EARLY, "2027-03-15", "clos")]


@pytest.mark.parametrize("edit", [
    {}, {"title": "Autre titre", "summary": "Autre résumé"}, {"funders": ["ADEME"]}, {"geo_codes": ["DEP-32"]},
    {"stated_status": "upcoming", "open_date": None},
], ids=["identical", "texts", "funders", "places", "said-upcoming"])
def test_nothing_typed_changed_gives_nothing(edit: dict) -> None:
    assert changes({}, edit) == []
