"""ISO weeks: a digest is for one (contact, ISO week)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def iso_week(day: date) -> str:
    """The ISO week containing `day`, e.g. "2026-W48"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_bounds(iso_week: str) -> tuple[date, date]:
    """Monday and Sunday of an ISO week "YYYY-Www"; ValueError (French) when it does not exist."""
    match = _ISO_WEEK.match(iso_week.strip())
    if not match:
        raise ValueError(f"semaine ISO attendue au format AAAA-Wnn (ex. 2026-W48), reçu « {iso_week} »")
    year, week = int(match[1]), int(match[2])
    count = weeks_in_year(year) if year >= 1 else 0
    if not 1 <= week <= count:
        raise ValueError(f"semaine ISO inexistante « {iso_week} » : l'année {year} compte {count} semaines")
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6)


def weeks_in_year(year: int) -> int:
    """52 or 53: the ISO week of 28 December is always the year's last."""
    return date(year, 12, 28).isocalendar()[1]


def week_span(iso_week: str) -> tuple[datetime, datetime]:
    """The week as stored instants: [Monday 00:00, next Monday 00:00) in Paris. « Cette semaine » on every
    surface (new calls on the dashboard, the search page and in the chef de projet's letter)."""
    monday, _ = week_bounds(iso_week)
    since = datetime.combine(monday, time(), PARIS)
    return since, datetime.combine(monday + timedelta(days=7), time(), PARIS)
