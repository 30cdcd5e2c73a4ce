"""ICS calendar of deadlines: the one builder behind a letter's echeances.ics, `vigie export ics` and the
web feed `/calendrier/JETON.ics` (the caller chooses the calls; the same calls and day give the same bytes)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from icalendar import Calendar, Event

from models.records import OpportunityData
from notifier import labels
from notifier.ics_lines import vevent

PRODID = "-//Vigie//Territoires d'industrie//FR"
UID_DOMAIN = "vigie.territoires-industrie"


def deadlines_ics(calls: Iterable[OpportunityData], as_of: date) -> bytes:
    """One all-day VEVENT per call on its next relève (calls without one are left out).

    A call given twice (it fits several fiches-actions) appears once. Events are ordered by date then
    UID, and DTSTAMP is `as_of`: the same set of calls gives the same bytes, in whatever order it comes.
    """
    keys = {key[0]: key for call in calls if (key := _event_key(call, as_of)) is not None}
    events = [_event_bytes(*key) for key in sorted(keys.values(), key=lambda k: (k[1], k[0]))]
    head, end = _calendar_ends()
    return head + b"".join(events) + b"END:VCALENDAR" + end


@lru_cache(maxsize=1)
def _calendar_ends() -> tuple[bytes, bytes]:
    """The calendar's own lines, around its events: the same for every calendar."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Vigie — échéances des appels à projets")
    head, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
    return head, end


def _event_key(opp: OpportunityData, as_of: date) -> tuple[str, date, str, str | None, str, date] | None:
    """What a call's event is made of (uid first), or None when no relève is coming."""
    day = opp.next_close_date(as_of)
    if day is None:
        return None
    url = labels.safe_url(opp.url)
    summary = f"Clôture : {labels.one_line(opp.title)}"
    return event_uid(opp.source, opp.source_id, day), day, summary, url, _description(opp, url), as_of


@lru_cache(maxsize=8192)
def _event_bytes(uid: str, day: date, summary: str, url: str | None, description: str, as_of: date) -> bytes:
    """The serialised VEVENT, written once per distinct content (the same call recurs across a batch of
    letters): the bytes icalendar writes for `_event`, written directly (`notifier.ics_lines`)."""
    return vevent(uid, day, summary, url, description, as_of)


def deadline_event(call: OpportunityData, as_of: date) -> Event | None:
    """The all-day event of a call's next relève, or None when no relève is coming."""
    key = _event_key(call, as_of)
    return _event(*key) if key else None


def _event(uid: str, day: date, summary: str, url: str | None, description: str, as_of: date) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.combine(as_of, time(), tzinfo=UTC))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    if url:
        event.add("url", url)
    event.add("description", description)
    return event


def event_uid(source: str, source_id: str, day: date) -> str:
    """Stable per (source, source_id, date): a calendar app updates the event instead of doubling it."""
    digest = hashlib.sha256(f"{source}\x1f{source_id}\x1f{day.isoformat()}".encode()).hexdigest()
    return f"{digest[:32]}@{UID_DOMAIN}"


def _description(opp: OpportunityData, url: str | None) -> str:
    lines = [labels.funding_line(opp), labels.amount_line(opp), url or ""]
    return "\n".join(line for line in lines if line)
