"""Détail d'une correspondance and its follow-up."""

from __future__ import annotations

import re

from fastapi import Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from models.plan.cells import CellError, parse_amount
from vigie.web.answers import answer_lines
from vigie.web.auth import Forbidden, Viewer, current_viewer, writer
from vigie.web.formats import FOLLOWUP_LABELS
from vigie.web.reasons import explain
from vigie.web.routes.common import RowId, page_router, parse_date
from vigie.web.state import flash, render, web

router = page_router()


def scoped_match(request: Request, viewer: Viewer, match_id: int) -> dict:
    """The match detail, refused when absent or outside the account's territories."""
    detail = web(request).queries.match_detail(match_id)
    if detail is None or not viewer.sees(detail["porteur"].territoire_id):
        raise Forbidden("correspondance introuvable ou hors de vos territoires")
    return detail


@router.get("/correspondances/{match_id}")
def match_detail(request: Request, match_id: RowId, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Eligibility checklist, reasons (the closest sentences side by side, shared words marked), review and the
    application's follow-up."""
    detail = scoped_match(request, viewer, match_id)
    pair, views = explain(detail["match"].reasons)
    answers = answer_lines(web(request).queries, [match_id]).get(match_id, [])
    return render(request, "match.html", viewer, pair=pair, reasons=views, answers=answers, **detail)


def form_amount(value: str, field: str) -> float | None:
    """An amount typed the French way (« 150 000 € », « 150 000,50 »; « 150.000 » and « 150000.50 » too), None when
    empty; anything else answers 400 naming the field, before anything is stored."""
    text = value.strip()
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", " ")
    elif re.fullmatch(r"\d+\.\d{1,2}", text):
        text = text.replace(".", ",")
    try:
        return parse_amount(text or None)
    except CellError as exc:
        raise HTTPException(400, f"champ « {field} » : {exc}") from None


@router.post("/correspondances/{match_id}/suivi")
def followup(request: Request, match_id: RowId, statut: str = Form(""), date_suivi: str = Form(""),  # noqa: ANN201
             montant: str = Form(""), demande: str = Form(""), viewer: Viewer = Depends(writer)):  # noqa: B008
    """Record the application's follow-up status, its date and the amounts obtained and requested."""
    scoped_match(request, viewer, match_id)
    if statut and statut not in FOLLOWUP_LABELS:
        raise Forbidden("statut de suivi inconnu")
    obtained, requested = form_amount(montant, "Montant obtenu"), form_amount(demande, "Montant demandé")
    web(request).store.set_followup(match_id, statut or None, parse_date(date_suivi), obtained, requested)
    flash(request, "Suivi enregistré.")
    return RedirectResponse(f"/correspondances/{match_id}", status_code=303)
