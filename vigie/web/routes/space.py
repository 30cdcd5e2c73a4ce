"""The porteurs' space, without an account: opened by a personal signed link (from a letter or a renewal
e-mail), it shows the calls proposed for the porteur's fiches and takes the contact's answers and follow-up.
A link that opens nothing (expired, revoked, forged, made for another use) gets a French page and records
nothing."""

from __future__ import annotations

from fastapi import Form, Request
from fastapi.responses import RedirectResponse

from models.answers import ANSWER_LABELS
from vigie.pipeline.porteur_answers import NotTheirs, record_answer, set_porteur_followup
from vigie.pipeline.porteur_links import contact_of
from vigie.pipeline.porteur_space import SPACE_GLOBALS, build_space
from vigie.signing import EXPIRED, INVALID, LinkRefused, personal_links
from vigie.web.formats import FOLLOWUP_LABELS
from vigie.web.routes.common import FormRowId, page_router, parse_date
from vigie.web.state import flash, render, web

router = page_router()
MAX_TOKEN = 400
"""Longer than any link Vigie makes: refused before it is read."""
REFUSALS = {
    EXPIRED: (410, "Ce lien a expiré."),
    INVALID: (403, "Ce lien n'est pas valide : il est incomplet ou a été modifié."),
}
REVOKED_PAGE = (410, "Ce lien n'est plus valable : il a été révoqué par votre chef de projet ou remplacé.")


class SpaceRefused(Exception):
    """Raised by the routes below; answered by `refusal_page` (registered in the app)."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def refusal_page(request: Request, exc: SpaceRefused):  # noqa: ANN201
    """The French page of a link that opens nothing: nothing of any porteur on it."""
    status, message = REFUSALS.get(exc.why, REVOKED_PAGE)
    return render(request, "space_refused.html", None, status_code=status, message=message)


def space_contact(request: Request, token: str):  # noqa: ANN201
    """The contact a space token opens for; SpaceRefused otherwise."""
    links = personal_links(web(request).config.settings)
    try:
        if links is None or len(token) > MAX_TOKEN:
            raise LinkRefused(INVALID)
        return contact_of(web(request).store, links.read_space(token))
    except LinkRefused as exc:
        raise SpaceRefused(exc.why) from exc


@router.get("/espace/{token}")
def space(request: Request, token: str):  # noqa: ANN201
    """The contact's space (an unsubscribed contact still opens it); the day's visit is counted once."""
    state, contact = web(request), space_contact(request, token)
    shown = build_space(state.config, state.store, contact, state.today())
    state.queries.record_visit(contact.id, state.today())
    return render(request, "space.html", None, space=shown, token=token, FOLLOWUP_LABELS=FOLLOWUP_LABELS,
                  **SPACE_GLOBALS)


@router.post("/espace/{token}/reponse")
def space_answer(request: Request, token: str, match: FormRowId, reponse: str = Form(""),  # noqa: ANN201
                 motif: str = Form("")):
    """An answer given in the space (the same as from a letter)."""
    state, contact = web(request), space_contact(request, token)
    try:
        record_answer(state.store, contact, match, reponse, motif or None, state.today())
    except NotTheirs:
        flash(request, "Réponse non enregistrée : cet appel ne figure pas dans votre espace.")
    else:
        flash(request, f"Réponse enregistrée : « {ANSWER_LABELS[reponse]} ».")
    return RedirectResponse(f"/espace/{token}#appel-{match}", status_code=303)


@router.post("/espace/{token}/suivi")
def space_followup(request: Request, token: str, match: FormRowId, statut: str = Form(""),  # noqa: ANN201
                   date_suivi: str = Form("")):
    """The follow-up of an application, set by the porteur."""
    state, contact = web(request), space_contact(request, token)
    try:
        set_porteur_followup(state.store, contact, match, statut, parse_date(date_suivi) or state.today())
    except NotTheirs:
        flash(request, "Suivi non enregistré : choisissez un état dans la liste, pour un appel de votre espace.")
    else:
        flash(request, f"Suivi enregistré : « {FOLLOWUP_LABELS[statut]} ».")
    return RedirectResponse(f"/espace/{token}#appel-{match}", status_code=303)

