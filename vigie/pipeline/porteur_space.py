"""A contact's space: their porteur's fiches-actions and the calls proposed for each — exactly the matches the
letter selects (`notifier.rules.wanted`) whose call is not closed —, with deadlines, facts and their evidence, reasons,
the contact's answers and the follow-up. Read-only here; answers are recorded by `porteur_answers`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models import display
from models.answers import ANSWER_LABELS, REASON_LABELS, answer_text
from models.config import VigieConfig
from models.display_evidence import evidence_lines
from models.records import OpportunityData, is_profile_fiche
from models.store import Store
from models.tables import Contact, Match, Porteur
from models.vocab import Status
from notifier import labels
from notifier.rules import DigestRules, wanted
from notifier.view import MAX_REASONS
from vigie.pipeline.digest_letter import calendar_feed_url


@dataclass(frozen=True)
class SpaceCall:
    """A call proposed for a fiche, ready to show."""

    match_id: int
    title: str
    url: str | None
    funding: str
    amount: str
    deadline: str
    """« 15/01/2027 », or "" when no relève is coming."""
    countdown: str
    """« dans 12 jours », or ""."""
    evidence: list[str]
    reasons: list[str]
    answer: str | None
    """The contact's current answer (models.answers), or None."""
    answer_text: str
    followup: str | None
    followup_label: str
    followup_at: date | None


@dataclass(frozen=True)
class SpaceFiche:
    """A fiche-action (or the porteur's profile) and its calls, best first."""

    heading: str
    calls: list[SpaceCall]


@dataclass(frozen=True)
class Space:
    """Everything a contact's space shows."""

    contact: Contact
    porteur: Porteur
    fiches: list[SpaceFiche]
    calendar_url: str


def proposed_matches(config: VigieConfig, store: Store, porteur_id: str,
                     as_of: date) -> list[tuple[Match, OpportunityData]]:
    """The porteur's matches the letter selects (`wanted`) whose call is not closed, best first."""
    rules = DigestRules.of(config.settings)
    matches = [m for m in store.matches(porteur_id=porteur_id) if wanted(m, rules)]
    calls = store.call_records(m.opportunity_id for m in matches)
    return [(m, calls[m.opportunity_id]) for m in matches
            if m.opportunity_id in calls and calls[m.opportunity_id].status_on(as_of) != Status.CLOSED]


def build_space(config: VigieConfig, store: Store, contact: Contact, as_of: date) -> Space:
    """The contact's space as of `as_of`."""
    porteur = store.porteur(contact.porteur_id)
    answers = store.answers_of_contact(contact.id)
    titles = {f.id: f.titre for f in store.territory_fiches(porteur.territoire_id) if f.porteur_id == porteur.id}
    groups: dict[str, list[SpaceCall]] = {}
    for match, call in proposed_matches(config, store, porteur.id, as_of):
        row = answers.get(match.id)
        groups.setdefault(match.fiche_id, []).append(space_call(match, call, as_of, row.answer if row else None,
                                                                row.reason if row else None))
    fiches = [SpaceFiche(fiche_heading(fiche_id, titles), calls) for fiche_id, calls in groups.items()]
    return Space(contact, porteur, fiches, calendar_feed_url(config, store, porteur.id))


def fiche_heading(fiche_id: str, titles: dict[str, str]) -> str:
    """« Titre » (F-01), or « Profil du porteur »."""
    if is_profile_fiche(fiche_id):
        return "Profil du porteur"
    return f"« {labels.one_line(titles.get(fiche_id, fiche_id))} » ({fiche_id})"


def space_call(match: Match, call: OpportunityData, as_of: date, answer: str | None, reason: str | None) -> SpaceCall:
    """Format one proposed call."""
    next_close = call.next_close_date(as_of)
    return SpaceCall(
        match_id=match.id, title=labels.one_line(call.title), url=labels.safe_url(call.url),
        funding=labels.funding_line(call), amount=labels.amount_line(call),
        deadline=labels.fr_date(next_close) if next_close else "",
        countdown=display.days_until(next_close, as_of) if next_close else "",
        evidence=evidence_lines(call),
        reasons=display.best_reasons(match.reasons, MAX_REASONS),
        answer=answer, answer_text=answer_text(answer, reason) if answer else "",
        followup=match.followup_status, followup_label=display.label(match.followup_status, display.FOLLOWUP_LABELS),
        followup_at=match.followup_at)


SPACE_GLOBALS = {"ANSWER_LABELS": ANSWER_LABELS, "ANSWER_REASONS": REASON_LABELS}
"""What the space's templates name the answers and reasons by."""
