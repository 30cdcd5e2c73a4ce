"""JSON API under /api (described at /api/openapi.json): the same session, permissions and CSRF as the pages
(POSTs send the token of GET /api/session in the X-CSRF-Token header)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from vigie.web.auth import Forbidden, Viewer, csrf_guard, csrf_token, current_viewer, writer
from vigie.web.routes.common import ID_MAX, PAGE_MAX, RowId, check_porteur, parse_int, queue_filter
from vigie.web.routes.matches import scoped_match
from vigie.web.routes.queue import ACTIONS
from vigie.web.formats import REJECT_REASONS
from vigie.pipeline.clock import utcnow
from vigie.web.state import web

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(csrf_guard)])
MAX_PER_PAGE = 200
"""The longest page of the queue the store serves."""


class Decision(BaseModel):
    """A decision on several matches."""

    ids: list[Annotated[int, Field(ge=1, le=ID_MAX)]] = Field(min_length=1, max_length=500)
    action: Literal["accepter", "rejeter", "reporter", "remettre"]
    motif: str | None = None
    """Required to reject: one of the short list (hors_sujet, non_eligible, calendrier, montant, deja_connu, autre)."""
    note: str | None = None
    jusqu_au: date | None = None
    """Required to snooze."""


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


@router.get("/session", summary="Compte connecté et jeton CSRF")
def session(request: Request, viewer: Viewer = Depends(current_viewer)) -> dict[str, Any]:  # noqa: B008
    """The account, its role and territories, and the CSRF token to send with POSTs."""
    return {"username": viewer.username, "role": viewer.role, "territoires": viewer.scope,
            "csrf": csrf_token(request)}


@router.get("/correspondances", summary="File d'attente")
def queue(request: Request, viewer: Viewer = Depends(current_viewer)) -> dict[str, Any]:  # noqa: B008
    """The review queue with the page's filters (territoire, porteur, fiche, axe, funder, programme, status,
    eligible, echeance_avant, seuil=non for scores below matching.threshold, sort, page, par_page)."""
    state, params = web(request), request.query_params
    f = queue_filter(params, viewer, state.threshold, state.funder_spellings)
    page = state.store.review_queue(f, state.today(), parse_int(params.get("page"), 1, name="page", high=PAGE_MAX),
                                    parse_int(params.get("par_page"), 50, name="par_page", high=MAX_PER_PAGE))
    return {"total": page.total, "page": page.page, "par_page": page.per_page,
            "items": [_jsonable(r) for r in page.rows]}


@router.get("/correspondances/{match_id}", summary="Détail d'une correspondance")
def match(request: Request, match_id: RowId, viewer: Viewer = Depends(current_viewer)) -> dict[str, Any]:  # noqa: B008
    """A match with its eligibility, reasons, review and follow-up."""
    detail = scoped_match(request, viewer, match_id)
    return {"correspondance": detail["match"].model_dump(mode="json"),
            "appel": {"id": detail["call"].id, "titre": detail["call"].title, "url": detail["call"].url},
            "porteur": {"id": detail["porteur"].id, "nom": detail["porteur"].nom}}


@router.post("/correspondances/decision", summary="Décider (accepter, rejeter, reporter)")
def decide(request: Request, decision: Decision, viewer: Viewer = Depends(writer)) -> dict[str, Any]:  # noqa: B008
    """Record a decision on matches of the account's territories."""
    queries = web(request).queries
    if len(queries.scoped_match_ids(decision.ids, viewer.scope)) != len(set(decision.ids)):
        raise Forbidden("correspondance hors de vos territoires")
    status = ACTIONS[decision.action]
    if decision.action == "rejeter" and decision.motif not in REJECT_REASONS:
        raise Forbidden(f"motif de rejet attendu parmi : {', '.join(REJECT_REASONS)}")
    if decision.action == "reporter" and decision.jusqu_au is None:
        raise Forbidden("date « jusqu_au » attendue pour reporter")
    count = queries.decide(decision.ids, status, viewer.username, utcnow(), reason=decision.motif,
                           note=decision.note, snoozed_until=decision.jusqu_au)
    return {"modifiees": count, "statut": status.value}


@router.get("/porteurs", summary="Porteurs")
def porteurs(request: Request, viewer: Viewer = Depends(current_viewer)) -> list[dict[str, Any]]:  # noqa: B008
    """The porteurs of the account's territories."""
    return [{"id": p.id, "nom": p.nom, "territoire": p.territoire_id, "type": p.type}
            for p in web(request).queries.porteurs_in(viewer.scope)]


@router.get("/porteurs/{porteur_id}", summary="Un porteur et ses contacts")
def porteur(request: Request, porteur_id: str, viewer: Viewer = Depends(current_viewer)) -> dict[str, Any]:  # noqa: B008
    """A porteur of the account's territories and its contacts."""
    store = web(request).store
    p = store.porteur(porteur_id)
    check_porteur(viewer, p)
    contacts = [{"email": c.email, "nom": c.nom, "desabonne": c.unsubscribed_at is not None}
                for c in store.contacts(porteur_id)]
    return {"id": p.id, "nom": p.nom, "territoire": p.territoire_id, "contacts": contacts}


@router.get("/plan", summary="Plan d'actions")
def plan(request: Request, viewer: Viewer = Depends(current_viewer)) -> list[dict[str, Any]]:  # noqa: B008
    """Fiches-actions × funding status."""
    return [{"fiche": line["fiche"].id, "titre": line["fiche"].titre, "porteur": line["porteur"].id,
             "statut": line["status"], "besoin": line["need"], "obtenu": line["obtained"]}
            for line in web(request).queries.plan_matrix(viewer.scope, web(request).threshold)]
