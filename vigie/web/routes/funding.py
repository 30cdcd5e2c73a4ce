"""Co-financing of a fiche-action (its page) and the COPIL report downloaded from /plan."""

from __future__ import annotations

from fastapi import Depends, HTTPException, Request
from fastapi.responses import Response

from models.copil import fiche_section
from models.errors import InputError
from vigie.report.load import MEDIA_TYPES, check_request, file_name, load_report, renderer
from vigie.web.auth import Forbidden, Viewer, current_viewer
from vigie.web.routes.common import page_router
from vigie.web.state import render, web

router = page_router()


@router.get("/fiches/{fiche_id}")
def fiche(request: Request, fiche_id: str, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """A fiche-action: budget, funding need, its funding plan (calls à déposer, déposés, obtenus, amounts, share
    of public aid against the lowest stated ceiling) and what is still uncovered; every call proposed for it."""
    state = web(request)
    territory = state.queries.fiche_territory(fiche_id)
    if territory is None or not viewer.sees(territory):
        raise Forbidden("fiche-action introuvable ou hors de vos territoires")
    fiches, calls = state.store.copil_rows(territory, state.threshold)
    row = next(f for f in fiches if f.id == fiche_id)
    own = [c for c in calls if c.fiche_id == fiche_id]
    return render(request, "fiche.html", viewer, fiche=row, calls=own,
                  section=fiche_section(row, own, state.today()))


@router.get("/plan/rapport")
def copil_report(request: Request, territoire: str = "", format: str = "xlsx", depuis: str = "",  # noqa: A002, ANN201
                 viewer: Viewer = Depends(current_viewer)):  # noqa: B008
    """The COPIL report of a territory, as `vigie rapport` writes it (and recorded the same way)."""
    state = web(request)
    try:
        ask = check_request(state.store, territoire, depuis or None, format, state.today())
    except InputError as exc:
        raise HTTPException(400, f"{exc.where} : {exc.cause}") from None
    if not viewer.sees(ask.territory_id):
        raise Forbidden("territoire hors de vos territoires")
    report = load_report(state.store, ask, state.threshold, state.today())
    content = renderer(ask.fmt)(report)
    state.store.record_copil_report(ask.territory_id, state.now(), state.today(), ask.since, ask.fmt)
    headers = {"Content-Disposition": f'attachment; filename="{file_name(report, ask)}"'}
    return Response(content, media_type=MEDIA_TYPES[ask.fmt], headers=headers)
