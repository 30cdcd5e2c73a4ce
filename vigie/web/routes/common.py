"""Helpers shared by the page routers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Path

from models.display import NBSP
from models.store.web_queue import QueueFilter, review_filter
from vigie.web.auth import Forbidden, Viewer, csrf_guard

QUEUE_KEYS = ("territoire", "porteur", "fiche", "axe", "funder", "programme", "status", "eligible", "sort")
PAGE_KEYS = (*QUEUE_KEYS, "echeance_avant", "seuil")
"""Query keys a queue page keeps in its links (pagination, return after a decision)."""

ID_MAX = 2**31 - 1
"""The largest id a stored row can have (PostgreSQL `integer` columns; SQLite would take more): a larger
number in a URL or a form names no row, and must never reach the database driver (it overflows there)."""
PAGE_MAX = 1_000_000
"""The last page number accepted (far beyond any queue; keeps the SQL offset within an integer)."""

_INTEGER = re.compile(r"-?[0-9]{1,12}")

RowId = Annotated[int, Path(ge=1, le=ID_MAX)]
"""An id in a URL path: anything else (too large, negative, not a number) answers 404."""
FormRowId = Annotated[int, Form(ge=1, le=ID_MAX)]
"""An id in a posted form: anything else answers 400."""


def page_router() -> APIRouter:
    """A router of HTML pages: CSRF checked on every POST, kept out of the OpenAPI description."""
    return APIRouter(dependencies=[Depends(csrf_guard)], include_in_schema=False)


def parse_date(value: str | None) -> date | None:
    """An ISO date from a form or query (None when empty or malformed)."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_int(value: str | None, default: int, *, name: str, low: int = 1, high: int = ID_MAX) -> int:
    """An integer from a query, `default` when absent or empty; HTTP 400 naming the parameter when it is not
    an integer from `low` to `high` (a huge number would otherwise overflow in the database)."""
    if not value:
        return default
    number = _integer(value)
    if number is None or not low <= number <= high:
        raise HTTPException(400, f"paramètre « {name} » invalide : un entier de {_grouped(low)} à {_grouped(high)} "
                                 "est attendu")
    return number


def parse_ids(values: Iterable[object], name: str) -> list[int]:
    """Ids posted by a form (ticked boxes); HTTP 400 naming the field when one is not a possible id."""
    return [parse_int(str(v), 0, name=name) for v in values if str(v)]


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", NBSP)


def _integer(value: str) -> int | None:
    # At most 12 digits: int() of a 100,000-digit string is slow, and nothing that long is in range.
    found = _INTEGER.fullmatch(value.strip())
    return int(found.group()) if found else None


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
