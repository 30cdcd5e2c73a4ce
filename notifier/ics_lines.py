"""A deadline's VEVENT written as iCalendar text directly: the bytes icalendar writes for the same event
(same property order, TEXT escaping and folding), without building its property objects.

icalendar folds every content line one character at a time and wraps each value in several objects;
for a letter's ten events that was a third of a digest's rendering time. `tests/test_ics_lines.py` checks
these bytes against icalendar's own for hostile text (escapes, long lines, multibyte characters at a fold).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from itertools import accumulate

FOLD_LIMIT = 75
"""Octets a content line stays under (RFC 5545 § 3.1), counted as icalendar counts them."""


def vevent(uid: str, day: date, summary: str, url: str | None, description: str, as_of: date) -> bytes:
    """The all-day event of one relève, in icalendar's canonical property order."""
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{text(summary)}",
        f"DTSTART;VALUE=DATE:{_day(day)}",
        f"DTEND;VALUE=DATE:{_day(day + timedelta(days=1))}",
        f"DTSTAMP:{_day(as_of)}T000000Z",
        f"UID:{text(uid)}",
        f"DESCRIPTION:{text(description)}",
        "TRANSP:TRANSPARENT",
    ]
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return "".join(f"{fold(line)}\r\n" for line in lines).encode()


def _day(value: date) -> str:
    """20270115."""
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def text(value: str) -> str:
    """A TEXT value escaped as icalendar escapes it (the order of the replacements matters)."""
    return (value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def fold(line: str) -> str:
    """A content line cut into pieces under FOLD_LIMIT octets, joined by CRLF and a space; an escaping
    backslash (or caret) is never left at the end of a piece."""
    if len(line.encode()) < FOLD_LIMIT:
        return line
    ends = list(accumulate(map(len, map(str.encode, line))))  # ends[k]: octets of line[: k + 1]
    pieces: list[str] = []
    start = 0
    while start < len(line):
        before = ends[start - 1] if start else 0
        stop = bisect_left(ends, before + FOLD_LIMIT, lo=start)
        if stop < len(line) and stop - start > 1 and line[stop - 1] in "\\^":
            stop -= 1
        pieces.append(line[start:stop])
        start = stop
    return "\r\n ".join(pieces)
