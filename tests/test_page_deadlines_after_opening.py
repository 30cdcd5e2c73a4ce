"""A call's page that writes its relèves without a year: the opening the feed or listing gave places them."""

from __future__ import annotations

import pytest

from crawlers.spiders.detail_page import page_deadlines


@pytest.mark.parametrize(("text", "sections", "opening", "expected"), [
    # the feed opened the call in autumn 2026: January and June are those of 2027
    ("Deux sessions de dépôt : 12 février et 9 juin.", [], "2026-10-15", {"2027-02-12", "2027-06-09"}),
    # a calendar block without a year, under its heading
    ("", [("Calendrier", "Clôtures : 3 mars et 30 septembre")], "2026-11-02", {"2027-03-03", "2027-09-30"}),
    # an opening written as an instant
    ("Relèves : 15 janvier et 15 avril.", [], "2026-09-30T22:00:00+00:00", {"2027-01-15", "2027-04-15"}),
])
def test_days_without_a_year_follow_the_opening(text: str, sections: list[tuple[str, str]], opening: str,
                                                 expected: set[str]) -> None:
    assert page_deadlines(text, sections, opening) == expected


def test_an_unreadable_opening_is_ignored_not_fatal() -> None:
    assert page_deadlines("Date limite : 4 mars 2027.", [], "bientôt") == {"2027-03-04"}
