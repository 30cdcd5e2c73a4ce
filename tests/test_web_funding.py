"""Follow-up amounts on the match page, co-financing on the fiche page, dossiers without outcome and the COPIL
report's download on /plan (TestClient over the web test world)."""

from __future__ import annotations

import io
from datetime import date
from html import unescape

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from models.config import VigieConfig
from models.store import Store, WebQueries
from test_web_world import (  # noqa: F401 - fixtures
    PASSWORD, SECRET, client, login, match_id, web_config, web_store, world_dir,
)
from vigie.web import create_app


def followup(client: TestClient, mid: int, token: str, **fields: str):  # noqa: ANN201
    return client.post(f"/correspondances/{mid}/suivi", data={"csrf": token, **fields}, follow_redirects=False)


def test_amount_requested_typed_the_french_way_is_stored_and_shown(client: TestClient, web_store: Store) -> None:
    token, mid = login(client, "camille"), match_id(web_store, "aap-1")
    followup(client, mid, token, statut="depose", date_suivi="2026-11-20", demande="150 000 €", montant="")
    page = unescape(client.get(f"/correspondances/{mid}").text)
    match = WebQueries(web_store).match_detail(mid)["match"]
    assert (match.amount_requested, match.amount_obtained, match.followup_status) == (150_000, None, "depose")
    assert "demandé 150\u00a0000\u00a0€" in page and 'name="demande" inputmode="decimal" placeholder="150 000" ' \
                                                      'value="150 000"' in page


def test_a_bad_amount_is_refused_in_french_and_nothing_stored_is_lost(client: TestClient,
                                                                      web_store: Store) -> None:
    token, mid = login(client, "camille"), match_id(web_store, "aap-1")
    followup(client, mid, token, statut="obtenu", demande="150 000", montant="120 000,50")
    refused = followup(client, mid, token, statut="refuse", demande="cent mille", montant="")
    match = WebQueries(web_store).match_detail(mid)["match"]
    assert refused.status_code == 400
    assert "Champ « Montant demandé » : montant invalide « cent mille »" in unescape(refused.text)
    assert (match.followup_status, match.amount_requested, match.amount_obtained) == ("obtenu", 150_000, 120_000.5)


def test_the_export_carries_the_amount_requested(client: TestClient, web_store: Store) -> None:
    token, mid = login(client, "camille"), match_id(web_store, "aap-1")
    followup(client, mid, token, statut="depose", demande="80 000")
    sheet = load_workbook(io.BytesIO(client.get("/exports/correspondances.xlsx").content)).active
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert [r["Montant demandé (€)"] for r in rows if r["Appel"] == "Réseaux de chaleur biomasse"] == [80_000]


def test_the_fiche_page_shows_its_funding_plan(client: TestClient, web_store: Store) -> None:
    token, mid = login(client, "camille"), match_id(web_store, "aap-1")
    followup(client, mid, token, statut="a_deposer", demande="100 000")
    page = unescape(client.get("/fiches/F1").text)
    assert "Besoin de financement</th><td>400\u00a0000\u00a0€" in page
    assert ("Reste à couvrir</th><td>400\u00a0000\u00a0€ (300\u00a0000\u00a0€ si les demandes en cours "
            "aboutissent)") in page
    assert "Taux d'aides publiques cumulées : inconnu pour un plafond inconnu." in page
    assert client.get("/fiches/N1").status_code in (403, 404)


def test_plan_lists_dossiers_without_outcome_and_downloads_the_report(web_config: VigieConfig,
                                                                        web_store: Store) -> None:
    with TestClient(create_app(web_config, web_store, lambda: date(2027, 4, 1))) as later:
        token, mid = login(later, "camille"), match_id(web_store, "aap-1")
        followup(later, mid, token, statut="depose", date_suivi="2026-12-01", demande="90 000")
        plan = unescape(later.get("/plan").text)
        report = later.get("/plan/rapport", params={"territoire": "gers-lomagne", "format": "xlsx"})
        bad = later.get("/plan/rapport", params={"territoire": "gers-lomagne", "format": "docx"})
        other = later.get("/plan/rapport", params={"territoire": "nord-ouest", "format": "html"})
    row = f'<a href="/correspondances/{mid}">Réseaux de chaleur biomasse</a></td><td>10/12/2026</td><td>112</td>'
    assert row in plan
    assert "Télécharger le rapport" in plan and 'href="/fiches/F1"' in plan
    disposition = 'attachment; filename="rapport-copil-gers-lomagne-2027-04-01.xlsx"'
    assert report.headers["content-disposition"] == disposition
    assert load_workbook(io.BytesIO(report.content))["Fiches"]["C2"].value == "Réseau de chaleur"
    assert bad.status_code == 400 and "format inconnu" in unescape(bad.text)
    assert other.status_code in (403, 404)
