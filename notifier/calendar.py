"""ICS calendar of deadlines: attached to digests as echeances.ics, reused by `vigie export ics`."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from notifier import labels
from notifier.entries import DigestEntry

PRODID = "-//Vigie//Territoires d'industrie//FR"
UID_DOMAIN = "vigie.territoires-industrie"


def deadlines_ics(entries: Iterable[DigestEntry], as_of: date) -> bytes:
    """One all-day VEVENT per call on its next relève (calls without one are left out).

    A call that fits several fiches-actions appears once. The output depends only on the
    arguments (DTSTAMP is `as_of`), so the same entries give the same bytes.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Vigie — échéances des appels à projets")
    seen: set[str] = set()
    for entry in entries:
        event = deadline_event(entry, as_of)
        if event is not None and event["uid"] not in seen:
            seen.add(str(event["uid"]))
            calendar.add_component(event)
    return calendar.to_ical()


def deadline_event(entry: DigestEntry, as_of: date) -> Event | None:
    """The all-day event of an entry's next relève, or None when no relève is coming."""
    opp = entry.opportunity
    day = opp.next_close_date(as_of)
    if day is None:
        return None
    event = Event()
    event.add("uid", event_uid(opp.source, opp.source_id, day))
    event.add("dtstamp", datetime.combine(as_of, time(), tzinfo=UTC))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", f"Clôture : {labels.one_line(opp.title)}")
    event.add("transp", "TRANSPARENT")
    if url := labels.safe_url(opp.url):
        event.add("url", url)
    event.add("description", _description(entry, url))
    return event


def event_uid(source: str, source_id: str, day: date) -> str:
    """Stable per (source, source_id, date): a calendar app updates the event instead of doubling it."""
    digest = hashlib.sha256(f"{source}\x1f{source_id}\x1f{day.isoformat()}".encode()).hexdigest()
    return f"{digest[:32]}@{UID_DOMAIN}"


def _description(entry: DigestEntry, url: str | None) -> str:
    opp = entry.opportunity
    lines = [labels.funding_line(opp), labels.amount_line(opp), url or ""]
    return "\n".join(line for line in lines if line)
