"""The chef de projet's weekly digest, one per territory: facts gathered from the store, rendered by
`notifier.chef`, recorded (kind "chef_de_projet") and sent exactly once like the porteurs' digests.

Planned once: the letter is rendered when first planned, from the week's facts (the porteurs' letters planned for
the week, whether already handed over or not), and kept whole with its record; a rerun after a crash, or a second
sender, sends that same message, whatever went out before."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from email.utils import make_msgid

from models.answers import ANSWER_SHORT
from models.config import VigieConfig
from models.records import OpportunityData, TerritoryData
from models.store import Store
from models.store.digests import DigestRequest
from models.store.web_queue import review_filter
from models.tables import Digest, Match
from models.vocab import ReviewStatus, Status
from notifier import labels, week_span, write_outbox
from notifier.chef import CallLine, ChefDigestContent, call_line, render_chef_digest
from notifier.delivery import Sender
from notifier.entries import RenderedDigest
from vigie.pipeline.digest import calls_per_porteur, message_domain, new_claimant, stem_for
from vigie.pipeline.digest_send import Claimant, DigestOutcome, busy, deliver_claimed, settled, stored_message
from vigie.pipeline.followup_overdue import overdue_lines
from vigie.tune.checks import config_change_line

KIND = "chef_de_projet"
HORIZON_DAYS = 30


def outgoing_by_territory(config: VigieConfig, store: Store, week: str, as_of: date,
                          send: bool) -> dict[str, list[tuple[str, int]]]:
    """Per territory, (porteur name, distinct calls in that porteur's letters of the week): counted on the letters
    as the porteur digests plan them (calls_per_porteur), so each figure is the one in that letter's subject."""
    counts = calls_per_porteur(config, store, week, as_of, send)
    result: dict[str, list[tuple[str, int]]] = {}
    for porteur in sorted(store.plan().porteurs, key=lambda p: (p.territoire, p.nom)):
        if counts.get(porteur.id):
            result.setdefault(porteur.territoire, []).append((porteur.nom, counts[porteur.id]))
    return result


def gather(config: VigieConfig, store: Store, territory: TerritoryData, week: str, as_of: date,
           outgoing: list[tuple[str, int]]) -> ChefDigestContent:
    """Everything the territory's chef de projet hears about this week."""
    calls = dict(store.opportunities())
    porteurs = {p.id: p.nom for p in store.plan().porteurs if p.territoire == territory.id}
    matches = [m for m in store.territory_matches(territory.id) if m.opportunity_id in calls]
    live = [m for m in matches if m.eligible and m.review_status != ReviewStatus.REJECTED
            and _open(calls[m.opportunity_id], as_of)]
    return ChefDigestContent(
        territory=territory.nom, chef_nom=territory.chef_de_projet_nom,
        chef_email=str(territory.chef_de_projet_email), iso_week=week, as_of=as_of,
        new_calls=_new_calls(config, store, week), new_total=store.new_calls_count(*week_span(week)), to_review=to_review(config, store, territory.id, as_of),
        outgoing=outgoing, uncovered=_uncovered(store, territory.id, live, porteurs),
        deadlines=_deadlines(live, calls, porteurs, as_of), failing=_failing(config, store),
        overdue=overdue_lines(store, territory.id, config.settings.matching.threshold, as_of),
        bounced=[(c.email, porteurs.get(c.porteur_id, c.porteur_id), c.last_error or "")
                 for c in store.bounced_contacts(territory.id)],
        config_change=config_change_line(config, territory.id, week),
        answers=week_answers(store, territory.id, week),
    )


def week_answers(store: Store, territory_id: str, week: str) -> list[tuple[str, int]]:
    """(« intéressé » / « pas pour nous » / « je dépose », how many) of the territory's porteurs this week."""
    counts = store.answer_counts(territory_id, *week_span(week))
    return [(label, counts[key]) for key, label in ANSWER_SHORT.items() if counts.get(key)]


def _open(call: OpportunityData, as_of: date) -> bool:
    return call.status_on(as_of) != Status.CLOSED


def _new_calls(config: VigieConfig, store: Store, week: str) -> list[tuple[str, int]]:
    names = {s.slug: s.name or s.slug for s in config.sources}
    return [(names.get(slug, slug), n) for slug, n in store.new_calls_by_source(*week_span(week))]


def to_review(config: VigieConfig, store: Store, territory_id: str, as_of: date) -> list[CallLine]:
    """The territory's matches « à relire », best first: exactly the web app's default queue (review_filter)."""
    rows = store.queue_rows(review_filter(config.settings.matching.threshold, territoire=territory_id), as_of)
    return [call_line(row["title"], row["url"], f"{row['porteur_nom']} — fiche {row['fiche_id']} — score "
                      + f"{row['score']:.2f}".replace(".", ",")) for row in rows]


def _uncovered(store: Store, territory_id: str, live: list[Match], porteurs: dict[str, str]) -> list[str]:
    covered = {m.fiche_id for m in live}
    return [f"« {labels.one_line(f.titre)} » ({f.id}) — {porteurs.get(f.porteur_id, f.porteur_id)}"
            for f in store.territory_fiches(territory_id) if f.id not in covered]


def _deadlines(live: list[Match], calls: dict[int, OpportunityData], porteurs: dict[str, str], as_of: date) -> list:
    horizon = as_of + timedelta(days=HORIZON_DAYS)
    whom: dict[int, set[str]] = {}
    for m in live:
        day = calls[m.opportunity_id].next_close_date(as_of)
        if day and day <= horizon:
            whom.setdefault(m.opportunity_id, set()).add(porteurs.get(m.porteur_id, m.porteur_id))
    ordered = sorted(whom, key=lambda oid: (calls[oid].next_close_date(as_of), oid))
    return [call_line(calls[oid].title, calls[oid].url,
                      f"clôture le {labels.deadline_label(calls[oid].next_close_date(as_of), as_of)} — "
                      f"{', '.join(sorted(whom[oid]))}") for oid in ordered]


def _failing(config: VigieConfig, store: Store) -> list[tuple[str, int, str]]:
    names = {s.slug: s.name or s.slug for s in config.sources}
    threshold = config.settings.crawl.failure_alert_after
    return [(names.get(s.slug, s.slug), s.consecutive_failures,
             s.disabled_reason or s.last_error or "cause inconnue") for s in store.failing_sources(threshold)]


def run_chef_digests(config: VigieConfig, store: Store, week: str, as_of: date, send: bool, sender: Sender,
                     outgoing: dict[str, list[tuple[str, int]]] | None = None,
                     claimant: Claimant | None = None) -> list[DigestOutcome]:
    """One digest per territory that names a chef de projet email; exactly once per week with `send`."""
    outcomes = []
    if send:
        store.expire_pending((KIND,), week)  # never sent after its week
    outgoing = outgoing if outgoing is not None else outgoing_by_territory(config, store, week, as_of, send)
    claimant = claimant or new_claimant(config, store)
    territories = store.plan().territories
    chefs = Counter(str(t.chef_de_projet_email) for t in territories if t.chef_de_projet_email)
    for territory in territories:
        if territory.chef_de_projet_email:
            kind = chef_kind(territory, chefs[str(territory.chef_de_projet_email)] > 1)
            outcome = _chef_digest(config, store, sender, territory, week, as_of, send,
                                   outgoing.get(territory.id, []), kind, claimant)
            outcomes += [outcome] if outcome else []
    return outcomes


def chef_kind(territory: TerritoryData, several: bool) -> str:
    """The digest kind: "chef_de_projet", or "chef_de_projet:<territory>" when the same person animates several
    territories (a Région's service) — one digest per territory, each recorded and sent exactly once."""
    return f"{KIND}:{territory.id}" if several else KIND


def _chef_digest(config: VigieConfig, store: Store, sender: Sender, territory: TerritoryData, week: str,
                 as_of: date, send: bool, outgoing: list[tuple[str, int]], kind: str,
                 claimant: Claimant) -> DigestOutcome | None:
    """The territory's letter: the one planned for the week when there is one (sent as it was kept), else
    planned now, recorded whole and claimed; whoever loses the claim leaves it to its holder."""
    recipient = str(territory.chef_de_projet_email)
    existing = store.existing_digest(recipient, kind, week) if send else None
    if existing and existing.status != "pending":
        return settled(existing, recipient, "")
    if existing and not claimant.take(existing):
        return busy(recipient, "")
    try:
        planned = _planned_letter(config, store, territory, week, as_of, outgoing, existing)
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
                    outgoing: list[tuple[str, int]], existing: Digest | None) -> tuple[RenderedDigest, int] | None:
    """(the message, matches to review it lists): the kept one, else gathered and rendered now; None when the
    week has nothing to tell."""
    if existing is not None and existing.body:
        rendered = stored_message(existing)
        return rendered, _review_count(rendered)
    content = gather(config, store, territory, week, as_of, outgoing)
    if content.is_empty():
        return None
    message_id = existing.message_id if existing else make_msgid("vigie", message_domain(config))
    return render_chef_digest(content, config.settings.sender, message_id), len(content.to_review)


def _review_count(rendered: RenderedDigest) -> int:
    """The « N à relire » of a kept letter's subject (0 when none)."""
    found = re.search(r"(\d+) à relire", rendered.subject)
    return int(found.group(1)) if found else 0
