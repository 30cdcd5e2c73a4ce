"""Passwords (argon2id), CSRF tokens and the login attempt limiter."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters

MAX_ATTEMPTS = 5
"""Failed logins allowed per (username, IP) within WINDOW_SECONDS."""
WINDOW_SECONDS = 15 * 60


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


class LoginLimiter:
    """Counts failed logins per (username, IP) in memory: a restart forgets them, and with several server
    processes each counts on its own (Vigie runs one uvicorn process)."""

    def __init__(self, max_attempts: int = MAX_ATTEMPTS, window: float = WINDOW_SECONDS,
                 clock=time.monotonic) -> None:  # noqa: ANN001 - a callable returning seconds
        self.max_attempts, self.window, self.clock = max_attempts, window, clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str]) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] < self.clock() - self.window:
            failures.popleft()
        return failures

    def blocked(self, username: str, ip: str) -> bool:
        """True when this username has failed too often from this address recently."""
        with self._lock:
            return len(self._recent((username.lower(), ip))) >= self.max_attempts

    def failed(self, username: str, ip: str) -> None:
        """Count one failed attempt."""
        with self._lock:
            self._recent((username.lower(), ip)).append(self.clock())

    def succeeded(self, username: str, ip: str) -> None:
        """Forget the failures after a successful login."""
        with self._lock:
            self._failures.pop((username.lower(), ip), None)
