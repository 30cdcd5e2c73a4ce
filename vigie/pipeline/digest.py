"""Weekly porteur digests: select accepted (or eligible, when no review is required) matches not yet
announced, render them, record the digest, hand it to the sender, mark it sent."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from email.utils import make_msgid
from pathlib import Path

from models.config import VigieConfig
from models.errors import VigieError
from models.records import ContactData, OpportunityData, PlanData, PorteurData
from models.store import Store
from models.store.digests import DigestRequest
from models.tables import Contact, Match
from models.vocab import ReviewStatus, Status
from notifier import DigestContent, DigestEntry, render_digest, write_outbox
from vigie.pipeline.clock import utcnow

PROFILE_SUFFIX = "#profil"


@dataclass(frozen=True)
class DigestOutcome:
    """One recipient's line of the digest summary."""

    recipient: str
    porteur_id: str
    entries: int
    paths: list[Path]
    status: str
    """written | preview | already_sent."""


@dataclass(frozen=True)
class Selected:
    """A digest entry and the stored match it comes from."""

    entry: DigestEntry
    match: Match


def wanted(match: Match, config: VigieConfig) -> bool:
    """Accepted by the chef de projet, or eligible above the threshold when no review is required."""
    if not match.eligible:
        return False
    if config.settings.matching.review_required:
        return match.review_status == ReviewStatus.ACCEPTED
    return match.score >= config.settings.matching.threshold and match.review_status != ReviewStatus.REJECTED


def select_entries(
    matches: list[Match], calls: dict[int, OpportunityData], plan: PlanData, as_of: date
) -> list[Selected]:
    """Entries for the still-open calls among `matches`, best score first (section "nouveaux")."""
    titles = {f.id: f.titre for f in plan.fiches}
    selected = []
    for m in sorted(matches, key=lambda m: -m.score):
        call = calls.get(m.opportunity_id)
        if call is None or call.status_on(as_of) == Status.CLOSED:
            continue
        reasons = [r["evidence"] for r in sorted(m.reasons, key=lambda r: -r["weight"])][:3]
        default = "Profil du porteur" if m.fiche_id.endswith(PROFILE_SUFFIX) else m.fiche_id
        entry = DigestEntry(call, m.fiche_id, titles.get(m.fiche_id, default), m.score, reasons, "nouveaux")
        selected.append(Selected(entry, m))
    return selected


def _stem(week: str, porteur: PorteurData, contact: Contact) -> str:
    return re.sub(r"[^A-Za-z0-9._@-]+", "_", f"{week}_{porteur.id}_{contact.email}")


def _content(config: VigieConfig, porteur: PorteurData, contact: Contact, selected: list[Selected],
             week: str, as_of: date) -> DigestContent:
    unsubscribe = f"{config.settings.sender.public_url}/desabonnement/{contact.unsubscribe_token}"
    data = ContactData(email=contact.email, nom=contact.nom, role=contact.role)
    return DigestContent(porteur, data, week, as_of, [s.entry for s in selected], unsubscribe)


def digest_contact(
    config: VigieConfig, store: Store, porteur: PorteurData, contact: Contact, selected: list[Selected],
    week: str, as_of: date, send: bool,
) -> DigestOutcome | None:
    """Render one contact's digest; with `send`, record it first, write it to the outbox, then mark it sent.

    A digest already sent this week is not sent again; one recorded but not marked sent (a crash in between)
    is sent again with the same Message-ID."""
    existing = store.existing_digest(contact.email, "porteur", week) if send else None
    if existing and existing.status == "sent":
        return DigestOutcome(contact.email, porteur.id, 0, [], "already_sent")
    if not selected:
        return None
    message_id = existing.message_id if existing else make_msgid("vigie", _domain(config))
    rendered = render_digest(_content(config, porteur, contact, selected, week, as_of),
                             config.settings.sender, message_id)
    stem = _stem(week, porteur, contact)
    if not send:
        paths = write_outbox(rendered, config.outbox / "apercu" / week, stem)
        return DigestOutcome(contact.email, porteur.id, len(selected), paths, "preview")
    items = [(s.match.opportunity_id, s.match.id, s.entry.section) for s in selected]
    request = DigestRequest(contact.email, "porteur", week, rendered.content_hash, message_id, items,
                            contact.id, porteur.id, porteur.territoire)
    digest = store.record_digest(request, utcnow())
    paths = write_outbox(rendered, config.outbox / week, stem)
    store.mark_digest(digest.id, "sent", utcnow())
    return DigestOutcome(contact.email, porteur.id, len(selected), paths, "written")


def _domain(config: VigieConfig) -> str:
    return str(config.settings.sender.from_email).rsplit("@", 1)[-1]


def run_digests(
    config: VigieConfig, store: Store, week: str, as_of: date, send: bool, porteur_id: str | None = None
) -> list[DigestOutcome]:
    """Every porteur's digest for the week (or one porteur's); an unsubscribed contact gets nothing."""
    if send and config.settings.smtp is not None:
        raise VigieError("envoi impossible", "settings.toml [smtp]",
                         "l'envoi SMTP n'est pas encore disponible dans cette version ; retirez [smtp] pour "
                         "écrire les lettres dans la boîte d'envoi")
    plan = store.plan()
    porteurs = [p for p in plan.porteurs if porteur_id in (None, p.id)]
    if porteur_id and not porteurs:
        raise VigieError("porteur inconnu", porteur_id, "voir « vigie plan show »")
    calls = dict(store.opportunities())
    outcomes = []
    for porteur in porteurs:
        matches = [m for m in store.matches(porteur_id=porteur.id) if wanted(m, config)]
        for contact in store.contacts(porteur.id):
            if contact.unsubscribed_at:
                continue
            chosen = _matches_for(store, contact, matches, week, send)
            outcome = digest_contact(config, store, porteur, contact, select_entries(chosen, calls, plan, as_of),
                                     week, as_of, send)
            if outcome:
                outcomes.append(outcome)
    return outcomes


def _matches_for(store: Store, contact: Contact, matches: list[Match], week: str, send: bool) -> list[Match]:
    """Matches not yet announced to the contact; for a digest recorded but not sent, exactly its own items."""
    existing = store.existing_digest(contact.email, "porteur", week) if send else None
    if existing and existing.status != "sent":
        listed = store.digest_match_ids(existing.id)
        return [m for m in store.match_rows(sorted(listed))]
    already = store.sent_match_ids(contact.email)
    return [m for m in matches if m.id not in already]
