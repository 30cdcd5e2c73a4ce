"""Who is asking: the logged-in account, its role and the territories it may see; CSRF on every POST."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from fastapi import Depends, Request

from models.vocab import Role
from vigie.web.middleware import MAX_AGE
from vigie.web.security import new_csrf_token, same_token

SESSION_LIFETIME = timedelta(seconds=MAX_AGE)
"""A server-side session lasts as long as its cookie."""


class LoginRequired(Exception):
    """No valid session: pages redirect to the login form, the API answers 401."""


class Forbidden(Exception):
    """Logged in, but not allowed (role or territory)."""

    def __init__(self, message: str = "accès refusé") -> None:
        super().__init__(message)
        self.message = message


class CsrfRejected(Exception):
    """A POST without the session's CSRF token."""


@dataclass(frozen=True)
class Viewer:
    """The logged-in account."""

    user_id: int
    username: str
    role: str
    territories: tuple[str, ...]

    @property
    def scope(self) -> list[str] | None:
        """Territories this account may see; None means all (admin, or a lecteur without territories)."""
        if self.role == Role.ADMIN or (self.role == Role.LECTEUR and not self.territories):
            return None
        return list(self.territories)

    @property
    def can_write(self) -> bool:
        """Admins and chefs de projet decide; lecteurs only read."""
        return self.role in (Role.ADMIN, Role.CHEF)

    def sees(self, territoire_id: str | None) -> bool:
        """True when the account may see this territory's porteurs."""
        return self.scope is None or territoire_id in self.scope


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = new_csrf_token()
    return token


async def csrf_guard(request: Request) -> None:
    """Every POST carries the session's token, in the `csrf` form field or the X-CSRF-Token header."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    given = request.headers.get("x-csrf-token")
    if given is None and "form" in request.headers.get("content-type", ""):
        given = (await request.form()).get("csrf")
    if not same_token(request.session.get("csrf"), given if isinstance(given, str) else None):
        raise CsrfRejected()


def current_viewer(request: Request) -> Viewer:
    """The account of the session, read server-side each time: a session ended (logout, new password, account
    disabled) or too old, or a deactivated account, is out at once whatever cookie the browser holds."""
    state, token = request.app.state.web, request.session.get("sid")
    user = state.queries.web_session_user(token, state.now() - SESSION_LIFETIME) if isinstance(token, str) else None
    if user is None or not user.active:
        request.session.pop("sid", None)
        raise LoginRequired()
    return Viewer(user.id, user.username, user.role, tuple(user.territories))


def writer(viewer: Viewer = Depends(current_viewer)) -> Viewer:  # noqa: B008
    """An account allowed to decide (not a lecteur)."""
    if not viewer.can_write:
        raise Forbidden("votre compte est en lecture seule")
    return viewer


def admin(viewer: Viewer = Depends(current_viewer)) -> Viewer:  # noqa: B008
    """An administrator."""
    if viewer.role != Role.ADMIN:
        raise Forbidden("réservé aux administrateurs")
    return viewer
