"""Weekly digests: what goes in a porteur's digest, rendering (French email + ICS) and the outbox.

Pure functions only: recording a digest before sending it and marking it sent belong to the
composition root (`vigie/`), which builds `DigestContent` from stored rows.
"""

from notifier.calendar import deadlines_ics
from notifier.entries import SECTIONS, DigestContent, DigestEntry, RenderedDigest
from notifier.outbox import write_outbox
from notifier.render import render_digest
from notifier.select import closing_soon, section_for
from notifier.weeks import iso_week, week_bounds, week_span

__all__ = [
    "SECTIONS",
    "DigestContent",
    "DigestEntry",
    "RenderedDigest",
    "closing_soon",
    "deadlines_ics",
    "iso_week",
    "render_digest",
    "section_for",
    "week_bounds",
    "week_span",
    "write_outbox",
]
