"""One-click unsubscribe (RFC 8058): GET shows a confirmation form, POST unsubscribes. No login: the token
(24 random bytes, unique per contact) is the key."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from vigie.pipeline.clock import utcnow
from vigie.web.state import render, web

router = APIRouter(include_in_schema=False)


@router.get("/desabonnement/{token}", response_class=HTMLResponse)
def confirm(request: Request, token: str):  # noqa: ANN201
    """The confirmation form (a link scanner following GET unsubscribes nobody)."""
    contact = web(request).queries.contact_by_token(token)
    status = 200 if contact else 404
    return render(request, "unsubscribe.html", None, status_code=status, contact=contact, token=token, done=False)


@router.post("/desabonnement/{token}", response_class=HTMLResponse)
def unsubscribe(request: Request, token: str):  # noqa: ANN201
    """Unsubscribe the token's contact; a mail client's `List-Unsubscribe=One-Click` POST lands here too."""
    contact = web(request).store.unsubscribe(token, utcnow())
    status = 200 if contact else 404
    return render(request, "unsubscribe.html", None, status_code=status, contact=contact, token=token, done=True)
