"""Statistiques: what porteurs do with Vigie, per ISO week and territory (the table of `vigie stats`)."""

from __future__ import annotations

from fastapi import Depends, Request

from vigie.pipeline.usage_report import HEADERS, MAX_WEEKS, row_cells, usage_lines
from vigie.web.auth import Viewer, writer
from vigie.web.routes.common import page_router, parse_int
from vigie.web.state import render, web

router = page_router()


@router.get("/statistiques")
def stats(request: Request, viewer: Viewer = Depends(writer)):  # noqa: ANN201, B008
    """The usage table of the account's territories (one of them with ?territoire=ID)."""
    state, params = web(request), request.query_params
    weeks = parse_int(params.get("semaines"), 8, name="semaines", high=MAX_WEEKS)
    chosen = params.get("territoire", "")
    territories = [t for t in state.config.plan.territories if viewer.sees(t.id)]
    scope = [chosen] if chosen in {t.id for t in territories} else [t.id for t in territories]
    lines = usage_lines(state.config, state.store, scope, weeks, state.today())
    return render(request, "stats.html", viewer, headers=HEADERS, rows=[row_cells(state.config, x) for x in lines],
                  territories=territories, chosen=chosen, weeks=weeks)
