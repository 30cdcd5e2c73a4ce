"""Porteurs et contacts: contacts, unsubscribed ones, next week's digest preview, send now, ICS link."""

from __future__ import annotations

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse
from pydantic import TypeAdapter, ValidationError
from pydantic import EmailStr

from models.errors import VigieError
from notifier import iso_week
from vigie.pipeline.clock import utcnow
from vigie.pipeline.digest import run_digests
from vigie.web import digests
from vigie.web.auth import Forbidden, Viewer, current_viewer, writer
from vigie.web.routes.common import check_porteur, page_router
from vigie.web.state import flash, render, web

router = page_router()
_EMAIL = TypeAdapter(EmailStr)


@router.get("/porteurs")
def porteurs(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """The porteurs of the account's territories."""
    return render(request, "porteurs.html", viewer, porteurs=web(request).store.porteurs_in(viewer.scope))


def _porteur(request: Request, viewer: Viewer, porteur_id: str):  # noqa: ANN202
    porteur = web(request).store.porteur(porteur_id)
    check_porteur(viewer, porteur)
    return porteur


def calendar_url(request: Request, porteur_id: str) -> str:
    """The porteur's ICS feed URL (public address of settings.toml)."""
    state = web(request)
    token = state.store.calendar_token(porteur_id, utcnow())
    return f"{state.config.settings.sender.public_url.rstrip('/')}/calendrier/{token}.ics"


@router.get("/porteurs/{porteur_id}")
def porteur(request: Request, porteur_id: str, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """A porteur, its contacts (unsubscribed ones marked) and its calendar link."""
    p = _porteur(request, viewer, porteur_id)
    contacts = web(request).store.contacts(porteur_id)
    return render(request, "porteur.html", viewer, porteur=p, contacts=contacts,
                  calendar_url=calendar_url(request, porteur_id) if viewer.can_write else None)


@router.post("/porteurs/{porteur_id}/contacts")
def save_contact(request: Request, porteur_id: str, email: str = Form(...), nom: str = Form(""),  # noqa: ANN201
                 role: str = Form(""), contact_id: str = Form(""), viewer: Viewer = Depends(writer)):  # noqa: B008
    """Add or edit a contact."""
    _porteur(request, viewer, porteur_id)
    try:
        address = _EMAIL.validate_python(email.strip())
    except ValidationError:
        flash(request, f"Adresse électronique invalide : « {email} ».")
        return RedirectResponse(f"/porteurs/{porteur_id}", status_code=303)
    try:
        web(request).store.save_contact(porteur_id, address, nom.strip(), role.strip(),
                                        int(contact_id) if contact_id.isdigit() else None)
    except KeyError as exc:
        raise Forbidden("contact introuvable pour ce porteur") from exc
    flash(request, "Contact enregistré.")
    return RedirectResponse(f"/porteurs/{porteur_id}", status_code=303)


@router.get("/porteurs/{porteur_id}/apercu")
def digest_preview(request: Request, porteur_id: str, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Next week's digest of the porteur, as its first subscribed contact would read it."""
    p, state = _porteur(request, viewer, porteur_id), web(request)
    contact = next((c for c in state.store.contacts(porteur_id) if not c.unsubscribed_at), None)
    rendered = digests.preview(state.config, state.store, porteur_id, contact, state.today(), None)
    return render(request, "preview.html", viewer, porteur=p, contact=contact, rendered=rendered)


@router.post("/porteurs/{porteur_id}/envoyer")
def send_now(request: Request, porteur_id: str, viewer: Viewer = Depends(writer)):  # noqa: ANN201, B008
    """Send (or write to the outbox) this week's digest of the porteur now; never twice in a week."""
    _porteur(request, viewer, porteur_id)
    state = web(request)
    today = state.today()
    try:
        outcomes = run_digests(state.config, state.store, iso_week(today), today, True, porteur_id)
        sent = sum(1 for o in outcomes if o.status == "written")
        flash(request, f"{sent} lettre(s) envoyée(s) ; {len(outcomes) - sent} déjà envoyée(s) cette semaine.")
    except VigieError as exc:
        flash(request, f"Envoi impossible : {exc}")
    return RedirectResponse(f"/porteurs/{porteur_id}", status_code=303)
