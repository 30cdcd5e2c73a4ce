"""Dates as sources write them → the calendar day in Paris."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.normalise.dates import DateError, find_dates, find_deadlines, parse_date, parse_datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-09-04T22:00:00+00:00", date(2023, 9, 5)),
        ("2023-06-01T22:00:00.000Z", date(2023, 6, 2)),
        ("2025-12-01T22:59:00+00:00", date(2025, 12, 1)),
        ("2026-01-04T23:00:00.000Z", date(2026, 1, 5)),
        ("2023-01-01T00:00:00+01:00", date(2023, 1, 1)),
        ("2026-10-20 09:15:00", date(2026, 10, 20)),
        ("2026-03-01", date(2026, 3, 1)),
        ("17/04/2025", date(2025, 4, 17)),
        ("09-02-2027", date(2027, 2, 9)),
        ("01/09/2026 - 12:00", date(2026, 9, 1)),
        ("31 janvier 2025", date(2025, 1, 31)),
        ("1er mars 2027", date(2027, 3, 1)),
        ("16 nov. 2026, 13:00:00 UTC+1", date(2026, 11, 16)),
        ("Sat, 21 Dec 19 11:00:28 +0100", date(2019, 12, 21)),
        ("Mon, 02 Nov 2026 23:30:00 +0000", date(2026, 11, 3)),
        ("\u00a015\u00a0janvier\u00a02027 ", date(2027, 1, 15)),
    ],
    ids=[
        "utc-instant-is-paris-midnight", "utc-z-millis", "one-minute-before-midnight", "winter-utc-midnight",
        "iso-with-offset", "space-separated-iso", "plain-iso-day", "dd/mm/yyyy", "dd-mm-yyyy", "ademe-with-time",
        "french-long", "french-premier", "french-abbreviated", "rfc822-two-digit-year", "rfc822-late-utc",
        "non-breaking-spaces",
    ],
)
def test_date_forms_give_the_paris_day(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["31/02/2026", "demain", "", "2026-13-45T00:00:00Z", "Sat, 32 Dec 19 11:00:28 +0100"],
    ids=["impossible-day", "relative-word", "empty", "bad-iso", "bad-rfc822"],
)
def test_unreadable_dates_raise_a_french_error(text: str) -> None:
    with pytest.raises(DateError, match="date"):
        parse_date(text)


def test_datetimes_are_aware_and_in_paris() -> None:
    moment = parse_datetime("2026-01-03T10:20:03.138Z")
    assert (moment.hour, moment.utcoffset().total_seconds()) == (11, 3600)


def test_dates_in_a_text_come_in_reading_order() -> None:
    text = "du 01/09/2026 - 12:00 au 31/12/2026 - 23:00 - Heure de Paris, prolongé jusqu'au 15 janvier 2027"
    assert find_dates(text) == [date(2026, 9, 1), date(2026, 12, 31), date(2027, 1, 15)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date limite de dépôt : 15 janvier 2027.", [date(2027, 1, 15)]),
        ("Relèves : 9 novembre 2026 à 12h00, 8 mars 2027 et 13 juin 2027.",
         [date(2026, 11, 9), date(2027, 3, 8), date(2027, 6, 13)]),
        ("Clôture le 12/03/2025", [date(2025, 3, 12)]),
        ("Publié le 3 mars 2026, dossiers jusqu'au 30 juin 2026", [date(2026, 6, 30)]),
        ("Aucune échéance annoncée.", []),
    ],
    ids=["date-limite", "releves", "cloture-numeric", "ignores-publication-date", "none"],
)
def test_deadlines_are_the_dates_after_a_deadline_cue(text: str, expected: list[date]) -> None:
    assert find_deadlines(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relèves : 9 novembre 2026 – mis à jour le 3 mars 2026", [date(2026, 11, 9)]),
        ("Clôture — Dernière modification : 14/03/2026", []),
        ("Relèves : 15 mars et 15 juin 2027", [date(2027, 3, 15), date(2027, 6, 15)]),
        ("Dates limites : 15 mars 2027 et 15 juin 2027", [date(2027, 3, 15), date(2027, 6, 15)]),
        ("Relèves en 2027 : 10 février ; date limite 9 décembre 2026", [date(2026, 12, 9), date(2027, 2, 10)]),
    ],
    ids=["update-after-releves", "modification-after-cloture", "yearless-releve", "dates-limites", "group-year"],
)
def test_deadlines_read_as_the_releves_do(text: str, expected: list[date]) -> None:
    assert find_deadlines(text) == expected
