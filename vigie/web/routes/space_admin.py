"""The chef de projet's side of the porteurs' space: revoke every link issued so far to a contact."""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from vigie.pipeline.clock import utcnow
from vigie.web.auth import Forbidden, Viewer, writer
from vigie.web.routes.common import RowId, check_porteur, page_router
from vigie.web.state import flash, web

router = page_router()


@router.post("/porteurs/{porteur_id}/contacts/{contact_id}/revoquer")
def revoke(request: Request, porteur_id: str, contact_id: RowId,  # noqa: ANN201
           viewer: Viewer = Depends(writer)):  # noqa: B008
    """Invalidate the contact's links (space and answers); the next letter brings a new one."""
    state = web(request)
    check_porteur(viewer, state.store.porteur(porteur_id))
    contact = state.store.contact_row(contact_id)
    if contact is None or contact.porteur_id != porteur_id:
        raise Forbidden("contact introuvable pour ce porteur")
    state.queries.revoke_links(contact_id, utcnow())
    flash(request, f"Liens personnels de {contact.email} révoqués : la prochaine lettre lui en apportera un nouveau.")
    return RedirectResponse(f"/porteurs/{porteur_id}", status_code=303)
