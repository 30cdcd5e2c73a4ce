"""Deadlines written in a page's calendar block, where the heading alone says what the dates are.

A page often lists its closing dates under a heading ("Calendrier", "Dates clés", "Prochaines étapes",
"Échéances", "Dépôt des candidatures"…) with no cue of their own: « Calendrier 2027 : 15 février, 14 juin
et 11 octobre ». Each line of such a block is read as a list of deadlines (crawlers/normalise/releves.py,
which gives years left out and drops the start of a range), except a line that names an opening or an
event (« lancement le 5 janvier », « webinaire d'information le 3 mars », « jury en mai »): those dates
are not deadlines. Dates outside calendar blocks are read as before, only after a deadline cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from crawlers.normalise.releves import ASIDE, NOT_DEADLINE_WORDS, find_releves
from crawlers.normalise.text import fold

# ── What is read (folded: lower case, no accents) ────────────────────────────────────────────────
CALENDAR_HEADINGS = re.compile(
    r"^(?:le )?calendrier|\bdates? (?:cles|importantes|limites?|a retenir|de depot|de cloture)|\becheances?\b"
    r"|\breleves?\b|prochaines etapes|\bquand\b|depot des (?:candidatures|dossiers|projets)"
)
"""Headings over a call's closing dates."""
NOT_A_DEADLINE = re.compile(
    rf"\b(?:{NOT_DEADLINE_WORDS}|ouvert|lance|selection|signature|conventionnement|versement)"
)
"""Words that make a calendar line an opening, an update or an event rather than a deadline: those of the
relève reader, and the steps after a deadline a calendar block lists (selection, signature, versement…)."""
_AS_LIST = "Dates de dépôt : "
"""The cue a calendar heading stands for, put before each of its lines."""
# ────────────────────────────────────────────────────────────────────────────────────────────────


def calendar_deadlines(sections: Iterable[tuple[str, str]], opened: date | None = None) -> list[str]:
    """ISO days of the deadlines the calendar blocks list, sorted, without duplicates. `opened`: the call's opening
    day from the listing or feed, for days written without their year."""
    found = {
        day
        for heading, body in sections
        if CALENDAR_HEADINGS.search(fold(heading).strip())
        for line in body.split("\n")
        if line.strip() and not NOT_A_DEADLINE.search(ASIDE.sub(" ", fold(line)))
        for day in find_releves(_AS_LIST + line, opened)
    }
    return [day.isoformat() for day in sorted(found)]
