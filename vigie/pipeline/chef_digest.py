"""The chef de projet's weekly digest, one per territory: rows loaded from the store, planned by
`notifier.chef_plan`, rendered by `notifier.chef`, recorded (kind "chef_de_projet") and sent exactly once like
the porteurs' digests.

Planned once: the letter is rendered when first planned, from the week's facts (the porteurs' letters planned for
the week, whether already handed over or not), and kept whole with its record; a rerun after a crash, or a second
sender, sends that same message, whatever went out before."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from email.utils import make_msgid

from models.config import VigieConfig
from models.records import TerritoryData
from models.store import Store
from models.store.digests import DigestRequest
from models.store.notify import TOLD_NOTHING
from models.store.web_queue import review_filter
from models.tables import Digest
from notifier import week_span, write_outbox
from notifier.chef import CallLine, ChefDigestContent, render_chef_digest
from notifier.chef_plan import ChefRows, plan_chef_letter, review_lines
from notifier.delivery import Sender
from notifier.entries import RenderedDigest
from notifier.plan_letter import plan_letter
from notifier.rules import DigestRules
from notifier.view import call_count
from vigie.pipeline.digest import letter_rows, load_inputs, new_claimant, refused, shared_emails, subscribed
from vigie.pipeline.digest_letter import message_domain, stem_for
from vigie.pipeline.digest_send import Claimant, DigestOutcome, busy, deliver_claimed, settled, stored_message
from vigie.pipeline.followup_overdue import overdue_lines
from vigie.pipeline.tune_journal import journal

KIND = "chef_de_projet"


def outgoing_by_territory(config: VigieConfig, store: Store, week: str, as_of: date,
                          send: bool) -> dict[str, list[tuple[str, int]]]:
    """Per territory, (porteur name, distinct calls in that porteur's letters of the week): counted on the letters
    as the porteur digests plan them (calls_per_porteur), so each figure is the one in that letter's subject."""
    counts = calls_per_porteur(store, DigestRules.of(config.settings), week, as_of, send)
    result: dict[str, list[tuple[str, int]]] = {}
    for porteur in sorted(store.plan().porteurs, key=lambda p: (p.territoire, p.nom)):
        if counts.get(porteur.id):
            result.setdefault(porteur.territoire, []).append((porteur.nom, counts[porteur.id]))
    return result


def calls_per_porteur(store: Store, rules: DigestRules, week: str, as_of: date, send: bool) -> dict[str, int]:
    """Per porteur id, the distinct calls its letters of the week hold (`call_count`, as in their subject),
    over its subscribed contacts: what the chef de projet's letter reports. With `send`, the letters planned
    (recorded) for the week, whether already handed over or still held by a sender or a temporary failure —
    the week's facts, whatever went out before; not the letters refused for good, nor those never planned;
    without, the letters as run_digests would plan them."""
    inputs, shared, counts = load_inputs(store, as_of), shared_emails(store), {}
    for porteur in store.plan().porteurs:
        matches, entries = store.matches(porteur_id=porteur.id), []
        for contact, kind in subscribed(store, porteur.id, shared):
            existing = store.existing_digest(contact.email, kind, week) if send else None
            if refused(contact) or (send and (existing is None or existing.status in TOLD_NOTHING)):
                continue  # blocked, refused, expired or nothing to say: nothing goes to it
            rows = letter_rows(store, contact.email, porteur.id, matches, existing)
            entries += [p.entry for p in plan_letter(rows, inputs, rules)]
        if entries:
            counts[porteur.id] = call_count(entries)
    return counts


def gather(config: VigieConfig, store: Store, territory: TerritoryData, week: str, as_of: date,
           outgoing: list[tuple[str, int]], rules: DigestRules | None = None) -> ChefDigestContent:
    """Everything the territory's chef de projet hears about this week (planned by notifier.chef_plan)."""
    return plan_chef_letter(chef_rows(config, store, territory, week, as_of, outgoing,
                                      rules or DigestRules.of(config.settings)))


def chef_rows(config: VigieConfig, store: Store, territory: TerritoryData, week: str, as_of: date,
              outgoing: list[tuple[str, int]], rules: DigestRules) -> ChefRows:
    """The rows the territory's letter is planned from."""
    return ChefRows(
        territory=territory, week=week, as_of=as_of, calls=dict(store.opportunities()),
        porteurs={p.id: p.nom for p in store.plan().porteurs if p.territoire == territory.id},
        matches=store.territory_matches(territory.id), fiches=store.territory_fiches(territory.id),
        source_names={s.slug: s.name or s.slug for s in config.sources},
        new_by_source=store.new_calls_by_source(*week_span(week)), new_total=store.new_calls_count(*week_span(week)),
        review_rows=review_rows(store, rules, territory.id, as_of), outgoing=outgoing,
        overdue=overdue_lines(store, territory.id, rules.threshold, as_of),
        failing=store.failing_sources(rules.failure_alert_after), bounced=store.bounced_contacts(territory.id),
        answer_counts=store.answer_counts(territory.id, *week_span(week)), applied=journal(config.directory),
    )


def review_rows(store: Store, rules: DigestRules, territory_id: str, as_of: date) -> list[dict]:
    """The territory's matches « à relire », best first: exactly the web app's default queue (review_filter)."""
    return store.queue_rows(review_filter(rules.threshold, territoire=territory_id), as_of)


def to_review(config: VigieConfig, store: Store, territory_id: str, as_of: date) -> list[CallLine]:
    """The territory's matches « à relire » as the chef de projet's letter lists them."""
    return review_lines(review_rows(store, DigestRules.of(config.settings), territory_id, as_of))


def run_chef_digests(config: VigieConfig, store: Store, week: str, as_of: date, send: bool, sender: Sender,
                     outgoing: dict[str, list[tuple[str, int]]] | None = None,
                     claimant: Claimant | None = None) -> list[DigestOutcome]:
    """One digest per territory that names a chef de projet email; exactly once per week with `send`."""
    outcomes = []
    if send:
        store.expire_pending((KIND,), week)  # never sent after its week
    outgoing = outgoing if outgoing is not None else outgoing_by_territory(config, store, week, as_of, send)
    claimant = claimant or new_claimant(config, store)
    rules = DigestRules.of(config.settings)
    territories = store.plan().territories
    chefs = Counter(str(t.chef_de_projet_email) for t in territories if t.chef_de_projet_email)
    for territory in territories:
        if territory.chef_de_projet_email:
            kind = chef_kind(territory, chefs[str(territory.chef_de_projet_email)] > 1)
            outcome = _chef_digest(config, store, sender, territory, week, as_of, send,
                                   outgoing.get(territory.id, []), kind, claimant, rules)
            outcomes += [outcome] if outcome else []
    return outcomes


def chef_kind(territory: TerritoryData, several: bool) -> str:
    """The digest kind: "chef_de_projet", or "chef_de_projet:<territory>" when the same person animates several
    territories (a Région's service) — one digest per territory, each recorded and sent exactly once."""
    return f"{KIND}:{territory.id}" if several else KIND


def _chef_digest(config: VigieConfig, store: Store, sender: Sender, territory: TerritoryData, week: str,
                 as_of: date, send: bool, outgoing: list[tuple[str, int]], kind: str,
                 claimant: Claimant, rules: DigestRules) -> DigestOutcome | None:
    """The territory's letter: the one planned for the week when there is one (sent as it was kept), else
    planned now, recorded whole and claimed; whoever loses the claim leaves it to its holder."""
    recipient = str(territory.chef_de_projet_email)
    existing = store.existing_digest(recipient, kind, week) if send else None
    if existing and existing.status != "pending":
        return settled(existing, recipient, "")
    if existing and not claimant.take(existing):
        return busy(recipient, "")
    try:
        planned = _planned_letter(config, store, territory, week, as_of, outgoing, existing, rules)
    except BaseException:
        claimant.release(existing)  # nothing was handed over
        raise
    if planned is None:
        claimant.release(existing)
        return None
    rendered, entries = planned
    stem = stem_for(week, f"chef-{territory.id}", recipient)
    if not send:
        paths = write_outbox(rendered, config.outbox / "apercu" / week, stem)
        return DigestOutcome(recipient, "", entries, paths, "preview")
    digest = existing or claimant.record(DigestRequest(
        recipient, kind, week, rendered.content_hash, str(rendered.message["Message-ID"]), [],
        territoire_id=territory.id, body=rendered.message.as_bytes()))
    if digest is None:
        return busy(recipient, "")
    return replace(deliver_claimed(store, claimant, sender, rendered, stem, digest, None), entries=entries)


def _planned_letter(config: VigieConfig, store: Store, territory: TerritoryData, week: str, as_of: date,
                    outgoing: list[tuple[str, int]], existing: Digest | None,
                    rules: DigestRules) -> tuple[RenderedDigest, int] | None:
    """(the message, matches to review it lists): the kept one, else gathered and rendered now; None when the
    week has nothing to tell."""
    if existing is not None and existing.body:
        rendered = stored_message(existing)
        return rendered, _review_count(rendered)
    content = gather(config, store, territory, week, as_of, outgoing, rules)
    if content.is_empty():
        return None
    message_id = existing.message_id if existing else make_msgid("vigie", message_domain(config))
    return render_chef_digest(content, config.settings.sender, message_id), len(content.to_review)


def _review_count(rendered: RenderedDigest) -> int:
    """The « N à relire » of a kept letter's subject (0 when none)."""
    found = re.search(r"(\d+) à relire", rendered.subject)
    return int(found.group(1)) if found else 0
