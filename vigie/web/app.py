"""The review web app: `create_app(config, store)` builds the FastAPI application."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from models.config import VigieConfig
from models.errors import VigieError
from models.store import Store
from vigie.pipeline import clock
from vigie.web.auth import CsrfRejected, Forbidden, LoginRequired
from vigie.web.middleware import SecurityHeadersMiddleware, SessionMiddleware
from vigie.web.routes import ROUTERS
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


def create_app(config: VigieConfig, store: Store, today: Callable[[], date] | None = None) -> FastAPI:
    """The application, refusing to start without the session secret. `today` fixes "today" (tests, --as-of)."""
    key = secret_key(config)
    app = FastAPI(title="Vigie — API de revue", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Correspondances, appels et plan d'actions ; mêmes droits que les pages.")
    app.state.web = WebState(config, store, today or clock.today,
                             crawl_log_dir=config.resolve("var/web"))
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for router in ROUTERS:
        app.include_router(router)
    _handlers(app)
    app.add_middleware(SessionMiddleware, secret_key=key)
    app.add_middleware(SecurityHeadersMiddleware)
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
