"""« Recevoir un nouveau lien »: a contact types their address; if it is a contact's, a fresh link to their space
goes to that address by e-mail — after the page has answered, and the page says the same sentence whether the
address is known or not (nobody learns who is a contact)."""

from __future__ import annotations

import logging

from fastapi import BackgroundTasks, Form, Request

from vigie.pipeline.space_renewal import renew_quietly
from vigie.web.renew_limit import ADDRESS_LIMIT, RenewalLimiter
from vigie.web.routes.common import page_router
from vigie.web.state import render, web

logger = logging.getLogger(__name__)
router = page_router()
ANSWER = ("Si cette adresse est celle d'un contact connu de Vigie, un nouveau lien vient d'y être envoyé. "
          "Pensez à regarder dans les courriers indésirables.")
MAX_EMAIL = 254
"""The longest address SMTP carries."""


@router.get("/espace")
def renew_form(request: Request):  # noqa: ANN201
    """The form."""
    return render(request, "space_renew.html", None, sent=False)


@router.post("/espace")
def renew(request: Request, tasks: BackgroundTasks, email: str = Form("")):  # noqa: ANN201
    """The same answer always; the e-mail (if any) is sent once the answer has gone, unless this address or this
    client has asked too often within the hour (vigie/web/renew_limit.py)."""
    state, address = web(request), email.strip().lower()
    if address and len(address) <= MAX_EMAIL and "@" in address:
        client = request.client.host if request.client else "?"
        over = RenewalLimiter(state.queries, state.now).refused(address, client)
        if over is None:
            tasks.add_task(renew_quietly, state.config, state.store, address, state.today())
        else:
            logger.warning("lien d'espace non envoyé : trop de demandes en une heure %s",
                           "pour cette adresse" if over == ADDRESS_LIMIT else f"depuis le poste {client}")
    return render(request, "space_renew.html", None, sent=True, message=ANSWER)
