"""Render a digest: French subject, text and HTML bodies (Jinja2), ICS attachment, headers."""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from jinja2 import Environment, PackageLoader, StrictUndefined

from models.config.schema import SenderConfig
from notifier import labels
from notifier.calendar import deadlines_ics
from notifier.entries import DigestContent, RenderedDigest
from notifier.letter_policy import LETTER_POLICY
from notifier.view import build_sections, call_count, nearest_deadline
from notifier.weeks import week_bounds

logger = logging.getLogger(__name__)

TEMPLATES = Environment(
    loader=PackageLoader("notifier", "templates"),
    # Autoescape every HTML template: titles, reasons and funders come from crawled pages.
    autoescape=lambda name: name is None or name.endswith(".html.j2"),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render_digest(
    content: DigestContent,
    sender: SenderConfig,
    message_id: str,
    *,
    sent_at: datetime | None = None,
) -> RenderedDigest:
    """Render one contact's weekly digest; ValueError when it has no entries (an empty week sends nothing).

    Every call is listed (no "et N autres" link: porteurs have no account in the web app); besides the calls'
    own pages and the unsubscribe link, the only links are the contact's personal ones (their space, their
    answers), when the caller signed them. `sent_at` only fills the Date
    header (now by default): it never reaches the bodies, so `content_hash` is the same whenever
    the same content is rendered.
    """
    if not content.entries:
        raise ValueError(f"digest vide pour {content.contact.email} ({content.iso_week}) : rien à envoyer")
    if labels.safe_url(content.unsubscribe_url) is None:
        raise ValueError(f"lien de désinscription http(s) attendu, reçu « {content.unsubscribe_url[:80]} »")
    calendar = content.calendar()
    has_ics = any(call.next_close_date(content.as_of) for call in calendar)
    context = _context(content, sender, has_ics)
    subject = context["subject"]
    text = TEMPLATES.get_template("digest.txt.j2").render(context)
    html = TEMPLATES.get_template("digest.html.j2").render(context)
    message = build_message(content, sender, message_id, subject, sent_at or datetime.now(UTC))
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    if has_ics:
        ics = deadlines_ics(calendar, content.as_of)
        # The charset parameter is what lets a mail client read « Clôture » rather than « ClÃ´ture ».
        message.add_attachment(ics, maintype="text", subtype="calendar", filename="echeances.ics",
                               params={"charset": "utf-8"})
    message["Content-Language"] = "fr"  # after the body: add_attachment moves Content-* headers inward
    logger.debug(
        "digest rendered contact=%s week=%s entries=%d", content.contact.email, content.iso_week, len(content.entries)
    )
    return RenderedDigest(message, html, text, subject, content_hash(subject, text))


def subject_line(content: DigestContent) -> str:
    """"Vigie · 3 appels pour vos projets — prochaine clôture le 15/01/2027 (J-52)"."""
    head = f"Vigie · {labels.plural(call_count(content.entries), 'appel')} pour vos projets"
    nearest = nearest_deadline(content.entries, content.as_of)
    if nearest is None:
        return head
    return f"{head} — prochaine clôture le {labels.deadline_label(nearest, content.as_of)}"


def content_hash(subject: str, text: str) -> str:
    """sha256 of the subject and the text part."""
    return hashlib.sha256(f"{subject}\n{text}".encode()).hexdigest()


def build_message(
    content: DigestContent, sender: SenderConfig, message_id: str, subject: str, sent_at: datetime
) -> EmailMessage:
    """A message with the digest's headers, incl. RFC 8058 one-click unsubscribe (no body yet)."""
    message = EmailMessage(policy=LETTER_POLICY)
    message["Subject"] = subject
    message["From"] = Address(labels.one_line(sender.from_name), addr_spec=str(sender.from_email))
    message["To"] = Address(labels.one_line(content.contact.nom), addr_spec=str(content.contact.email))
    if sender.reply_to:
        message["Reply-To"] = str(sender.reply_to)
    message["Date"] = format_datetime(sent_at)
    message["Message-ID"] = _angle(message_id)
    message["List-Unsubscribe"] = f"<{content.unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    return message


def _context(content: DigestContent, sender: SenderConfig, has_ics: bool) -> dict:
    monday, sunday = week_bounds(content.iso_week)
    count = labels.plural(call_count(content.entries), "appel")
    porteur = labels.one_line(content.porteur.nom)
    week = f"semaine du {labels.fr_date(monday)} au {labels.fr_date(sunday)}"
    return {
        "subject": subject_line(content),
        "greeting_name": labels.one_line(content.contact.nom),
        "intro": f"Voici {count} à regarder pour {porteur}, {week}.",
        "sections": build_sections(content),
        "calendar_url": labels.safe_url(content.calendar_url),
        "has_ics": has_ics,
        "reply_to": sender.reply_to,
        "porteur_name": porteur,
        "unsubscribe_url": content.unsubscribe_url,
        "space_url": labels.safe_url(content.space_url),
    }


def _angle(message_id: str) -> str:
    """Message-IDs are written <id@host>."""
    bare = message_id.strip().strip("<>")
    if not bare or any(ch.isspace() for ch in bare) or "@" not in bare:
        raise ValueError(f"Message-ID invalide « {message_id[:80]} » (attendu : <identifiant@domaine>)")
    return f"<{bare}>"
