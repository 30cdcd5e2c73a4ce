"""Porteurs et contacts: contacts, unsubscribed ones, next week's digest preview, send now, ICS link."""

from __future__ import annotations

from fastapi import Depends, Form, Request
from fastapi.responses import RedirectResponse
from pydantic import TypeAdapter, ValidationError
from pydantic import EmailStr

from models.errors import VigieError
from notifier import SECTIONS, iso_week
from vigie.pipeline.digest import DigestOutcome
from vigie.pipeline.digest_letter import calendar_feed_url
from vigie.pipeline.weekly import run_weekly
from vigie.web import digests
from vigie.web.auth import Forbidden, Viewer, current_viewer, writer
from vigie.web.routes.common import check_porteur, page_router, parse_int
from vigie.web.state import flash, render, web

router = page_router()
_EMAIL = TypeAdapter(EmailStr)
SEND_LABELS = {"written": "écrite(s) dans la boîte d'envoi", "sent": "envoyée(s) par SMTP",
               "already_sent": "déjà envoyée(s) cette semaine",
               "busy": "en cours d'envoi par un autre envoi de Vigie",
               "pending": "en attente (erreur temporaire, repartira au prochain envoi)",
               "failed": "refusée(s) par le serveur",
               "blocked": "non envoyée(s) : adresse déjà refusée par son serveur, à corriger dans le contact"}


@router.get("/porteurs")
def porteurs(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """The porteurs of the account's territories (their territory by name)."""
    state = web(request)
    names = {t.id: t.nom for t in state.config.plan.territories}
    return render(request, "porteurs.html", viewer, porteurs=state.queries.porteurs_in(viewer.scope),
                  territory_names=names)


def _porteur(request: Request, viewer: Viewer, porteur_id: str):  # noqa: ANN202
    porteur = web(request).store.porteur(porteur_id)
    check_porteur(viewer, porteur)
    return porteur


def calendar_url(request: Request, porteur_id: str) -> str:
    """The porteur's ICS feed URL (public address of settings.toml), as its letters give it."""
    state = web(request)
    return calendar_feed_url(state.config, state.store, porteur_id)


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
        web(request).queries.save_contact(porteur_id, address, nom.strip(), role.strip(),
                                          parse_int(contact_id, 0, name="contact_id") or None)
    except KeyError as exc:
        raise Forbidden("contact introuvable pour ce porteur") from exc
    flash(request, "Contact enregistré.")
    return RedirectResponse(f"/porteurs/{porteur_id}", status_code=303)


@router.get("/porteurs/{porteur_id}/apercu")
def digest_preview(request: Request, porteur_id: str, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """The digest a contact of the porteur (the first subscribed one unless ?contact=ID) would get if the
    week's mail went out now — what `vigie digest --dry-run --porteur ID` renders."""
    p, state = _porteur(request, viewer, porteur_id), web(request)
    contacts = state.store.contacts(porteur_id)
    wanted_id = parse_int(request.query_params.get("contact"), 0, name="contact")
    contact = next((c for c in contacts if c.id == wanted_id), None) or \
        next((c for c in contacts if not c.unsubscribed_at), None)
    shown = digests.preview(state.config, state.store, porteur_id, contact, state.today()) if contact else None
    return render(request, "preview.html", viewer, porteur=p, contact=contact, contacts=contacts, preview=shown,
                  review_required=state.config.settings.matching.review_required, SECTIONS=SECTIONS)


@router.post("/porteurs/{porteur_id}/envoyer")
def send_now(request: Request, porteur_id: str, viewer: Viewer = Depends(writer)):  # noqa: ANN201, B008
    """Send this week's digest of the porteur now, through the notifier shell (recorded before it is handed
    to the configured sender — SMTP or the outbox —, marked after): never twice in a week."""
    _porteur(request, viewer, porteur_id)
    state = web(request)
    today = state.today()
    try:
        outcomes = run_weekly(state.config, state.store, iso_week(today), today, True, porteur_id)
    except VigieError as exc:
        flash(request, f"Envoi impossible : {exc}")
    else:
        flash(request, send_summary(outcomes))
    return RedirectResponse(f"/porteurs/{porteur_id}", status_code=303)


def send_summary(outcomes: list[DigestOutcome]) -> str:
    """The French line telling what "send now" did."""
    if not outcomes:
        return "Aucune lettre envoyée : rien de nouveau à annoncer à ce porteur."
    parts = []
    for status, label in SEND_LABELS.items():
        count = sum(1 for o in outcomes if o.status == status)
        if count:
            parts.append(f"{count} {label}")
    return "Lettre de la semaine : " + " ; ".join(parts) + "."
