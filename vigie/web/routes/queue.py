"""File d'attente: the matches to review, filtered, sorted, paginated; decisions one by one or in bulk."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from models.display_changes import change_sentence
from models.vocab import ReviewStatus
from vigie.pipeline.clock import utcnow
from vigie.web.answers import answer_lines
from vigie.web.auth import Forbidden, Viewer, current_viewer, writer
from vigie.web.formats import REJECT_REASONS, REVIEW_LABELS
from vigie.web.routes.common import PAGE_KEYS, PAGE_MAX, page_router, parse_date, parse_ids, parse_int, queue_filter
from vigie.web.state import flash, render, web

router = page_router()
ACTIONS = {"accepter": ReviewStatus.ACCEPTED, "rejeter": ReviewStatus.REJECTED, "reporter": ReviewStatus.SNOOZED,
           "remettre": ReviewStatus.PENDING}


@router.get("/file")
def queue(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """The queue page."""
    state, params = web(request), request.query_params
    f = queue_filter(params, viewer, state.threshold, state.funder_spellings)
    page = state.store.review_queue(f, state.today(), parse_int(params.get("page"), 1, name="page", high=PAGE_MAX))
    porteurs = state.queries.porteur_names(viewer.scope)
    kept = {k: params[k] for k in PAGE_KEYS if params.get(k)}
    # What changed in each call since the match was last decided (or first proposed): said, not just « modifié ».
    news = {i: [change_sentence(c) for c in changes]
            for i, changes in state.store.match_news([r["id"] for r in page.rows]).items()}
    answers = answer_lines(state.queries, [r["id"] for r in page.rows])
    return render(request, "queue.html", viewer, page=page, f=f, porteurs=porteurs, kept=kept, news=news, answers=answers,
                  query=urlencode(kept), pages=max(1, -(-page.total // page.per_page)),
                  territories=_territories(state, viewer), threshold=state.threshold,
                  funders=state.funders_present())


def _territories(state, viewer: Viewer) -> list:  # noqa: ANN001
    return [t for t in state.config.plan.territories if viewer.sees(t.id)]


@router.post("/file/decision")
async def decide(request: Request, viewer: Viewer = Depends(writer)):  # noqa: ANN201, B008
    """Accept / reject (with a reason) / snooze / annotate the ticked matches."""
    form = await request.form()
    action = str(form.get("action", ""))
    ids = parse_ids(form.getlist("ids"), "ids")
    allowed = web(request).queries.scoped_match_ids(ids, viewer.scope)
    if len(allowed) != len(ids):
        raise Forbidden("correspondance hors de vos territoires")
    message = apply_decision(request, viewer, action, allowed, form)
    flash(request, message)
    back = str(form.get("retour", "/file"))
    local = back.startswith("/") and not back.startswith(("//", "/\\"))
    return RedirectResponse(back if local else "/file", status_code=303)


def apply_decision(request: Request, viewer: Viewer, action: str, ids: list[int], form) -> str:  # noqa: ANN001
    """Record one decision on the matches; the French message to show."""
    queries, note = web(request).queries, str(form.get("note", "")).strip() or None
    if not ids:
        return "Aucune correspondance cochée."
    if action == "noter":
        for match_id in ids:
            queries.annotate(match_id, note or "")
        return "Note enregistrée."
    status = ACTIONS.get(action)
    if status is None:
        return "Action inconnue."
    reason = str(form.get("motif", ""))
    if status == ReviewStatus.REJECTED and reason not in REJECT_REASONS:
        return "Choisissez un motif de rejet."
    until = parse_date(str(form.get("jusqu_au", ""))) if status == ReviewStatus.SNOOZED else None
    if status == ReviewStatus.SNOOZED and until is None:
        return "Choisissez la date jusqu'à laquelle reporter."
    count = queries.decide(ids, status, viewer.username, utcnow(), reason=reason or None, note=note,
                           snoozed_until=until)
    return f"{count} correspondance(s) marquée(s) « {REVIEW_LABELS[status.value]} »."
