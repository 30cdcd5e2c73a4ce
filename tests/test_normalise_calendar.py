"""A record's calendar: no close date falls before the call opened."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from crawlers.items import RawItem
from crawlers.normalise import normalise_item

AS_OF = date(2026, 11, 23)


def record(**fields: Any) -> Any:
    base: dict[str, Any] = {"source": "demo", "position": 1, "url": "https://example.fr/aap/", "title": "AAP"}
    return normalise_item(RawItem(**{**base, **fields}), AS_OF)


@pytest.mark.parametrize(
    ("open_date", "close_dates", "kept"),
    [
        ("2026-10-01", ["2026-02-10", "2026-04-13", "2026-12-09"], [date(2026, 12, 9)]),
        ("2026-10-01", ["2026-09-30", "2026-10-01", "2027-01-15"], [date(2026, 10, 1), date(2027, 1, 15)]),
        ("2026-09-30T22:00:00Z", ["2026-09-30", "2027-03-31"], [date(2027, 3, 31)]),
        ("01/01/2027", ["30/06/2026", "31/03/2027"], [date(2027, 3, 31)]),
    ],
    ids=["misdated-releves", "opening-day-kept", "utc-instant-opening", "past-edition-date"],
)
def test_close_dates_before_the_opening_are_dropped(open_date: str, close_dates: list[str], kept: list[date]) -> None:
    assert record(open_date=open_date, close_dates=close_dates).close_dates == kept


def test_a_call_whose_only_close_date_precedes_its_opening_has_no_known_deadline() -> None:
    found = record(open_date="2026-09-01", close_dates=["2026-06-30"])
    assert (found.close_dates, found.status.value) == ([], "open")


def test_a_guichet_whose_dates_all_precede_its_opening_stays_permanent() -> None:
    found = record(open_date="2026-09-01", close_dates=["2025-12-31"], permanent=True)
    assert (found.close_dates, found.status.value) == ([], "permanent")
