"""How often « Recevoir un nouveau lien » may send: at most PER_ADDRESS links per e-mail address and PER_CLIENT
per client address within WINDOW. Requests are counted in the login_attempt table, like failed logins: every
server process sharing the database sees the same counts, and a restart forgets nothing. Beyond a limit the page
answers its usual sentence and sends nothing (nobody learns whether the address is a contact's)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta

from models.store import WebQueries
from vigie.web.security import ADDRESS_MAX, ATTEMPTS_KEPT

WINDOW = timedelta(hours=1)
PER_ADDRESS = 5
PER_CLIENT = 20
EMAIL_KEY = "lien-espace:"
"""Prefix of the counted name of an e-mail address (then its SHA-256: the table keeps no address in clear)."""
CLIENT_KEY = "lien-espace:poste"
"""Counted name of a client address's requests (the client address goes in the address column)."""
ADDRESS_LIMIT, CLIENT_LIMIT = "adresse", "poste"


class RenewalLimiter:
    """Counts a request before it sends; a request over a limit is uncounted and refused (so that someone asking
    again and again does not keep the contact from ever receiving a link once the hour is over)."""

    def __init__(self, queries: WebQueries, now: Callable[[], datetime], per_address: int = PER_ADDRESS,
                 per_client: int = PER_CLIENT, window: timedelta = WINDOW) -> None:
        self.queries, self.now = queries, now
        self.per_address, self.per_client, self.window = per_address, per_client, window

    def refused(self, email: str, client: str) -> str | None:
        """None when this request may send (it is counted); else the limit it reached, ADDRESS_LIMIT or
        CLIENT_LIMIT."""
        at = self.now()
        stale, since = at - max(self.window, ATTEMPTS_KEPT), at - self.window
        keys = [(EMAIL_KEY + hashlib.sha256(email.encode()).hexdigest(), "", self.per_address, ADDRESS_LIMIT),
                (CLIENT_KEY, client[:ADDRESS_MAX], self.per_client, CLIENT_LIMIT)]
        ids = [self.queries.record_login_attempt(name, address, at, stale_before=stale) for name, address, _, _ in keys]
        over = next((limit for name, address, most, limit in keys
                     if self.queries.count_login_attempts(name, address, since=since) > most), None)
        if over is not None:
            for attempt_id in ids:
                self.queries.forget_login_attempt(attempt_id)
        return over
