"""Deadlines a record's free texts state beside its date fields (catalogue rows and API aids).

A catalogue row or an API aid often leaves its closing-date field empty while its description says
« date limite : 15 mars 2027 » or lists relèves. Each text is read on its own (HTML or markdown made
plain first), through the same relève extractor as the HTML sources (crawlers/normalise/releves.py).
"""

from __future__ import annotations

from datetime import date

from crawlers.normalise.dates import parse_date
from crawlers.normalise.releves import find_releves, superseded_days
from crawlers.normalise.text import html_to_text


def deadlines_in(*texts: str | None, opened: date | None = None) -> list[str]:
    """ISO days of every deadline or relève the texts name, sorted, without duplicates.

    Texts are read one by one, so a cue at the end of one never takes a date from the next. `opened`: the
    opening day of the record's field (« Dates limites : 15 octobre, 15 février » after a September opening)."""
    found = {day for text in texts if text for day in find_releves(html_to_text(text), opened)}
    return [day.isoformat() for day in sorted(found)]


def close_dates(field: str | None, *texts: str | None, opening: str | None = None) -> list[str]:
    """The closing-date field as found (when filled), then the deadlines the texts add; a field the texts say
    was moved (« initialement fixée au 15 décembre, est reportée au 2 février ») gives way to the new date."""
    stated = (field or "").strip()
    if stated and _field_day(stated) in {d for text in texts if text for d in superseded_days(html_to_text(text))}:
        stated = ""
    return [*([stated] if stated else []), *deadlines_in(*texts, opened=_field_day(opening or ""))]


def _field_day(value: str) -> date | None:
    """The Paris day of a date field (an unreadable one is kept as found, never dropped)."""
    try:
        return parse_date(value) if value.strip() else None
    except ValueError:
        return None
