"""Détail d'une correspondance and its follow-up."""

from __future__ import annotations

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse

from vigie.web.auth import Forbidden, Viewer, current_viewer, writer
from vigie.web.formats import FOLLOWUP_LABELS
from vigie.web.reasons import explain
from vigie.web.routes.common import RowId, page_router, parse_date
from vigie.web.state import flash, render, web

router = page_router()


def scoped_match(request: Request, viewer: Viewer, match_id: int) -> dict:
    """The match detail, refused when absent or outside the account's territories."""
    detail = web(request).store.match_detail(match_id)
    if detail is None or not viewer.sees(detail["porteur"].territoire_id):
        raise Forbidden("correspondance introuvable ou hors de vos territoires")
    return detail


@router.get("/correspondances/{match_id}")
def match_detail(request: Request, match_id: RowId, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Eligibility checklist, reasons (the closest sentences side by side, shared words marked), review and the
    application's follow-up."""
    detail = scoped_match(request, viewer, match_id)
    pair, views = explain(detail["match"].reasons)
    return render(request, "match.html", viewer, pair=pair, reasons=views, **detail)


def _amount(value: str) -> float | None:
    cleaned = value.replace("\u202f", "").replace(" ", "").replace("€", "").replace(",", ".")
    try:
        return float(cleaned) if cleaned else None
    except ValueError:
        return None


@router.post("/correspondances/{match_id}/suivi")
def followup(request: Request, match_id: RowId, statut: str = Form(""), date_suivi: str = Form(""),  # noqa: ANN201
             montant: str = Form(""), viewer: Viewer = Depends(writer)):  # noqa: B008
    """Record the application's follow-up status, its date and the amount obtained."""
    scoped_match(request, viewer, match_id)
    if statut and statut not in FOLLOWUP_LABELS:
        raise Forbidden("statut de suivi inconnu")
    web(request).store.set_followup(match_id, statut or None, parse_date(date_suivi), _amount(montant))
    flash(request, "Suivi enregistré.")
    return RedirectResponse(f"/correspondances/{match_id}", status_code=303)
