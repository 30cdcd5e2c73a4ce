"""Answers from a letter: each call of a porteur's letter carries one signed link per answer. A GET (a person, or a
mail scanner following links) only shows a confirmation with a button; only the POST records."""

from __future__ import annotations

from fastapi import Form, Request

from models.answers import ANSWER_LABELS, NOT_FOR_US, REASON_LABELS
from vigie.pipeline.porteur_answers import NotTheirs, own_match, record_answer
from vigie.pipeline.porteur_links import contact_of, space_url
from vigie.signing import INVALID, LinkRefused, personal_links
from vigie.web.routes.common import page_router
from vigie.web.routes.space import MAX_TOKEN, SpaceRefused
from vigie.web.state import render, web

router = page_router()


def answer_link(request: Request, token: str):  # noqa: ANN201
    """(contact, match, answer) of an answer token; SpaceRefused otherwise (another porteur's match included)."""
    state = web(request)
    links = personal_links(state.config.settings)
    try:
        if links is None or len(token) > MAX_TOKEN:
            raise LinkRefused(INVALID)
        payload = links.read_answer(token)
        contact = contact_of(state.store, payload)
        if payload["a"] not in ANSWER_LABELS or not isinstance(payload["m"], int):
            raise LinkRefused(INVALID)
        return contact, own_match(state.store, contact, payload["m"]), payload["a"], links
    except (LinkRefused, NotTheirs) as exc:
        raise SpaceRefused(getattr(exc, "why", INVALID)) from exc


def _page(request: Request, token: str, done: bool, status: int = 200):  # noqa: ANN202
    state = web(request)
    contact, match, answer, links = answer_link(request, token)
    call = state.store.call_records([match.opportunity_id]).get(match.opportunity_id)
    return contact, match, answer, lambda **more: render(
        request, "space_answer.html", None, status_code=status, token=token, answer=answer, call=call,
        answer_label=ANSWER_LABELS[answer], reasons=REASON_LABELS if answer == NOT_FOR_US else {}, done=done,
        space_url=space_url(state.config, state.store, links, contact), **more)


@router.get("/reponse/{token}")
def confirm_answer(request: Request, token: str):  # noqa: ANN201
    """The confirmation page: nothing is recorded by a GET."""
    *_, page = _page(request, token, done=False)
    return page()


@router.post("/reponse/{token}")
def post_answer(request: Request, token: str, motif: str = Form("")):  # noqa: ANN201
    """Record the answer (a replay counts once; a different one replaces the earlier)."""
    contact, match, answer, page = _page(request, token, done=True)
    result = record_answer(web(request).store, contact, match.id, answer, motif or None, web(request).today())
    return page(result=result)
