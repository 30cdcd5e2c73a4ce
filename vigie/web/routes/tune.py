"""Réglage de l'appariement: the diff of the configuration files on disk against the applied reference, before
applying it, and the full computation of a match on its detail page.

Both read the configuration folder afresh (the person tuning edits files while `vigie serve` runs) and score
with the process-wide engine (`app.state.web.engine` when a test sets one).
"""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from matcher.engine import MatchEngine
from models.config import VigieConfig, load_config
from models.errors import ConfigError, VigieError
from vigie.context import source_kinds
from vigie.pipeline.clock import utcnow
from vigie.tune.actions import apply_current, diff_against, explain_pair
from vigie.tune.reference import NoReference
from vigie.tune.render import counts_line
from vigie.web.auth import Forbidden, Viewer, admin, current_viewer, writer
from vigie.web.reasons import explain
from vigie.web.routes.common import RowId, page_router
from vigie.web.routes.matches import scoped_match
from vigie.web.state import flash, render, web

router = page_router()


def _engine(request: Request) -> MatchEngine | None:
    return getattr(web(request), "engine", None)


def _config_on_disk(request: Request) -> VigieConfig:
    return load_config(web(request).config.directory, source_kinds())


@router.get("/reglage")
def tune_page(request: Request, viewer: Viewer = Depends(writer)):  # noqa: ANN201, B008
    """What the configuration files on disk change against the applied reference, for the account's territories."""
    state = web(request)
    try:
        result = diff_against(_config_on_disk(request), state.store, state.today(), None, _engine(request))
    except ConfigError as exc:
        return render(request, "tune.html", viewer, problems=exc.problems, result=None, error=None)
    except NoReference:
        return render(request, "tune.html", viewer, problems=[], result=None, error=None, no_reference=True)
    except VigieError as exc:
        return render(request, "tune.html", viewer, problems=[], result=None, error=exc.cause)
    territory = {p.id: p.territoire for p in state.store.plan().porteurs}
    changes = [c for c in result.changes if viewer.sees(territory.get(c.porteur_id))]
    return render(request, "tune.html", viewer, problems=[], error=None, result=result, changes=changes,
                  summary=counts_line(result))


@router.post("/reglage/appliquer")
def tune_apply(request: Request, viewer: Viewer = Depends(admin)):  # noqa: ANN201, B008
    """Record the configuration on disk as the new reference (administrators: it applies to every territory)."""
    state = web(request)
    result = apply_current(_config_on_disk(request), state.store, state.today(), viewer.username, utcnow(),
                           _engine(request))
    flash(request, "Référence enregistrée" + (f" : {counts_line(result)}." if result else " (la première)."))
    return RedirectResponse("/reglage", status_code=303)


@router.get("/correspondances/{match_id}/calcul")
def match_computation(request: Request, match_id: RowId, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """The match detail page with the full computation of its score (read-only: lecteurs see it too)."""
    detail = scoped_match(request, viewer, match_id)
    call, fiche_id = detail["call"], detail["match"].fiche_id
    state = web(request)
    try:
        found = explain_pair(state.config, state.store, state.today(), fiche_id, f"{call.source}:{call.source_id}",
                             _engine(request))
    except VigieError as exc:
        raise Forbidden(f"calcul indisponible : {exc.cause}") from exc
    pair, views = explain(detail["match"].reasons)
    return render(request, "match.html", viewer, pair=pair, reasons=views, calcul=found.explanation, **detail)
