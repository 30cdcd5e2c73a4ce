"""Weekly porteur digests: load each contact's rows, have `notifier.plan_letter` plan its entries (nouveaux, mis à
jour, clôture proche), render, record the digest, hand it to the sender (SMTP or outbox), then mark it sent.

Exactly once: a digest is recorded before it is handed over, claimed by one sender (two runs at once never
both send it: see digest_send) and marked sent as soon as the server took it. A digest already sent this week
is not sent again; one still pending (a crash, a temporary SMTP failure) is sent again with the same Message-ID
and the same items; a permanent refusal marks it failed and is kept on the contact for the chef de projet's
digest, and nothing more is submitted to that address until the contact is edited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from email.utils import make_msgid

from models.config import VigieConfig
from models.errors import VigieError
from models.records import PorteurData
from models.store import Store
from models.store.digests import DigestRequest
from models.tables import Contact, Digest, Match
from notifier import RenderedDigest, render_digest, write_outbox
from notifier.claims import lease_for
from notifier.delivery import Sender
from notifier.plan_items import Inputs, Planned
from notifier.plan_letter import LetterRows, plan_letter
from notifier.rules import DigestRules
from notifier.view import call_count
from vigie.pipeline.digest_letter import letter_content, message_domain, stem_for
from vigie.pipeline.digest_send import Claimant, DigestOutcome, busy, deliver_claimed, settled
from vigie.pipeline.senders import open_sender

logger = logging.getLogger(__name__)

KIND = "porteur"


@dataclass(frozen=True)
class Letter:
    """A contact's letter ready to hand over: rendered, its outbox name, what its record holds."""

    rendered: RenderedDigest
    stem: str
    request: DigestRequest
    calls: int
    """Distinct calls (its subject's number)."""


def load_inputs(store: Store, as_of: date) -> Inputs:
    """Calls, fiche titles and change history, once for the run."""
    calls = dict(store.opportunities())
    titles = {f.id: f.titre for f in store.plan().fiches}
    return Inputs(calls, titles, store.events_by_opportunity(calls), as_of)


def new_claimant(config: VigieConfig, store: Store) -> Claimant:
    """A run's claimant, its lease fitted to the configured SMTP server's timeouts and retries."""
    return Claimant(store, lease_for(config.settings.smtp))


def run_digests(config: VigieConfig, store: Store, week: str, as_of: date, send: bool,
                porteur_id: str | None = None, sender: Sender | None = None,
                claimant: Claimant | None = None) -> list[DigestOutcome]:
    """Every porteur's digest for the week (or one porteur's); an unsubscribed contact gets nothing.

    With `send`, digests go through `sender` (default: SMTP when [smtp] is configured, else the
    outbox), each claimed by this run first (`claimant`: one per run); without, previews are written to
    <outbox>/apercu/<week> and nothing is recorded."""
    plan = store.plan()
    porteurs = [p for p in plan.porteurs if porteur_id in (None, p.id)]
    if porteur_id and not porteurs:
        raise VigieError("porteur inconnu", porteur_id, "voir « vigie plan show »")
    inputs, rules = load_inputs(store, as_of), DigestRules.of(config.settings)
    if send:
        store.expire_pending((KIND,), week)  # a letter is never sent after its week; its calls go in this one
    owned = sender is None
    sender = sender or open_sender(config, week, send)
    claimant = claimant or new_claimant(config, store)
    try:
        outcomes = []
        shared = shared_emails(store)
        for porteur in porteurs:
            matches = store.matches(porteur_id=porteur.id)
            for contact, kind in subscribed(store, porteur.id, shared):
                outcome = digest_contact(config, store, sender, porteur, contact, matches, week, inputs, rules, send,
                                         kind, claimant)
                outcomes += [outcome] if outcome else []
        return outcomes
    finally:
        if owned:
            sender.close()


def subscribed(store: Store, porteur_id: str, shared: set[str]) -> list[tuple[Contact, str]]:
    """The porteur's contacts that get its letter (not unsubscribed), each with the kind of its digest."""
    return [(c, porteur_kind(porteur_id, c.email in shared)) for c in store.contacts(porteur_id)
            if c.unsubscribed_at is None]


def refused(contact: Contact) -> bool:
    """The contact's address was refused for good (5xx): nothing more is submitted to it until the chef de
    projet corrects or confirms it (editing the contact clears the error); the chef's letter lists it."""
    return bool(contact.last_error)


