"""Helpers shared by the page routers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date

from fastapi import APIRouter, Depends

from models.store.web_queue import QueueFilter, review_filter
from vigie.web.auth import Forbidden, Viewer, csrf_guard

QUEUE_KEYS = ("territoire", "porteur", "fiche", "axe", "funder", "programme", "status", "eligible", "sort")
PAGE_KEYS = (*QUEUE_KEYS, "echeance_avant", "seuil")
"""Query keys a queue page keeps in its links (pagination, return after a decision)."""


def page_router() -> APIRouter:
    """A router of HTML pages: CSRF checked on every POST, kept out of the OpenAPI description."""
    return APIRouter(dependencies=[Depends(csrf_guard)], include_in_schema=False)


def parse_date(value: str | None) -> date | None:
    """An ISO date from a form or query (None when empty or malformed)."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_int(value: str | None, default: int) -> int:
    """An integer from a query (the default when malformed)."""
    try:
        return int(value) if value else default
    except ValueError:
        return default


def queue_filter(params: Mapping[str, str], viewer: Viewer, threshold: float,
                 spellings: Callable[[str], list[str]] | None = None) -> QueueFilter:
    """The queue filter of a query string, always narrowed to the account's territories; matches below the
    matching threshold are left out unless `seuil=non` asks for every score. `spellings`: the ways the
    stored calls write the chosen funder (WebState.funder_spellings)."""
    values: dict = {k: params.get(k, "") for k in QUEUE_KEYS}
    values["funder_spellings"] = tuple(spellings(values["funder"])) if spellings and values["funder"] else ()
    values["min_score"] = None if params.get("seuil") == "non" else threshold
    values["status"] = params.get("status", "a_revoir")
    values["eligible"] = params.get("eligible", "oui")
    values["sort"] = "echeance" if params.get("sort") == "echeance" else "score"
    # Without a query, exactly the matches « à relire » that the dashboard, the CLI and the letters count.
    return replace(review_filter(threshold, viewer.scope), deadline_before=parse_date(params.get("echeance_avant")),
                   **values)


def check_porteur(viewer: Viewer, porteur) -> None:  # noqa: ANN001 - a Porteur row or None
    """404-like refusal when the porteur does not exist or belongs to a territory the account may not see."""
    if porteur is None or not viewer.sees(porteur.territoire_id):
        raise Forbidden("porteur introuvable ou hors de vos territoires")
