"""Weekly porteur digests: plan each contact's entries (nouveaux, mis à jour, clôture proche), render,
record the digest, hand it to the sender (SMTP or outbox), then mark it sent.

Exactly once: a digest is recorded before it is handed over, claimed by one sender (two runs at once never
both send it: see digest_send) and marked sent as soon as the server took it. A digest already sent this week
is not sent again; one still pending (a crash, a temporary SMTP failure) is sent again with the same Message-ID
and the same items; a permanent refusal marks it failed and is kept on the contact for the chef de projet's
digest, and nothing more is submitted to that address until the contact is edited.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from email.utils import make_msgid

from models.config import VigieConfig
from models.errors import VigieError
from models.records import ContactData, PorteurData
from models.store import Store
from models.store.digests import DigestRequest
from models.store.notify import TOLD_NOTHING
from models.tables import Contact, Digest, Match
from models.vocab import ReviewStatus
from notifier import DigestContent, DigestEntry, RenderedDigest, render_digest, write_outbox
from notifier.claims import lease_for
from notifier.delivery import Sender
from notifier.view import call_count
from vigie.pipeline.calendar_export import porteur_calendar_calls
from vigie.pipeline.clock import utcnow
from vigie.pipeline.digest_select import Inputs, Planned, plan_fresh, plan_pending
from vigie.pipeline.digest_send import Claimant, DigestOutcome, busy, deliver_claimed, settled
from vigie.pipeline.porteur_links import answer_urls, links_for, space_url
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


def wanted(match: Match, config: VigieConfig) -> bool:
    """Accepted by the chef de projet, or eligible above the threshold when no review is required.

    A match whose only failing criterion is the calendar (the relève is now nearer than min_lead_days)
    stays wanted: it is never announced as new, but a call already sent still gets its J-7 reminder."""
    if not (match.eligible or short_of_lead_time(match)):
        return False
    if config.settings.matching.review_required:
        return match.review_status == ReviewStatus.ACCEPTED
    return match.score >= config.settings.matching.threshold and match.review_status != ReviewStatus.REJECTED


def short_of_lead_time(match: Match) -> bool:
    """Ineligible only on the calendar criterion (a call already closed is left out later, when selected)."""
    failing = [c.get("criterion") for c in match.eligibility or [] if c.get("verdict") == "ko"]
    return bool(failing) and set(failing) == {"calendrier"}


def load_inputs(store: Store, as_of: date) -> Inputs:
    """Calls, fiche titles and change history, once for the run."""
    calls = dict(store.opportunities())
    titles = {f.id: f.titre for f in store.plan().fiches}
    return Inputs(calls, titles, store.events_by_opportunity(calls), as_of)


def stem_for(week: str, porteur_id: str, email: str) -> str:
    """The outbox file name of a digest."""
    return re.sub(r"[^A-Za-z0-9._@-]+", "_", f"{week}_{porteur_id}_{email}")


def unsubscribe_url(config: VigieConfig, contact: Contact) -> str:
    """The one-click unsubscribe link of a contact (served by the web app)."""
    return f"{config.settings.sender.public_url.rstrip('/')}/desabonnement/{contact.unsubscribe_token}"


def calendar_feed_url(config: VigieConfig, store: Store, porteur_id: str) -> str:
    """The porteur's subscribed calendar (`/calendrier/JETON.ics`, served by the web app without an account):
    the same events as the letter's echeances.ics, kept up to date."""
    token = store.calendar_token(porteur_id, utcnow())
    return f"{config.settings.sender.public_url.rstrip('/')}/calendrier/{token}.ics"


def message_domain(config: VigieConfig) -> str:
    """Right-hand side of Message-IDs: the sender's domain."""
    return str(config.settings.sender.from_email).rsplit("@", 1)[-1]


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
    inputs = load_inputs(store, as_of)
    if send:
        store.expire_pending((KIND,), week)  # a letter is never sent after its week; its calls go in this one
    owned = sender is None
    sender = sender or open_sender(config, week, send)
    claimant = claimant or new_claimant(config, store)
    try:
        outcomes = []
        shared = shared_emails(store)
        for porteur in porteurs:
            matches = [m for m in store.matches(porteur_id=porteur.id) if wanted(m, config)]
            for contact, kind in subscribed(store, porteur.id, shared):
                outcome = digest_contact(config, store, sender, porteur, contact, matches, week, inputs, send, kind,
                                         claimant)
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
                   matches: list[Match], week: str, inputs: Inputs, send: bool,
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
        letter = plan_contact(config, store, porteur, contact, matches, week, inputs, existing, send, kind)
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


