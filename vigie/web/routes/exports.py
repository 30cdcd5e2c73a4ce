"""Exports (CSV, XLSX, etalab dispositif-aide CSV) and the per-porteur ICS feed (token, no login)."""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.responses import Response

from vigie.web import digests, exports
from vigie.web.auth import Forbidden, Viewer, current_viewer
from vigie.web.routes.common import page_router
from vigie.web.state import render, web

router = page_router()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, media_type: str, filename: str) -> Response:
    return Response(content, media_type=media_type,
                    headers={"content-disposition": f'attachment; filename="{filename}"'})


def _match_lines(request: Request, viewer: Viewer) -> list[list]:
    state = web(request)
    rows = state.store.export_rows(viewer.scope, state.threshold)
    for row in rows:  # one name per funder, as on the pages (funders.toml)
        row["funders"] = state.funder_names.display_all(row.get("funders") or [])
    return exports.match_lines(rows, state.today())


@router.get("/exports")
def exports_page(request: Request, viewer: Viewer = Depends(current_viewer)):  # noqa: ANN201, B008
    """Links to every export."""
    return render(request, "exports.html", viewer, porteurs=web(request).queries.porteurs_in(viewer.scope))


@router.get("/exports/correspondances.csv")
def matches_csv(request: Request, viewer: Viewer = Depends(current_viewer)) -> Response:  # noqa: B008
    """Retained matches (eligible at or above the threshold, accepted, or followed up) with their review and
    follow-up (the account's territories), CSV for French spreadsheets."""
    return _download(exports.to_csv(exports.MATCH_COLUMNS, _match_lines(request, viewer)), "text/csv; charset=utf-8",
                     "correspondances.csv")


@router.get("/exports/correspondances.xlsx")
def matches_xlsx(request: Request, viewer: Viewer = Depends(current_viewer)) -> Response:  # noqa: B008
    """The same, as an Excel workbook."""
    lines = _match_lines(request, viewer)
    return _download(exports.to_xlsx("Correspondances", exports.MATCH_COLUMNS, lines), XLSX, "correspondances.xlsx")


@router.get("/exports/appels-dispositif-aide.csv")
def calls_csv(request: Request, viewer: Viewer = Depends(current_viewer)) -> Response:  # noqa: B008
    """Every stored call in the etalab dispositif-aide schema (its own CSV format, not the French one)."""
    lines = [exports.dispositif_line(row) for row in web(request).store.canonical_calls()]
    return _download(exports.to_schema_csv(exports.DISPOSITIF_COLUMNS, lines), "text/csv; charset=utf-8",
                     "appels-dispositif-aide.csv")


@router.get("/calendrier/{token}.ics")
def calendar_feed(request: Request, token: str) -> Response:
    """A porteur's deadlines to subscribe to in Outlook or Thunderbird (the unguessable token is the key)."""
    state = web(request)
    porteur_id = state.queries.porteur_by_calendar_token(token)
    if porteur_id is None:
        raise Forbidden("calendrier introuvable")
    body = digests.calendar(state.config, state.store, porteur_id, state.today())
    return Response(body, media_type="text/calendar; charset=utf-8")
