"""Tableau de bord."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request

from matcher.learning import Reranker, labelled_coefficients
from models.store.web_queue import review_filter
from notifier import iso_week, week_span
from vigie.web.auth import Viewer, current_viewer
from vigie.web.routes.common import page_router
from vigie.web.state import WebState, render, web

router = page_router()


@router.get("/")
def dashboard(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """New calls this week, matches to review, deadlines within 30 days, plan coverage, failing sources.

    Every figure counts candidates only (eligible and at or above matching.threshold, or accepted): the
    "à revoir" tile is exactly the total of the default queue it links to (review_filter, the same count as
    `vigie review list` and the chef de projet's letter)."""
    state = web(request)
    today = state.today()
    counts = state.queries.dashboard(viewer.scope, today, week_span(iso_week(today)), state.threshold)
    waiting = state.store.count_queue(review_filter(state.threshold, viewer.scope), today)
    matrix = state.queries.plan_matrix(viewer.scope, state.threshold)
    covered = sum(1 for line in matrix if line["status"] != "aucun")
    failing = state.store.failing_sources(state.config.settings.crawl.failure_alert_after)
    return render(request, "dashboard.html", viewer, counts=counts, waiting=waiting, fiches=len(matrix),
                  covered=covered, failing=failing, threshold=state.threshold, learning=learning_summary(state))


def learning_summary(state: WebState) -> dict[str, Any]:
    """The reranker in use (when, on how many reviews, how much better, its coefficients) or how many
    reviews are still needed before Vigie learns from the chef de projet's decisions."""
    row = state.store.active_match_model()
    needed = state.config.settings.matching.min_reviews_for_learning
    if row is None:
        return {"model": None, "reviews": len(state.store.review_decisions()), "needed": needed}
    model = Reranker(**row.model)
    return {"model": row, "coefficients": labelled_coefficients(model), "needed": needed}
