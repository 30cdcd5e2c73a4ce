"""ASGI middlewares: the signed session cookie (Secure over HTTPS) and the security headers."""

from __future__ import annotations

import json
from base64 import b64decode, b64encode
from typing import Any

from itsdangerous import BadSignature
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import HTMLResponse

from vigie.signing import SESSION_SALT, signer

COOKIE = "vigie_session"
MAX_AGE = 12 * 3600
"""A session lasts a working day."""

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
}


class SessionMiddleware:
    """Like Starlette's, but the cookie gets `Secure` whenever the request came over HTTPS (directly or
    through a proxy trusted by uvicorn's --proxy-headers), so that one set-up serves both."""

    def __init__(self, app: Any, secret_key: str) -> None:
        self.app, self.signer = app, signer(secret_key, SESSION_SALT)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        initial = self._load(HTTPConnection(scope).cookies.get(COOKIE))
        scope["session"] = dict(initial)

        async def send_wrapper(message: dict) -> None:
            if message["type"] == "http.response.start" and scope["session"] != initial:
                headers = MutableHeaders(scope=message)
                headers.append("set-cookie", self._cookie(scope["session"], scope.get("scheme") == "https"))
            await send(message)

        await self.app(scope, receive, send_wrapper)

    def _load(self, raw: str | None) -> dict:
        if not raw:
            return {}
        try:
            return json.loads(b64decode(self.signer.unsign(raw.encode(), max_age=MAX_AGE)))
        except (BadSignature, ValueError):
            return {}

    def _cookie(self, session: dict, secure: bool) -> str:
        flags = "; Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if secure else "")
        if not session:
            return f"{COOKIE}=null; Max-Age=0{flags}"
        value = self.signer.sign(b64encode(json.dumps(session).encode())).decode()
        return f"{COOKIE}={value}; Max-Age={MAX_AGE}{flags}"


FALLBACK_PAGE = ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur 500</title></head>"
                 "<body><h1>Erreur 500</h1><p>Erreur interne du serveur : l'incident est consigné dans le journal "
                 "du serveur, réessayez plus tard.</p><p><a href=\"/\">Retour au tableau de bord</a></p></body></html>")
"""Sent when even the error page cannot be rendered (no template, no database needed)."""


class SecurityHeadersMiddleware:
    """CSP without inline scripts, no framing, no MIME sniffing, same-origin referrers — on every response.

    Meant to wrap the whole application (outside Starlette's own error layer, see app.VigieApp), so that
    500 pages carry the headers too; when an exception escapes before any response started (the error page
    itself failed), it answers the plain French FALLBACK_PAGE and lets the exception go on to the server's log."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_wrapper(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            if not started:
                await HTMLResponse(FALLBACK_PAGE, status_code=500)(scope, receive, send_wrapper)
            raise
