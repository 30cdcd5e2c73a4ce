"""Connexion and déconnexion."""

from __future__ import annotations

from fastapi import Form, Request
from fastapi.responses import RedirectResponse

from models.tables import User
from vigie.web.auth import SESSION_LIFETIME
from vigie.web.routes.common import page_router
from vigie.web.security import USERNAME_MAX, hash_password, needs_rehash, normalise_username, verify_password
from vigie.web.state import WebState, render, web

router = page_router()
_DUMMY_HASH = hash_password("vigie-dummy-password")
"""Verified against when the account does not exist, so that timing does not reveal account names."""


@router.get("/connexion")
def login_form(request: Request):  # noqa: ANN201
    """The login form."""
    return render(request, "login.html", None)


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.post("/connexion")
def login(request: Request, username: str = Form(""), password: str = Form("")):  # noqa: ANN201
    """Check the password (argon2id): at most 5 failures per login name and address in 15 minutes, counted in the
    database for every server process; at most a few checks at once."""
    state, name = web(request), normalise_username(username)
    if len(name) > USERNAME_MAX:
        return _wrong(request)
    attempt = state.limiter.start(name, _client_ip(request))
    if attempt is None:
        return _refused(request, "Trop de tentatives : réessayez dans 15 minutes.")
    user = state.queries.user(name)
    with state.hash_slots.slot() as free:
        if not free:
            state.limiter.cancel(attempt)
            return _refused(request, "Trop de tentatives de connexion en ce moment : réessayez dans quelques "
                                     "secondes.", retry_after=5)
        ok = _check(state, user, password)
    if not ok:
        return _wrong(request)
    state.limiter.succeeded(attempt)
    _open_session(request, state, user.id)
    return RedirectResponse("/", status_code=303)


def _check(state: WebState, user: User | None, password: str) -> bool:
    """The password matches an active account (a dummy hash is checked when there is none); a hash made with
    weaker parameters than today's is replaced, while the password is at hand."""
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password) and user is not None and user.active
    if ok and needs_rehash(user.password_hash):
        state.queries.set_password_hash(user.id, hash_password(password))
    return ok


def _open_session(request: Request, state: WebState, user_id: int) -> None:
    """A fresh server-side session (and CSRF token) after login: no session fixation."""
    _close_session(request, state)
    now = state.now()
    request.session["sid"] = state.queries.open_web_session(user_id, now, expired_before=now - SESSION_LIFETIME)


def _close_session(request: Request, state: WebState) -> None:
    token = request.session.get("sid")
    if isinstance(token, str):
        state.queries.close_web_session(token)
    request.session.clear()


def _wrong(request: Request):  # noqa: ANN202
    return render(request, "login.html", None, status_code=401, error="Identifiant ou mot de passe incorrect.")


def _refused(request: Request, message: str, retry_after: int | None = None):  # noqa: ANN202
    response = render(request, "login.html", None, status_code=429, error=message)
    if retry_after is not None:
        response.headers["retry-after"] = str(retry_after)
    return response


@router.post("/deconnexion")
def logout(request: Request):  # noqa: ANN201
    """End the session, server-side: the cookie no longer opens it, even copied elsewhere."""
    _close_session(request, web(request))
    return RedirectResponse("/connexion", status_code=303)
