"""What every request handler shares: configuration, store and web queries, templates, the login limiter, "today"
and "now"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates

from models.config import VigieConfig
from models.funders import FunderNames
from models.store import Store, WebQueries
from vigie.pipeline import clock
from vigie.web import formats
from vigie.web.auth import Viewer, csrf_token
from vigie.web.security import HashSlots, LoginLimiter, wall_now

TEMPLATES = Path(__file__).parent / "templates"


def make_templates() -> Jinja2Templates:
    """Jinja2 templates with autoescape on (every crawled string is escaped) and French filters."""
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.autoescape = True
    templates.env.filters.update(formats.FILTERS)
    templates.env.globals.update(formats.GLOBALS)
    return templates


@dataclass
class WebState:
    """The app's shared state (app.state.web)."""

    config: VigieConfig
    store: Store
    today: Callable[[], date]
    templates: Jinja2Templates = field(default_factory=make_templates)
    crawl_log_dir: Path | None = None
    now: Callable[[], datetime] = wall_now
    """The real time, for session ages and login attempt windows."""
    hash_slots: HashSlots = field(default_factory=HashSlots)
    queries: WebQueries = field(init=False)
    """What only the pages ask of the database (models/store/web_queries.py), on `store`."""
    limiter: LoginLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.queries = WebQueries(self.store)
        self.limiter = LoginLimiter(self.queries, now=lambda: self.now())
        self.funder_names = FunderNames.from_table(self.config.funders.table())
        """funders.toml: the one name each funder is shown under (filter `funders` of the templates)."""
        shown = lru_cache(maxsize=4096)(lambda names: tuple(self.funder_names.display_all(names)))
        # The same few funder lists on every row of every page: each tidied once.
        self.templates.env.filters["funders"] = lambda names: list(shown(tuple(names)))

    def funders_present(self) -> list[str]:
        """The display names of the funders of the stored calls: the choices of the « Financeur » filters."""
        return self.funder_names.present(self.queries.funder_spellings())

    def funder_spellings(self, display: str) -> list[str]:
        """Every way the stored calls write the funder shown as `display`."""
        return self.funder_names.spellings(display, self.queries.funder_spellings())

    @property
    def threshold(self) -> float:
        """matching.threshold: below it a stored match is not a candidate (pages, counts, exports)."""
        return self.config.settings.matching.threshold


def web(request: Request) -> WebState:
    """The shared state of the app serving this request."""
    return request.app.state.web


def flash(request: Request, message: str) -> None:
    """A French message shown once on the next page."""
    request.session["flash"] = [*request.session.get("flash", []), message]


def render(request: Request, name: str, viewer: Viewer | None, status_code: int = 200, **context: Any) -> Any:
    """A page: the template with the account, the CSRF token and pending messages."""
    messages = request.session.pop("flash", [])
    values = {"viewer": viewer, "csrf": csrf_token(request), "messages": messages, "today": web(request).today(),
              "now": clock.paris_now(), **context}
    return web(request).templates.TemplateResponse(request, name, values, status_code=status_code)
