"""A deadline's event written directly is, byte for byte, the one icalendar writes."""

from __future__ import annotations

from datetime import date

import random

import pytest

from notifier.calendar import _event
from notifier.ics_lines import vevent

AS_OF = date(2026, 11, 23)
DAY = date(2027, 1, 15)
UID = "0123456789abcdef0123456789abcdef@vigie.territoires-industrie"

TEXTS = {
    "short": "Clôture : Chaleur",
    "escapes": "Clôture : a\\b ; c, d \\N e\nf\r\ng\rh",
    "long_ascii": "Clôture : " + "friches industrielles " * 12,
    "backslash_at_fold": "x" * 72 + "\\\\" + "y" * 80,
    "comma_at_fold": "S" * 63 + "," + "z" * 90,
    "caret_at_fold": "c" * 64 + "^" + "d" * 90,
    "accent_at_fold": "é" * 40 + "è" * 40,
    "euro_at_fold": "a" * 62 + "€" * 30,
    "emoji_at_fold": "b" * 61 + "🏭" * 20,
    "summary_line_of_74_octets": "q" * 66,
    "summary_line_of_75_octets": "q" * 67,
}


@pytest.mark.parametrize("value", TEXTS.values(), ids=TEXTS.keys())
def test_a_written_event_is_the_one_icalendar_writes(value: str) -> None:
    url = "https://example.org/aides/a,b;c?x=1&y=2"
    description = f"France 2030 · ADEME\n{value}\n{url}"
    expected = _event(UID, DAY, value, url, description, AS_OF).to_ical()
    assert vevent(UID, DAY, value, url, description, AS_OF) == expected


def test_an_event_without_link_or_description_is_the_one_icalendar_writes() -> None:
    expected = _event(UID, date(2026, 12, 31), "Clôture : x", None, "", AS_OF).to_ical()
    assert vevent(UID, date(2026, 12, 31), "Clôture : x", None, "", AS_OF) == expected


def test_written_events_match_icalendar_on_random_hostile_text() -> None:
    pick = random.Random(20261206)
    alphabet = "ab \\^,;:\"\n\rNé€🏭"
    for _ in range(300):
        value = "".join(pick.choice(alphabet) for _ in range(pick.randint(0, 260)))
        expected = _event(UID, DAY, value, None, value, AS_OF).to_ical()
        assert vevent(UID, DAY, value, None, value, AS_OF) == expected, value
