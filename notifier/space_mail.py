"""The e-mail that brings a contact a fresh link to their space (asked for on the web app's renewal page):
one link per porteur the address follows. Pure: the caller signs the links and sends the message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from models.config.schema import SenderConfig
from notifier import labels
from notifier.entries import RenderedDigest
from notifier.render import TEMPLATES, content_hash

SUBJECT = "Vigie · votre lien vers l'espace de vos appels à projets"


@dataclass(frozen=True)
class SpaceLinkLine:
    """One porteur the address follows and the link to its space."""

    porteur: str
    url: str


def render_space_link(recipient: str, name: str, lines: list[SpaceLinkLine], days: int, sender: SenderConfig,
                      sent_at: datetime | None = None) -> RenderedDigest:
    """The message (text + HTML), each link valid `days` days."""
    context = {"greeting_name": labels.one_line(name), "days": days,
               "lines": [SpaceLinkLine(labels.one_line(line.porteur), line.url) for line in lines]}
    text = TEMPLATES.get_template("space_link.txt.j2").render(context)
    html = TEMPLATES.get_template("space_link.html.j2").render(context)
    message = EmailMessage()
    message["Subject"] = SUBJECT
    message["From"] = Address(labels.one_line(sender.from_name), addr_spec=str(sender.from_email))
    message["To"] = Address(labels.one_line(name), addr_spec=recipient)
    message["Date"] = format_datetime(sent_at or datetime.now(UTC))
    message["Message-ID"] = make_msgid("vigie", str(sender.from_email).rsplit("@", 1)[-1])
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    message["Content-Language"] = "fr"
    return RenderedDigest(message, html, text, SUBJECT, content_hash(SUBJECT, text))
