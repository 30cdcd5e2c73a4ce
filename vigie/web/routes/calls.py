"""Détail d'un appel, Recherche and "suggérer à un porteur"."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse

from models.store.web_views import is_retained
from vigie.pipeline.clock import utcnow
from vigie.web.auth import Forbidden, Viewer, current_viewer, writer
from vigie.web.routes.common import check_porteur, page_router, parse_int
from vigie.web.state import flash, render, web

router = page_router()


@router.get("/appels/{opportunity_id}")
def call_detail(request: Request, opportunity_id: int, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Everything Vigie knows about a call, and the fiches it matches (in the account's territories)."""
    store = web(request).store
    detail = store.opportunity_detail(opportunity_id)
    if detail is None:
        raise Forbidden("appel introuvable")
    threshold = web(request).threshold
    rows = store.matches_of_call(opportunity_id, viewer.scope)
    kept = [r for r in rows if is_retained(r["match"], threshold)]
    others = [r for r in rows if not is_retained(r["match"], threshold)]
    return render(request, "call.html", viewer, matches=kept, others=others, threshold=threshold,
                  porteurs=store.porteurs_in(viewer.scope), **detail)


@router.get("/recherche")
def search(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Full-text French search over the stored calls (accents, plurals and function words aside), by funder,
    open calls only, or this week's new calls (nouveaux=1, the dashboard's tile)."""
    state, params = web(request), request.query_params
    words, funder = params.get("q", "").strip(), params.get("financeur", "").strip()
    open_only, new_only = params.get("ouverts") == "1", params.get("nouveaux") == "1"
    today = state.today()
    since = datetime.combine(today - timedelta(days=today.weekday()), time(), tzinfo=UTC) if new_only else None
    asked = bool(words or funder or new_only)
    results = state.store.search_calls(words, funder, today if open_only else None,
                                       limit=parse_int(params.get("limite"), 100), since=since) if asked else []
    return render(request, "search.html", viewer, q=words, funder=funder, open_only=open_only, new_only=new_only,
                  results=results, asked=asked, porteurs=state.store.porteurs_in(viewer.scope))


@router.post("/recherche/suggerer")
def suggest(request: Request, opportunity_id: int = Form(...), porteur_id: str = Form(...),  # noqa: ANN201
            viewer: Viewer = Depends(writer)):  # noqa: B008
    """Suggest a call to a porteur: it becomes an accepted match, announced in the next digest."""
    store = web(request).store
    check_porteur(viewer, store.porteur(porteur_id))
    if store.opportunity_detail(opportunity_id) is None:
        raise Forbidden("appel introuvable")
    match = store.suggest(opportunity_id, porteur_id, None, viewer.username, utcnow())
    flash(request, "Appel suggéré au porteur : il figurera dans sa prochaine lettre.")
    return RedirectResponse(f"/correspondances/{match.id}", status_code=303)
