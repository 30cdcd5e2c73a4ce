"""Connexion and déconnexion."""

from __future__ import annotations

from fastapi import Form, Request
from fastapi.responses import RedirectResponse

from vigie.web.routes.common import page_router
from vigie.web.security import hash_password, needs_rehash, verify_password
from vigie.web.state import render, web

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
    """Check the password (argon2id), at most 5 failures per account and address in 15 minutes."""
    state, ip = web(request), _client_ip(request)
    if state.limiter.blocked(username, ip):
        return render(request, "login.html", None, status_code=429,
                      error="Trop de tentatives : réessayez dans 15 minutes.")
    user = state.store.user(username.strip())
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password) and user is not None and user.active
    if not ok:
        state.limiter.failed(username, ip)
        return render(request, "login.html", None, status_code=401, error="Identifiant ou mot de passe incorrect.")
    state.limiter.succeeded(username, ip)
    if needs_rehash(user.password_hash):
        state.store.set_password_hash(user.id, hash_password(password))
    request.session.clear()  # a fresh session (and CSRF token) after login: no session fixation
    request.session["uid"] = user.id
    return RedirectResponse("/", status_code=303)


@router.post("/deconnexion")
def logout(request: Request):  # noqa: ANN201
    """End the session."""
    request.session.clear()
    return RedirectResponse("/connexion", status_code=303)
