"""The sender of a run: SMTP when settings.toml has [smtp], else the outbox folder of the week."""

from __future__ import annotations

from models.config import VigieConfig
from notifier.delivery import OutboxSender, Sender
from notifier.smtp import SmtpSender


def open_sender(config: VigieConfig, week: str, send: bool) -> Sender:
    """SmtpSender (credentials checked now, connection opened on first message) or OutboxSender."""
    if send and config.settings.smtp is not None:
        return SmtpSender(config.settings.smtp)
    return OutboxSender(config.outbox / week)
