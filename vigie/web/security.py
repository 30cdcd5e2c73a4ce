"""Passwords (argon2id), login names, CSRF tokens, the login attempt limiter and the bound on password checks."""

from __future__ import annotations

import hmac
import secrets
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

if TYPE_CHECKING:
    from models.store import WebQueries

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters

MAX_ATTEMPTS = 5
"""Failed logins allowed per (login name, client address) within WINDOW."""
WINDOW = timedelta(minutes=15)
ATTEMPTS_KEPT = timedelta(hours=1)
"""How long the login_attempt table keeps a row: the longest window of the limits counted there (failed logins,
15 minutes; requests for a new space link, vigie/web/renew_limit.py, one hour)."""
USERNAME_MAX = 120
"""The longest login name (the `user.username` column): a longer one names no account."""
ADDRESS_MAX = 64
"""Client addresses are stored cut to this length (an IPv6 address has at most 45 characters)."""
HASH_SLOTS = 2
"""Password checks run at once per server process. Each takes 64 MiB and already uses 4 threads (argon2's
parallelism), so more at once would buy memory use, not speed."""
HASH_WAIT_SECONDS = 5.0
"""How long a login waits for a free slot before being told to try again (a check takes about 0.1 s: a
burst of a few tens of logins is served, not refused)."""


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when the password matches the stored hash."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(password_hash)


def new_csrf_token() -> str:
    """A per-session CSRF token."""
    return secrets.token_urlsafe(32)


def same_token(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return bool(expected and given) and hmac.compare_digest(expected, given)


def normalise_username(username: str) -> str:
    """The one form of a login name, used both to find the account and to count failed attempts (so padding a
    name gets no fresh attempts): Unicode compatibility form (full-width letters, ligatures), without control or
    invisible format characters, without surrounding whitespace. Case is kept: names are case-sensitive."""
    name = unicodedata.normalize("NFKC", username)
    return "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf")).strip()


def wall_now() -> datetime:
    """The real time: sessions and attempt windows measure elapsed time, never a day fixed by --as-of."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Attempt:
    """A login attempt whose password is being checked: it counts as a failure unless it succeeds."""

    id: int
    username: str
    """Normalised (normalise_username)."""
    address: str


class LoginLimiter:
    """At most `max_attempts` failed logins per (login name, client address) within `window`, counted in the
    database so that every server process sharing it sees the same count.

    An attempt is recorded (and committed) before its password is checked, then counted: of attempts made at the
    same moment by several processes, the last to commit sees them all, so no more than `max_attempts` are ever
    checked (a burst may see more refused than strictly needed: only the burst's own name and address pay); a
    refused attempt is uncounted."""

    def __init__(self, queries: WebQueries, max_attempts: int = MAX_ATTEMPTS, window: timedelta = WINDOW,
                 now: Callable[[], datetime] = wall_now) -> None:
        self.queries, self.max_attempts, self.window, self.now = queries, max_attempts, window, now

    def start(self, username: str, address: str) -> Attempt | None:
        """Count an attempt on this (normalised) name from this address; None when the limit is reached."""
        at, address = self.now(), address[:ADDRESS_MAX]
        stale = at - max(self.window, ATTEMPTS_KEPT)
        attempt_id = self.queries.record_login_attempt(username, address, at, stale_before=stale)
        if self.queries.count_login_attempts(username, address, since=at - self.window) > self.max_attempts:
            self.queries.forget_login_attempt(attempt_id)
            return None
        return Attempt(attempt_id, username, address)

    def cancel(self, attempt: Attempt) -> None:
        """Uncount an attempt whose password was not checked."""
        self.queries.forget_login_attempt(attempt.id)

    def succeeded(self, attempt: Attempt) -> None:
        """Forget the failures on this name from this address."""
        self.queries.forget_login_attempts(attempt.username, attempt.address)


class HashSlots:
    """At most `size` password checks at once in this process: each argon2 check takes 64 MiB, so a burst of
    logins waits its turn for up to `wait` seconds, then is told to come back, instead of growing memory."""

    def __init__(self, size: int = HASH_SLOTS, wait: float = HASH_WAIT_SECONDS) -> None:
        self.size, self.wait = size, wait
        self.semaphore = threading.BoundedSemaphore(size)

    @contextmanager
    def slot(self) -> Iterator[bool]:
        """True inside the block when a slot was free in time (the caller checks the password), else False."""
        acquired = self.semaphore.acquire(timeout=self.wait)
        try:
            yield acquired
        finally:
            if acquired:
                self.semaphore.release()
