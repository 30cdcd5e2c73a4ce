"""The notifier's records: what a digest holds (built by the caller) and what rendering yields."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage

from models.records import ContactData, OpportunityData, PorteurData

NEW = "nouveaux"
UPDATED = "mis_a_jour"
CLOSING = "cloture_proche"
SECTIONS = {NEW: "Nouveaux appels", UPDATED: "Mis à jour", CLOSING: "Clôture proche"}
"""Section keys, in the order they appear in a digest, with their French titles."""


@dataclass(frozen=True)
class DigestEntry:
    """One call shown in a digest, for one fiche-action."""

    opportunity: OpportunityData
    """The call as stored."""
    fiche_id: str
    """The fiche-action it fits."""
    fiche_titre: str
    score: float
    """Relevance score (higher is better); orders the calls of a section."""
    reasons: list[str]
    """Already-rendered French reason lines, best first."""
    section: str
    """"nouveaux" | "mis_a_jour" | "cloture_proche"."""
    changes: list[str] = field(default_factory=list)
    """For "mis_a_jour": French lines saying what changed."""
    match_id: int | None = None
    """The stored match it comes from: what the contact's answer links name."""


@dataclass(frozen=True)
class DigestContent:
    """Everything one contact's weekly digest says."""

    porteur: PorteurData
    contact: ContactData
    """The recipient."""
    iso_week: str
    """"2026-W48"."""
    as_of: date
    """The day the digest is about: J-n counts from it."""
    entries: list[DigestEntry]
    unsubscribe_url: str
    """One-click unsubscribe link (RFC 8058), also shown in both bodies."""
    calendar_url: str | None = None
    """Subscribable ICS feed of the porteur's deadlines, when the web app serves one."""
    calendar_calls: list[OpportunityData] | None = None
    """The porteur's calendar (calls announced to it and still open, this letter's included): what
    echeances.ics holds, the same calls as the feed. None: this letter's calls only."""
    space_url: str | None = None
    """A fresh personal link to the contact's space (None: no secret key to sign it with)."""
    answer_urls: dict[int, dict[str, str]] = field(default_factory=dict)
    """Match id → answer (models.answers) → the signed link of that answer."""

    def calendar(self) -> list[OpportunityData]:
        """The calls of the attached echeances.ics."""
        if self.calendar_calls is not None:
            return self.calendar_calls
        return [e.opportunity for e in self.entries]


@dataclass(frozen=True)
class RenderedDigest:
    """A digest ready to send or to write to the outbox."""

    message: EmailMessage
    """multipart/mixed: text + HTML alternatives, plus echeances.ics when a call has a deadline."""
    html: str
    text: str
    subject: str
    content_hash: str
    """sha256 of subject + text part: equal for equal content, whatever the day of rendering."""
