"""The chef de projet's weekly digest: what was collected, what waits for review, what goes out,
which fiches-actions still have no call, the territory's coming deadlines, failing sources and
bounced addresses. Pure: the caller gathers the facts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from models.config.schema import SenderConfig
from notifier import labels
from notifier.entries import RenderedDigest
from notifier.render import TEMPLATES, _angle, content_hash
from notifier.weeks import week_bounds

logger = logging.getLogger(__name__)

MAX_LINES = 15
"""Lines shown per section before "et N autres"."""


@dataclass(frozen=True)
class CallLine:
    """A call as the chef de projet sees it in a list."""

    title: str
    url: str | None
    detail: str
    """Who it is for, the score or the deadline: already phrased."""


def call_line(title: str, url: str | None, detail: str) -> CallLine:
    """A CallLine from crawled strings: one line each, the link kept only when it is http(s)."""
    return CallLine(labels.one_line(title), labels.safe_url(url), labels.one_line(detail))


@dataclass(frozen=True)
class ChefDigestContent:
    """Everything a chef de projet's weekly digest says about one territory."""

    territory: str
    """Territory name."""
    chef_nom: str
    chef_email: str
    iso_week: str
    as_of: date
    new_calls: list[tuple[str, int]] = field(default_factory=list)
    """(source name, calls first collected this week from it)."""
    new_total: int | None = None
    """Distinct calls first collected this week (Store.new_calls_count: the dashboard's figure); None: the
    sum of `new_calls`."""
    to_review: list[CallLine] = field(default_factory=list)
    outgoing: list[tuple[str, int]] = field(default_factory=list)
    """(porteur name, accepted calls going out in this week's digests)."""
    uncovered: list[str] = field(default_factory=list)
    """Fiches-actions with no eligible open call."""
    deadlines: list[CallLine] = field(default_factory=list)
    overdue: list[CallLine] = field(default_factory=list)
    """Dossiers « déposé » with neither « obtenu » nor « refusé » 90 days after their deadline (models.followup):
    repeated every week until the follow-up is updated, so alone they do not make a letter."""
    failing: list[tuple[str, int, str]] = field(default_factory=list)
    """(source name, consecutive failures, French explanation)."""
    bounced: list[tuple[str, str, str]] = field(default_factory=list)
    """(address, porteur name, the server's refusal)."""
    config_change: str = ""
    answers: list[tuple[str, int]] = field(default_factory=list)
    """(answer as counted, « intéressé », « pas pour nous », « je dépose »; how many the territory's porteurs gave
    this week), the answers given only."""
    """One line when a matching configuration was applied this week (`vigie tune apply`), with its effect."""

    def is_empty(self) -> bool:
        """Nothing worth a message (an empty week sends nothing): no call collected, none to review, no porteur
        letter going out, no deadline within 30 days, no failing source, no refused address, no porteur's answer
        and no configuration applied this week. Fiches-actions still without a call are repeated in a letter that goes, but alone
        they are the same news every week: they do not make one."""
        lists = (self.new_calls, self.to_review, self.outgoing, self.deadlines, self.failing, self.bounced,
                 self.answers)
        return not any(lists) and not self.config_change.strip()


def render_chef_digest(content: ChefDigestContent, sender: SenderConfig, message_id: str,
                       sent_at: datetime | None = None) -> RenderedDigest:
    """Render the chef de projet's digest (text + HTML alternatives); ValueError when it is empty."""
    if content.is_empty():
        raise ValueError(f"récapitulatif vide pour {content.chef_email} ({content.iso_week}) : rien à envoyer")
    context = _context(content, sender)
    text = TEMPLATES.get_template("chef.txt.j2").render(context)
    html = TEMPLATES.get_template("chef.html.j2").render(context)
    message = EmailMessage()
    message["Subject"] = context["subject"]
    message["From"] = Address(labels.one_line(sender.from_name), addr_spec=str(sender.from_email))
    message["To"] = Address(labels.one_line(content.chef_nom), addr_spec=content.chef_email)
    message["Date"] = format_datetime(sent_at or datetime.now(UTC))
    message["Message-ID"] = _angle(message_id)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    message["Content-Language"] = "fr"
    logger.debug("chef digest rendered to=%s week=%s", content.chef_email, content.iso_week)
    return RenderedDigest(message, html, text, context["subject"], content_hash(context["subject"], text))


def subject_line(content: ChefDigestContent) -> str:
    """"Vigie · Gers – Lomagne : 3 à relire, 2 échéances sous 30 jours"."""
    parts = [f"{len(content.to_review)} à relire"] if content.to_review else []
    if content.deadlines:
        parts.append(f"{labels.plural(len(content.deadlines), 'échéance')} sous 30 jours")
    if content.failing:
        parts.append(f"{labels.plural(len(content.failing), 'source')} en panne")
    if content.bounced:
        parts.append(f"{labels.plural(len(content.bounced), 'adresse')} en échec")
    head = f"Vigie · {labels.one_line(content.territory)}"
    return f"{head} : {', '.join(parts)}" if parts else f"{head} : récapitulatif de la semaine"


def _cut(items: list) -> tuple[list, int]:
    return items[:MAX_LINES], max(0, len(items) - MAX_LINES)


def _context(content: ChefDigestContent, sender: SenderConfig) -> dict:
    monday, sunday = week_bounds(content.iso_week)
    review, review_hidden = _cut(content.to_review)
    deadlines, deadlines_hidden = _cut(content.deadlines)
    overdue, overdue_hidden = _cut(content.overdue)
    uncovered, uncovered_hidden = _cut(content.uncovered)
    return {
        "subject": subject_line(content),
        "greeting_name": labels.one_line(content.chef_nom),
        "intro": (f"Voici le point de la semaine du {labels.fr_date(monday)} au {labels.fr_date(sunday)} "
                  f"pour {labels.one_line(content.territory)}."),
        "new_calls": content.new_calls, "new_total": _new_total(content),
        "new_listed": sum(n for _, n in content.new_calls),
        "review": review, "review_hidden": review_hidden, "review_total": len(content.to_review),
        "outgoing": content.outgoing, "outgoing_total": sum(n for _, n in content.outgoing),
        "uncovered": uncovered, "uncovered_hidden": uncovered_hidden,
        "deadlines": deadlines, "deadlines_hidden": deadlines_hidden, "overdue": overdue, "overdue_hidden": overdue_hidden,
        "failing": content.failing, "bounced": content.bounced, "answers": content.answers, "config_change": labels.one_line(content.config_change),
        "app_url": sender.public_url.rstrip("/") + "/",
    }


def _new_total(content: ChefDigestContent) -> int:
    return sum(n for _, n in content.new_calls) if content.new_total is None else content.new_total
