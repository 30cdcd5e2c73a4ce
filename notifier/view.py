"""The digest as the templates see it: sections of calls with every fact already formatted.

Both templates (HTML and text) read the same view, so they always say the same things.
Strings here are plain text: escaping is the HTML template's job (Jinja2 autoescape).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from models.display_evidence import deadline_quote
from notifier import labels
from models.answers import ANSWER_LABELS
from notifier.entries import CLOSING, NEW, SECTIONS, DigestContent, DigestEntry

MAX_REASONS = 3
"""The most telling reasons shown per call."""


@dataclass(frozen=True)
class CallView:
    """One call, ready to show."""

    title: str
    url: str | None
    """Only http(s) links; None means the title is shown as plain text."""
    funding: str
    """"France 2030 · ADEME"."""
    instruments: str
    amount: str
    deadline: str
    """"15/01/2027 (J-52)", or "" when no relève is coming."""
    deadline_quote: str
    """What the source says of that relève: « « Date limite : 15 janvier 2027 » (page de l'appel) », or ""."""
    fiche: str
    """The fiche-action it fits ("" under a fiche heading, which already says it)."""
    reasons: list[str]
    changes: list[str]
    answers: tuple[tuple[str, str], ...] = ()
    """(French label, signed link) of each answer the contact may give (none without a secret key)."""


@dataclass(frozen=True)
class GroupView:
    """Calls under one heading (a fiche-action), or under none."""

    heading: str
    calls: list[CallView]


@dataclass(frozen=True)
class SectionView:
    """A digest section, every call of it: the letter is all a porteur sees (no web access to "see more")."""

    key: str
    title: str
    groups: list[GroupView]


def build_sections(content: DigestContent) -> list[SectionView]:
    """Non-empty sections in SECTIONS order."""
    unknown = {e.section for e in content.entries} - SECTIONS.keys()
    if unknown:
        expected = ", ".join(SECTIONS)
        raise ValueError(f"section de digest inconnue : {', '.join(sorted(unknown))} (attendu : {expected})")
    sections = []
    for key, title in SECTIONS.items():
        entries = _ordered(key, [e for e in content.entries if e.section == key], content.as_of)
        if entries:
            groups = _by_fiche(entries, content) if key == NEW else [_flat(entries, content)]
            sections.append(SectionView(key, title, groups))
    return sections


def _ordered(key: str, entries: list[DigestEntry], as_of: date) -> list[DigestEntry]:
    """Best score first; closing calls by nearest relève first."""
    if key == CLOSING:
        return sorted(entries, key=lambda e: (e.opportunity.next_close_date(as_of) or date.max, -e.score))
    return sorted(entries, key=lambda e: -e.score)


def _by_fiche(entries: list[DigestEntry], content: DigestContent) -> list[GroupView]:
    """Group calls by fiche-action, the fiche with the best call first."""
    groups: dict[str, list[DigestEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.fiche_id, []).append(entry)
    return [
        GroupView(fiche_label(group[0]), [_with_answers(call_view(e, content.as_of, with_fiche=False), e, content)
                                          for e in group])
        for group in groups.values()
    ]


def _flat(entries: list[DigestEntry], content: DigestContent) -> GroupView:
    return GroupView("", [_with_answers(call_view(e, content.as_of, with_fiche=True), e, content) for e in entries])


def _with_answers(view: CallView, entry: DigestEntry, content: DigestContent) -> CallView:
    """The call with the contact's answer links, when the letter has them."""
    urls = content.answer_urls.get(entry.match_id or 0, {})
    answers = [(label, url) for key, label in ANSWER_LABELS.items() if (url := labels.safe_url(urls.get(key)))]
    return replace(view, answers=tuple(answers)) if answers else view


def fiche_label(entry: DigestEntry) -> str:
    """« Titre » (F-01)."""
    return f"« {labels.one_line(entry.fiche_titre)} » ({labels.one_line(entry.fiche_id)})"


def call_view(entry: DigestEntry, as_of: date, with_fiche: bool) -> CallView:
    """Format one entry's facts."""
    opp = entry.opportunity
    next_close = opp.next_close_date(as_of)
    return CallView(
        title=labels.one_line(opp.title),
        url=labels.safe_url(opp.url),
        funding=labels.funding_line(opp),
        instruments=labels.instruments_line(opp),
        amount=labels.amount_line(opp),
        deadline=labels.deadline_label(next_close, as_of) if next_close else "",
        deadline_quote=deadline_quote(opp, next_close),
        fiche=fiche_label(entry) if with_fiche else "",
        reasons=[labels.one_line(r) for r in entry.reasons[:MAX_REASONS] if r.strip()],
        changes=[labels.one_line(c) for c in entry.changes if c.strip()],
    )


def call_count(entries: list[DigestEntry]) -> int:
    """Distinct calls (one call can fit several fiches)."""
    return len({(e.opportunity.source, e.opportunity.source_id) for e in entries})


def nearest_deadline(entries: list[DigestEntry], as_of: date) -> date | None:
    """The nearest coming relève among the digest's calls."""
    days = [d for e in entries if (d := e.opportunity.next_close_date(as_of))]
    return min(days, default=None)
