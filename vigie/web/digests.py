"""Digest preview and ICS feed of one porteur, built with the notifier's public API."""

from __future__ import annotations

from datetime import date
from email.utils import make_msgid

from models.config import VigieConfig
from models.records import ContactData
from models.store import Store
from models.tables import Contact, Match
from models.vocab import ReviewStatus, Status
from notifier import DigestContent, DigestEntry, RenderedDigest, deadlines_ics, iso_week, render_digest


def retained(match: Match, config: VigieConfig) -> bool:
    """Accepted by the chef de projet (or, when no review is required, eligible above the threshold)."""
    if not match.eligible or match.review_status == ReviewStatus.REJECTED:
        return False
    if config.settings.matching.review_required:
        return match.review_status == ReviewStatus.ACCEPTED
    return match.score >= config.settings.matching.threshold


def porteur_entries(config: VigieConfig, store: Store, porteur_id: str, as_of: date) -> list[DigestEntry]:
    """The porteur's retained matches on calls still open, best score first."""
    matches = [m for m in store.matches(porteur_id=porteur_id) if retained(m, config)]
    if not matches:
        return []
    calls = dict(store.opportunities())
    titles = {f.id: f.titre for f in store.plan().fiches if f.porteur_id == porteur_id}
    entries = []
    for m in matches:
        call = calls.get(m.opportunity_id)
        if call is None or call.status_on(as_of) == Status.CLOSED:
            continue
        reasons = [r.get("evidence", "") for r in sorted(m.reasons, key=lambda r: -r.get("weight", 0))][:3]
        entries.append(DigestEntry(call, m.fiche_id, titles.get(m.fiche_id, "Profil du porteur"), m.score,
                                   reasons, "nouveaux"))
    return entries


def preview(config: VigieConfig, store: Store, porteur_id: str, contact: Contact | None,
            as_of: date, calendar_url: str | None) -> RenderedDigest | None:
    """Next week's digest as the contact would get it (None when there is nothing to announce)."""
    plan = store.plan()
    porteur = next((p for p in plan.porteurs if p.id == porteur_id), None)
    entries = porteur_entries(config, store, porteur_id, as_of)
    if porteur is None or not entries:
        return None
    base = config.settings.sender.public_url.rstrip("/")
    token = contact.unsubscribe_token if contact else "apercu"
    data = ContactData(email=contact.email if contact else "apercu@example.org", nom=contact.nom if contact else "")
    content = DigestContent(porteur, data, iso_week(as_of), as_of, entries, f"{base}/desabonnement/{token}",
                            calendar_url)
    return render_digest(content, config.settings.sender, make_msgid("apercu", "vigie.invalid"))


def calendar(config: VigieConfig, store: Store, porteur_id: str, as_of: date) -> bytes:
    """The porteur's deadlines as an ICS calendar."""
    return deadlines_ics(porteur_entries(config, store, porteur_id, as_of), as_of)
