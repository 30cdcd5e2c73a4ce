"""Dates as the sources write them → `datetime.date` in Europe/Paris.

Forms handled: ISO 8601 with an offset or `Z` (an instant is converted to Paris *before* taking
the day: `2023-09-04T22:00:00+00:00` is 5 September), naive ISO, `DD/MM/YYYY`, `DD-MM-YYYY`,
RFC 822 (also with 2-digit years), and French text ("31 janvier 2025", "1er mars 2027") through
dateparser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from crawlers.normalise.releves import find_releves

PARIS = ZoneInfo("Europe/Paris")

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_RFC822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")
_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
    "|janv\\.?|févr\\.?|fevr\\.?|avr\\.?|juil\\.?|sept\\.?|oct\\.?|nov\\.?|déc\\.?|dec\\.?"
)
_FRENCH = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:er)?\s+({_MONTHS})\s+(\d{{4}})", re.IGNORECASE)


class DateError(ValueError):
    """A date string that no known form matches."""


def parse_datetime(text: str) -> datetime:
    """An aware datetime (Europe/Paris) from ISO or RFC 822 text, else the start of the parsed day."""
    value = _clean(text)
    if _ISO.match(value):
        moment = _from_iso(value)
    elif _RFC822.match(value):
        moment = _from_rfc822(value)
    else:
        day = parse_date(value)
        return datetime(day.year, day.month, day.day, tzinfo=PARIS)
    return moment.astimezone(PARIS) if moment.tzinfo else moment.replace(tzinfo=PARIS)


def parse_date(text: str) -> date:
    """The calendar day in Paris that `text` names; raises DateError with a French message."""
    value = _clean(text)
    if not value:
        raise DateError("date vide")
    if _ISO.match(value) or _RFC822.match(value):
        return parse_datetime(value).date()
    numeric = _NUMERIC.match(value)
    if numeric:
        return _checked_date(int(numeric[3]), int(numeric[2]), int(numeric[1]), value)
    return _parse_french(value)


def parse_optional_date(text: str | None) -> date | None:
    """Like parse_date, but None or blank gives None."""
    return parse_date(text) if text and text.strip() else None


def find_dates(text: str) -> list[date]:
    """Every `DD/MM/YYYY` or French long date in a free text, in order of appearance."""
    found: list[tuple[int, date | None]] = []
    for m in _NUMERIC.finditer(text):
        found.append((m.start(), _attempt(_checked_date, int(m[3]), int(m[2]), int(m[1]), m[0])))
    for m in _FRENCH.finditer(text):
        found.append((m.start(), _attempt(_parse_french, m[0])))
    return [day for _, day in sorted(found, key=lambda pair: pair[0]) if day is not None]


def find_deadlines(text: str) -> list[date]:
    """Dates a deadline cue labels ("date limite", "clôture", "jusqu'au", "relèves"…), sorted, once each.

    The cues, and the labels that are never deadlines (publication, update, event), live in releves.
    """
    return find_releves(text)


def _from_iso(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace(" ", "T", 1) if "T" not in value else value)
    except ValueError as exc:
        raise DateError(f"date invalide « {value} »") from exc


def _from_rfc822(value: str) -> datetime:
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError) as exc:
        raise DateError(f"date invalide « {value} »") from exc


def _parse_french(value: str) -> date:
    import dateparser  # slow to import: only when a text date shows up

    # Absolute dates only: "demain" must not depend on the day the crawl runs.
    settings = {
        "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False, "PARSERS": ["absolute-time"],
    }
    parsed = dateparser.parse(value, languages=["fr"], settings=settings)
    if parsed is None:
        raise DateError(f"date invalide « {value[:60]} »")
    return parsed.date()


def _checked_date(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateError(f"date invalide « {original} »") from exc


def _attempt(parse: Callable[..., date], *args: object) -> date | None:
    try:
        return parse(*args)
    except DateError:
        return None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()
