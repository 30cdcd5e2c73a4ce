"""The review web app: `create_app(config, store)` builds the FastAPI application."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from matcher.neighbours import vectoriser_class
from models.config import VigieConfig
from models.errors import VigieError
from models.store import Store
from vigie.pipeline import clock
from vigie.web.auth import CsrfRejected, Forbidden, LoginRequired
from vigie.web.middleware import SecurityHeadersMiddleware, SessionMiddleware
from vigie.web.routes import ROUTERS
from vigie.web.routes.space import SpaceRefused, refusal_page
from vigie.web.state import WebState, render

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
MIN_SECRET_LENGTH = 32


def secret_key(config: VigieConfig) -> str:
    """The session key from the environment variable named by web.secret_key_env (never from a file)."""
    name = config.settings.web.secret_key_env
    value = os.environ.get(name, "")
    if len(value) < MIN_SECRET_LENGTH:
        hint = (f"définissez {name} (au moins {MIN_SECRET_LENGTH} caractères aléatoires, par exemple : "
                f'export {name}="$(python3 -c \'import secrets; print(secrets.token_urlsafe(48))\')")')
        raise VigieError("clé secrète des sessions absente ou trop courte", f"variable d'environnement {name}", hint)
    return value


class VigieApp(FastAPI):
    """FastAPI with the security headers as its outermost layer: Starlette puts its 500 error layer outside
    every added middleware, so added there the headers would miss the 500 pages."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeadersMiddleware(super().build_middleware_stack())


@asynccontextmanager
async def _starting(_app: FastAPI) -> AsyncIterator[None]:
    """Imports what a page computing a score needs, once, before the first request rather than during one."""
    vectoriser_class()
    yield


def create_app(config: VigieConfig, store: Store, today: Callable[[], date] | None = None) -> FastAPI:
    """The application, refusing to start without the session secret. `today` fixes "today" (tests, --as-of)."""
    key = secret_key(config)
    app = VigieApp(title="Vigie — API de revue", version="1", docs_url=None, redoc_url=None, lifespan=_starting,
                  openapi_url="/api/openapi.json",
                  description="Correspondances, appels et plan d'actions ; mêmes droits que les pages.")
    app.state.web = WebState(config, store, today or clock.today,
                             crawl_log_dir=config.resolve("var/web"))
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for router in ROUTERS:
        app.include_router(router)
    _handlers(app)
    app.add_exception_handler(SpaceRefused, refusal_page)
    app.add_middleware(SessionMiddleware, secret_key=key)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def _error(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", None, status_code=status, status=status, message=message)


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "connexion requise"}, status_code=401)
        return RedirectResponse("/connexion", status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return _error(request, 403, exc.message)

    @app.exception_handler(CsrfRejected)
    async def csrf(request: Request, _exc: CsrfRejected) -> Response:
        return _error(request, 403, "formulaire expiré ou jeton CSRF invalide : rechargez la page")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "page introuvable", 405: "méthode non autorisée"}
        return _error(request, exc.status_code, messages.get(exc.status_code, str(exc.detail)))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        status, message = invalid_request_answer(exc.errors())
        return _error(request, status, message)

    @app.exception_handler(Exception)
    async def server_error(request: Request, _exc: Exception) -> Response:
        # Starlette re-raises the exception after this page is sent: the server logs its traceback.
        return _error(request, 500, SERVER_ERROR)


SERVER_ERROR = "erreur interne du serveur : l'incident est consigné dans le journal du serveur, réessayez plus tard"


def invalid_request_answer(errors: Sequence[Any]) -> tuple[int, str]:
    """404 when a value of the URL path is wrong (an id out of range or not a number names no page), else
    400 naming the first wrong parameter — in French, without pydantic's English text or the value sent."""
    places = [tuple(error.get("loc", ())) for error in errors]
    if any(place[:1] == ("path",) for place in places):
        return 404, "page introuvable"
    names = [part for part in places[0][1:] if isinstance(part, str)] if places else []
    return 400, f"paramètre « {names[0]} » invalide ou absent" if names else "requête invalide"
