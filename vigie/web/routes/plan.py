"""Plan d'actions: fiches-actions × funding status, need against amounts obtained."""

from __future__ import annotations

from fastapi import Depends, Request

from vigie.pipeline.followup_overdue import overdue_for
from vigie.web.auth import Viewer, current_viewer
from vigie.web.routes.common import page_router
from vigie.web.state import render, web

router = page_router()


@router.get("/plan")
def plan(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """The matrix the chef de projet shows the comité de pilotage."""
    state = web(request)
    lines = state.queries.plan_matrix(viewer.scope, state.threshold)
    need = sum(line["need"] or 0 for line in lines)
    obtained = sum(line["obtained"] for line in lines)
    territories = [t for t in state.store.plan().territories if viewer.sees(t.id)]
    overdue = [o for t in territories for o in overdue_for(state.store, t.id, state.threshold, state.today())]
    return render(request, "plan.html", viewer, lines=lines, need=need, obtained=obtained, territories=territories,
                  overdue=overdue)
