"""ISO weeks of digests, deadline reminder bands, and which section an accepted match goes in."""

from __future__ import annotations

from datetime import date

import pytest

from notifier import closing_soon, iso_week, section_for, week_bounds

AS_OF = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 24), "2026-W48"),
        (date(2026, 1, 1), "2026-W01"),
        (date(2021, 1, 1), "2020-W53"),
        (date(2024, 12, 30), "2025-W01"),
    ],
    ids=["mid-year", "new-year-thursday", "belongs-to-previous-w53", "belongs-to-next-year"],
)
def test_iso_week_names_the_week_containing_the_day(day: date, expected: str) -> None:
    assert iso_week(day) == expected


@pytest.mark.parametrize(
    ("week", "monday", "sunday"),
    [
        ("2026-W48", date(2026, 11, 23), date(2026, 11, 29)),
        ("2020-W53", date(2020, 12, 28), date(2021, 1, 3)),
        ("2026-W53", date(2026, 12, 28), date(2027, 1, 3)),
        ("2025-W01", date(2024, 12, 30), date(2025, 1, 5)),
    ],
    ids=["ordinary", "w53-of-2020", "w53-of-2026", "w01-starting-in-december"],
)
def test_week_bounds_are_monday_and_sunday(week: str, monday: date, sunday: date) -> None:
    assert week_bounds(week) == (monday, sunday)


def test_iso_week_and_week_bounds_agree_over_a_whole_year() -> None:
    days = [date.fromordinal(date(2026, 1, 1).toordinal() + n) for n in range(365)]
    assert all(week_bounds(iso_week(d))[0] <= d <= week_bounds(iso_week(d))[1] for d in days)


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("2026-W60", "l'année 2026 compte 53 semaines"),
        ("2025-W53", "l'année 2025 compte 52 semaines"),
        ("2026-W00", "semaine ISO inexistante"),
        ("2026-48", "format AAAA-Wnn"),
        ("semaine 48", "format AAAA-Wnn"),
    ],
    ids=["week-60", "w53-in-a-52-week-year", "week-zero", "missing-w", "free-text"],
)
def test_week_bounds_refuses_a_bad_week_in_french(week: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        week_bounds(week)


@pytest.mark.parametrize(
    ("days_left", "reminded", "expected"),
    [
        (31, set(), None),
        (30, set(), 30),
        (8, set(), 30),
        (26, {30}, None),
        (7, {30}, 7),
        (0, {30}, 7),
        (3, {30, 7}, None),
        (5, set(), 7),
        (-1, set(), None),
    ],
    ids=[
        "beyond-j30", "first-day-of-j30", "last-day-of-j30", "j30-already-sent", "j7-after-j30",
        "closing-today", "both-sent", "missed-j30-gives-j7", "already-closed",
    ],
)
def test_closing_soon_answers_the_unsent_band_the_relève_is_in(
    days_left: int, reminded: set[int], expected: int | None
) -> None:
    next_close = date.fromordinal(AS_OF.toordinal() + days_left)
    assert closing_soon(next_close, AS_OF, reminded) == expected


def test_closing_soon_has_nothing_to_say_without_a_coming_relève() -> None:
    assert closing_soon(None, AS_OF, set()) is None


@pytest.mark.parametrize(
    ("already_sent", "changes", "reminder", "expected"),
    [
        (False, [], None, "nouveaux"),
        (False, ["date limite déplacée"], 7, "nouveaux"),
        (True, ["nouvelle relève le 15/05/2027"], 30, "mis_a_jour"),
        (True, [], 7, "cloture_proche"),
        (True, [], None, None),
    ],
    ids=["never-sent", "never-sent-wins", "changed-wins-over-reminder", "reminder", "nothing-new"],
)
def test_section_for_puts_a_match_where_it_has_something_to_say(
    already_sent: bool, changes: list[str], reminder: int | None, expected: str | None
) -> None:
    assert section_for(already_sent, changes, reminder) == expected
