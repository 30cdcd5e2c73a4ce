"""French formatting of a call's facts for the digest: funders, instruments, links, deadlines.

Amounts, percentages, dates and vocabularies come from models.display (Vigie's one French formatting
layer, shared with the pages and the command output); their names stay here for the templates' code.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from models import display
from models.display import INSTRUMENT_LABELS, NBSP, euros, percent  # noqa: F401 - re-exported
from models.records import OpportunityData


def one_line(text: str) -> str:
    """Crawled text on one line: runs of whitespace (newlines, tabs) become one space."""
    return " ".join(text.split())


_BLANK_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")
"""Whitespace (as str.isspace says) or a control character: never part of a link Vigie shows."""


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link with a host, else None (shown as plain text, never linked)."""
    if not url or _BLANK_OR_CONTROL.search(url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def fr_date(day: date) -> str:
    """15/01/2027."""
    return display.short_date(day)


def countdown(day: date, as_of: date) -> str:
    """J-52 (J-0 on the day itself)."""
    return f"J-{(day - as_of).days}"


def deadline_label(day: date, as_of: date) -> str:
    """15/01/2027 (J-52)."""
    return f"{fr_date(day)} ({countdown(day, as_of)})"


def amount_line(opp: OpportunityData) -> str:
    """"de 10 000 € à 500 000 € · taux max 40 %", or "" when nothing is known."""
    return display.amount_range(opp.amount_min, opp.amount_max, opp.rate_max, opp.project_min, opp.project_max)


def funding_line(opp: OpportunityData) -> str:
    """Programmes then funders, deduplicated: "France 2030 · ADEME"."""
    names = [one_line(n) for n in [*opp.programmes, *opp.funders] if n.strip()]
    return " · ".join(dict.fromkeys(names))


def instruments_line(opp: OpportunityData) -> str:
    """"subvention · appel à projets"."""
    labels = [display.label(i, INSTRUMENT_LABELS) for i in opp.instruments]
    return " · ".join(dict.fromkeys(labels))


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """"1 appel", "3 appels"."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"