def shared_emails(store: Store) -> set[str]:
    """Addresses that are a contact of several porteurs."""
    owners: dict[str, set[str]] = {}
    for contact in store.contacts():
        owners.setdefault(contact.email, set()).add(contact.porteur_id)
    return {email for email, porteur_ids in owners.items() if len(porteur_ids) > 1}


def porteur_kind(porteur_id: str, shared: bool) -> str:
    """The digest kind: "porteur", or "porteur:<id>" for an address that is the contact of several porteurs
    (a digest is unique per recipient, kind and week: each porteur's letter goes out once)."""
    return f"{KIND}:{porteur_id}" if shared else KIND


def digest_contact(config: VigieConfig, store: Store, sender: Sender, porteur: PorteurData, contact: Contact,
                   matches: list[Match], week: str, inputs: Inputs, rules: DigestRules, send: bool,
                   kind: str = KIND, claimant: Claimant | None = None) -> DigestOutcome | None:
    """One contact's digest: planned, rendered, and (with `send`) recorded, claimed, delivered, marked.

    A letter already recorded is claimed before it is planned again from its items; a new one is recorded
    already claimed. Whoever loses the claim leaves the letter to its holder."""
    existing = store.existing_digest(contact.email, kind, week) if send else None
    if existing and existing.status != "pending":
        return settled(existing, contact.email, porteur.id)
    claimant = claimant or new_claimant(config, store)
    if existing and not claimant.take(existing):
        return busy(contact.email, porteur.id)
    try:
        planned = plan_letter(letter_rows(store, contact.email, porteur.id, matches, existing), inputs, rules)
        letter = render_contact(config, store, porteur, contact, week, inputs, planned, existing, send, kind)
    except BaseException:
        claimant.release(existing)  # nothing was handed over
        raise
    if not isinstance(letter, Letter):  # nothing to say, blocked, or a preview
        claimant.release(existing)
        return letter
    digest = existing or claimant.record(letter.request)
    if digest is None:
        return busy(contact.email, porteur.id)
    return replace(deliver_claimed(store, claimant, sender, letter.rendered, letter.stem, digest, contact),
                   porteur_id=porteur.id, entries=letter.calls)


def render_contact(config: VigieConfig, store: Store, porteur: PorteurData, contact: Contact, week: str,
                   inputs: Inputs, planned: list[Planned], existing: Digest | None, send: bool,
                   kind: str) -> Letter | DigestOutcome | None:
    """The contact's planned letter rendered (with its recorded Message-ID when `existing`); None when it has
    nothing to say; a blocked outcome for a refused address; a preview outcome without `send`."""
    if not planned:
        return None
    calls = call_count([p.entry for p in planned])
    if refused(contact):
        return DigestOutcome(contact.email, porteur.id, calls, [], "blocked", contact.last_error)
    message_id = existing.message_id if existing else make_msgid("vigie", message_domain(config))
    content = letter_content(config, store, porteur, contact, week, inputs, planned)
    rendered = render_digest(content, config.settings.sender, message_id)
    stem = stem_for(week, porteur.id, contact.email)
    if not send:
        paths = write_outbox(rendered, config.outbox / "apercu" / week, stem)
        return DigestOutcome(contact.email, porteur.id, calls, paths, "preview")
    return Letter(rendered, stem, _request(rendered, message_id, week, contact, porteur, planned, kind), calls)


def letter_rows(store: Store, email: str, porteur_id: str, matches: list[Match],
                existing: Digest | None) -> LetterRows:
    """What the store holds for a contact's letter: the porteur's `matches`, what the contact heard, and the
    week's recorded letter (its items and their matches) when there is one, else the other matches heard of."""
    announced = store.announced(email, existing.id if existing else None)
    if existing:
        rows = store.match_rows(sorted(store.digest_match_ids(existing.id)))
        return LetterRows(porteur_id, matches, announced, {m.id: m for m in rows}, store.digest_items(existing.id))
    known = {m.id: m for m in matches}
    others = sorted({i for seen in announced.values() for i in seen.match_ids} - known.keys())
    known |= {m.id: m for m in store.match_rows(others)} if others else {}
    return LetterRows(porteur_id, matches, announced, known)


def _request(rendered, message_id: str, week: str, contact: Contact, porteur: PorteurData,  # noqa: ANN001
             planned: list[Planned], kind: str) -> DigestRequest:
    return DigestRequest(contact.email, kind, week, rendered.content_hash, message_id, [p.item for p in planned],
                         contact.id, porteur.id, porteur.territoire)
