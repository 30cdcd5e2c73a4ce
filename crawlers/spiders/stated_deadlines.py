"""Deadlines a record's free texts state beside its date fields (catalogue rows and API aids).

A catalogue row or an API aid often leaves its closing-date field empty while its description says
« date limite : 15 mars 2027 » or lists relèves. Each text is read on its own (HTML or markdown made
plain first), through the same relève extractor as the HTML sources (crawlers/normalise/releves.py).
"""

from __future__ import annotations

from crawlers.normalise.releves import find_releves
from crawlers.normalise.text import html_to_text


def deadlines_in(*texts: str | None) -> list[str]:
    """ISO days of every deadline or relève the texts name, sorted, without duplicates.

    Texts are read one by one, so a cue at the end of one never takes a date from the next."""
    found = {day for text in texts if text for day in find_releves(html_to_text(text))}
    return [day.isoformat() for day in sorted(found)]


def close_dates(field: str | None, *texts: str | None) -> list[str]:
    """The closing-date field as found (when filled), then the deadlines the texts add."""
    stated = (field or "").strip()
    return [*([stated] if stated else []), *deadlines_in(*texts)]