def plan_contact(config: VigieConfig, store: Store, porteur: PorteurData, contact: Contact, matches: list[Match],
                 week: str, inputs: Inputs, existing: Digest | None, send: bool,
                 kind: str) -> Letter | DigestOutcome | None:
    """The contact's letter rendered (its recorded items and Message-ID when `existing`); None when it has
    nothing to say; a blocked outcome for a refused address; a preview outcome without `send`."""
    planned = plan_letter(store, contact.email, matches, inputs, existing, porteur.id)
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


def letter_content(config: VigieConfig, store: Store, porteur: PorteurData, contact: Contact, week: str,
                   inputs: Inputs, planned: list[Planned]) -> DigestContent:
    """What the contact's letter says, its echeances.ics being the porteur's calendar (this letter's calls added)."""
    letter = [p.entry for p in planned]
    calendar = porteur_calendar_calls(store, porteur.id, inputs.as_of, inputs.calls, [e.opportunity for e in letter])
    space, answers = personal_urls(config, store, contact, letter, inputs.as_of)
    return DigestContent(porteur, ContactData(email=contact.email, nom=contact.nom, role=contact.role), week,
                         inputs.as_of, letter, unsubscribe_url(config, contact),
                         calendar_feed_url(config, store, porteur.id), calendar_calls=calendar,
                         space_url=space, answer_urls=answers)


def personal_urls(config: VigieConfig, store: Store, contact: Contact, entries: list[DigestEntry],
                  day: date) -> tuple[str | None, dict[int, dict[str, str]]]:
    """A fresh link to the contact's space and, per call of the letter, its answer links, dated the letter's
    day; none without the secret key (logged: the letter still goes)."""
    links = links_for(config)
    if links is None:
        return None, {}
    generation = store.link_generation(contact.id)
    answers = {e.match_id: answer_urls(config, links, contact, generation, e.match_id, day)
               for e in entries if e.match_id}
    return space_url(config, store, links, contact, day), answers


def plan_letter(store: Store, email: str, matches: list[Match], inputs: Inputs,
                existing: Digest | None, porteur_id: str | None = None) -> list[Planned]:
    """What a contact's letter holds: the items of this week's recorded letter when there is one, said as when
    it was recorded; else a new planning of the wanted matches, and of the porteur's calls the contact heard of
    whose deadline moved earlier since (`porteur_id`), wanted or not."""
    announced = store.announced(email, existing.id if existing else None)
    if existing:
        rows = {m.id: m for m in store.match_rows(sorted(store.digest_match_ids(existing.id)))}
        return plan_pending(store.digest_items(existing.id), rows, announced, inputs)
    return plan_fresh(matches, announced, inputs, sent_unwanted(store, announced, matches, porteur_id))


def sent_unwanted(store: Store, announced: dict, matches: list[Match], porteur_id: str | None) -> list[Match]:
    """The porteur's matches announced to the contact that are no longer among the wanted `matches`."""
    wanted_ids = {m.id for m in matches}
    ids = sorted({i for seen in announced.values() for i in seen.match_ids} - wanted_ids)
    if porteur_id is None or not ids:
        return []
    return [m for m in store.match_rows(ids) if m.porteur_id == porteur_id]


def calls_per_porteur(config: VigieConfig, store: Store, week: str, as_of: date, send: bool) -> dict[str, int]:
    """Per porteur id, the distinct calls its letters of the week hold (`call_count`, as in their subject),
    over its subscribed contacts: what the chef de projet's letter reports. With `send`, the letters planned
    (recorded) for the week, whether already handed over or still held by a sender or a temporary failure —
    the week's facts, whatever went out before; not the letters refused for good, nor those never planned;
    without, the letters as run_digests would plan them."""
    inputs, shared, counts = load_inputs(store, as_of), shared_emails(store), {}
    for porteur in store.plan().porteurs:
        matches = [m for m in store.matches(porteur_id=porteur.id) if wanted(m, config)]
        entries = []
        for contact, kind in subscribed(store, porteur.id, shared):
            existing = store.existing_digest(contact.email, kind, week) if send else None
            if refused(contact) or (send and (existing is None or existing.status in TOLD_NOTHING)):
                continue  # blocked, refused, expired or nothing to say: nothing goes to it
            entries += [p.entry for p in plan_letter(store, contact.email, matches, inputs, existing, porteur.id)]
        if entries:
            counts[porteur.id] = call_count(entries)
    return counts


def _request(rendered, message_id: str, week: str, contact: Contact, porteur: PorteurData,  # noqa: ANN001
             planned: list[Planned], kind: str) -> DigestRequest:
    return DigestRequest(contact.email, kind, week, rendered.content_hash, message_id, [p.item for p in planned],
                         contact.id, porteur.id, porteur.territoire)
