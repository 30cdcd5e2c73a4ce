"""Senders share one answer: a message was delivered, failed for now (retry later), or failed for good."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from notifier.entries import RenderedDigest
from notifier.outbox import write_outbox

logger = logging.getLogger(__name__)

SENT = "sent"
TEMPORARY = "temporary"
"""Not delivered, may succeed later: the digest stays pending and the next run resends it."""
PERMANENT = "permanent"
"""Refused for good (5xx, bad address): recorded on the contact, not retried."""


@dataclass(frozen=True)
class Delivery:
    """What became of one message."""

    status: str
    """sent | temporary | permanent."""
    error: str | None = None
    """French explanation of a failure, with the server's answer."""
    paths: list[Path] = field(default_factory=list)
    """Files written (outbox sender only)."""


class Sender(Protocol):
    """Hands rendered digests over: the outbox folder or an SMTP server."""

    def deliver(self, rendered: RenderedDigest, stem: str) -> Delivery:
        """Deliver one message (`stem` names its files in an outbox)."""

    def close(self) -> None:
        """Release what the sender holds (an SMTP connection)."""


class OutboxSender:
    """Writes each message to <folder>/<stem>.eml (+ .html preview): the sender when no [smtp] is configured."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def deliver(self, rendered: RenderedDigest, stem: str) -> Delivery:
        """Write the files; an OSError propagates (the digest stays pending)."""
        return Delivery(SENT, paths=write_outbox(rendered, self.folder, stem))

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> OutboxSender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
