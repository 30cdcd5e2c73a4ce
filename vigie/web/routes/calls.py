"""Détail d'un appel, Recherche and "suggérer à un porteur"."""

from __future__ import annotations

from datetime import date

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse

from models.store.web_views import call_status, is_retained
from models.tables import Opportunity
from models.vocab import Status
from notifier import iso_week, week_span
from vigie.pipeline.clock import utcnow
from vigie.web.auth import Forbidden, Viewer, current_viewer, writer
from vigie.web.formats import BENEFICIARY_LABELS, fr_date
from vigie.web.routes.common import FormRowId, RowId, check_porteur, page_router, parse_int
from vigie.web.state import flash, render, web

router = page_router()


@router.get("/appels/{opportunity_id}")
def call_detail(request: Request, opportunity_id: RowId, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Everything Vigie knows about a call, and the fiches it matches (in the account's territories)."""
    queries = web(request).queries
    detail = queries.opportunity_detail(opportunity_id)
    if detail is None:
        raise Forbidden("appel introuvable")
    threshold = web(request).threshold
    rows = queries.matches_of_call(opportunity_id, viewer.scope)
    kept = [r for r in rows if is_retained(r["match"], threshold)]
    others = [r for r in rows if not is_retained(r["match"], threshold)]
    return render(request, "call.html", viewer, matches=kept, others=others, threshold=threshold,
                  porteurs=queries.porteurs_in(viewer.scope), **detail)


@router.get("/recherche")
def search(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Full-text French search over the stored calls (accents, plurals and function words aside), by funder
    (its display name, funders.toml), type of beneficiary, open calls only, or this week's new calls
    (nouveaux=1, the dashboard's tile). Each call shows its status as of today (clos, à venir, permanent)."""
    state, params = web(request), request.query_params
    words, funder = params.get("q", "").strip(), params.get("financeur", "").strip()
    beneficiary = params.get("beneficiaire", "").strip()
    beneficiary = beneficiary if beneficiary in BENEFICIARY_LABELS else ""
    open_only, new_only = params.get("ouverts") == "1", params.get("nouveaux") == "1"
    today = state.today()
    seen_in = week_span(iso_week(today)) if new_only else None
    asked = bool(words or funder or beneficiary or new_only)
    limit = parse_int(params.get("limite"), 100, name="limite", high=1000)
    calls = state.queries.search_calls(words, funder, today if open_only else None, limit=limit, seen_in=seen_in,
                                       funder_names=state.funder_names, beneficiary=beneficiary) if asked else []
    return render(request, "search.html", viewer, q=words, funder=funder, open_only=open_only, new_only=new_only,
                  beneficiary=beneficiary, funders=state.funders_present(), asked=asked,
                  results=[_found(call, today) for call in calls], porteurs=state.queries.porteurs_in(viewer.scope))


def _found(call: Opportunity, today: date) -> dict:
    """A search result: the call, its status as of today and the date that goes with it, in French."""
    status = call_status(call, today)
    dates = [date.fromisoformat(d) for d in call.close_dates or []]
    upcoming = [d for d in dates if d >= today]
    if status == Status.CLOSED:
        when = f"clôturé le {fr_date(dates[-1])}" if dates and dates[-1] < today else "clos d'après la source"
    elif status == Status.UPCOMING:
        when = f"ouverture le {fr_date(call.open_date)}" if call.open_date else "ouverture à venir"
    elif upcoming:
        when = f"clôture le {fr_date(upcoming[0])}"
    else:
        when = "sans date limite" if status == Status.PERMANENT else "date de clôture inconnue"
    return {"call": call, "status": status.value, "when": when}


@router.post("/recherche/suggerer")
def suggest(request: Request, opportunity_id: FormRowId, porteur_id: str = Form(...),  # noqa: ANN201
            viewer: Viewer = Depends(writer)):  # noqa: B008
    """Suggest a call to a porteur: it becomes an accepted match, announced in the next digest."""
    state = web(request)
    check_porteur(viewer, state.store.porteur(porteur_id))
    if state.queries.opportunity_detail(opportunity_id) is None:
        raise Forbidden("appel introuvable")
    match = state.queries.suggest(opportunity_id, porteur_id, None, viewer.username, utcnow())
    flash(request, "Appel suggéré au porteur : il figurera dans sa prochaine lettre.")
    return RedirectResponse(f"/correspondances/{match.id}", status_code=303)
