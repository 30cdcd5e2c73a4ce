"""What the pages and the commands of the web app do (TestClient over the small test world)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from fastapi.testclient import TestClient

from clirun import run_cli
from crawlers.spiders.dispositif_aide_csv import map_dispositif_row
from models.store import Store, WebQueries
from models.store.web_queue import QueueFilter
from test_web_world import (  # noqa: F401 - fixtures
    AS_OF, PASSWORD, SECRET, client, login, match_id, web_config, web_store, world_dir,
)
from vigie.web.exports import safe_cell


@pytest.mark.parametrize("query,titles", [
    ("", ["Réseaux de chaleur biomasse", "Recyclage des friches", "<script>alert(1)</script>"]),
    ("?funder=ADEME", ["Recyclage des friches", "<script>alert(1)</script>"]),
    ("?axe=foncier", ["Recyclage des friches"]),
    ("?fiche=F1&sort=echeance", ["Réseaux de chaleur biomasse", "<script>alert(1)</script>"]),
    ("?echeance_avant=2026-12-10", ["Réseaux de chaleur biomasse"]),
    ("?status=accepte", []),
    ("?eligible=non", []),
])
def test_the_queue_api_filters_like_the_page(client: TestClient, query: str, titles: list[str]) -> None:
    login(client, "camille")
    items = client.get(f"/api/correspondances{query}").json()["items"]
    assert [i["title"] for i in items] == titles


def test_the_queue_is_paginated_and_sorted_by_deadline(web_store: Store) -> None:
    first = web_store.review_queue(QueueFilter(sort="echeance"), AS_OF, page=1, per_page=2)
    second = web_store.review_queue(QueueFilter(sort="echeance"), AS_OF, page=2, per_page=2)
    deadlines = [r["deadline"] for r in first.rows + second.rows]
    assert first.total == 4 and deadlines == sorted(deadlines) and len(second.rows) == 2


def test_reject_needs_a_reason_from_the_list_and_keeps_it(client: TestClient, web_store: Store) -> None:
    token = login(client, "camille")
    mid = match_id(web_store, "aap-2")
    refused = client.post("/file/decision", data={"ids": [mid], "action": "rejeter", "csrf": token})
    before = WebQueries(web_store).match_detail(mid)["match"].review_status
    client.post("/file/decision", data={"ids": [mid], "action": "rejeter", "motif": "montant", "csrf": token})
    after = WebQueries(web_store).match_detail(mid)["match"]
    assert "Choisissez un motif" in refused.text and before == "a_revoir"
    assert (after.review_status, after.reject_reason, after.reviewer) == ("rejete", "montant", "camille")


def test_a_snoozed_match_comes_back_after_its_date(client: TestClient, web_store: Store) -> None:
    token = login(client, "camille")
    mid = match_id(web_store, "aap-1")
    client.post("/file/decision", data={"ids": [mid], "action": "reporter", "jusqu_au": "2026-12-01",
                                        "csrf": token})
    now = [r["id"] for r in web_store.review_queue(QueueFilter(), AS_OF).rows]
    later = [r["id"] for r in web_store.review_queue(QueueFilter(), date(2026, 12, 2)).rows]
    assert mid not in now and mid in later


def test_bulk_accept_and_note(client: TestClient, web_store: Store) -> None:
    token = login(client, "camille")
    ids = [match_id(web_store, s) for s in ("aap-1", "aap-2")]
    client.post("/file/decision", data={"ids": ids, "action": "accepter", "note": "vu en comité", "csrf": token})
    rows = [WebQueries(web_store).match_detail(i)["match"] for i in ids]
    assert [(r.review_status, r.note) for r in rows] == [("accepte", "vu en comité")] * 2


def test_the_followup_is_recorded_with_date_and_amount(client: TestClient, web_store: Store) -> None:
    token = login(client, "camille")
    mid = match_id(web_store, "aap-1")
    client.post(f"/correspondances/{mid}/suivi", data={"statut": "obtenu", "date_suivi": "2026-11-20",
                                                        "montant": "120 000", "csrf": token})
    m = WebQueries(web_store).match_detail(mid)["match"]
    plan = {line["fiche"].id: line for line in WebQueries(web_store).plan_matrix(None, 0.2)}
    assert (m.followup_status, m.followup_at, m.amount_obtained) == ("obtenu", date(2026, 11, 20), 120_000)
    assert (plan["F1"]["status"], plan["F1"]["obtained"], plan["N1"]["status"]) == ("obtenu", 120_000, "candidats")


def test_suggesting_a_call_to_a_porteur_puts_it_in_the_digest_preview(client: TestClient, web_store: Store) -> None:
    token = login(client, "alice")
    call = WebQueries(web_store).match_detail(match_id(web_store, "aap-4"))["call"]
    response = client.post("/recherche/suggerer", data={"opportunity_id": call.id, "porteur_id": "cc-lomagne",
                                                        "csrf": token})
    assert response.status_code == 200 and "suggéré par alice" in response.text
    assert "Ateliers de fabrication numérique" in client.get("/porteurs/cc-lomagne/apercu").text


def test_a_contact_is_added_with_its_own_token_and_a_bad_address_is_refused(client: TestClient,
                                                                            web_store: Store) -> None:
    token = login(client, "camille")
    client.post("/porteurs/cc-lomagne/contacts", data={"email": "Elu@Example.org", "nom": "Élu", "csrf": token})
    bad = client.post("/porteurs/cc-lomagne/contacts", data={"email": "pas-une-adresse", "csrf": token})
    contacts = {c.email: c for c in web_store.contacts("cc-lomagne")}
    assert "Adresse électronique invalide" in bad.text and set(contacts) == {"dev@example.org", "elu@example.org"}
    assert contacts["elu@example.org"].unsubscribe_token != contacts["dev@example.org"].unsubscribe_token


def test_the_dispositif_aide_export_reads_back_with_our_own_crawler(client: TestClient) -> None:
    login(client, "lea")
    text = client.get("/exports/appels-dispositif-aide.csv").content.decode("utf-8-sig")
    items = [map_dispositif_row(row, "export", i) for i, row in enumerate(csv.DictReader(io.StringIO(text)))]
    first = items[0]
    assert (first.title, first.funders, first.close_dates) == ("Réseaux de chaleur biomasse", ["Région Occitanie"],
                                                               ["2026-12-10"])


@pytest.mark.parametrize("value,cell", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("Appel", "Appel"), (3, 3)])
def test_spreadsheet_formulas_from_crawled_text_are_neutralised(value: object, cell: object) -> None:
    assert safe_cell(value) == cell


def test_the_porteur_calendar_feed_needs_its_token(client: TestClient, web_store: Store) -> None:
    token = login(client, "camille")
    client.post("/file/decision", data={"ids": [match_id(web_store, "aap-1")], "action": "accepter", "csrf": token})
    page = client.get("/porteurs/cc-lomagne").text
    url = page.split("/calendrier/")[1].split("</code>")[0]
    client.cookies.clear()
    feed = client.get(f"/calendrier/{url}")
    assert feed.status_code == 200 and b"BEGIN:VCALENDAR" in feed.content
    assert client.get("/calendrier/devine.ics").status_code == 403


def test_user_add_reads_the_password_from_the_environment(capsys: pytest.CaptureFixture[str], web_config,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOT_DE_PASSE", PASSWORD)
    conf = str(web_config.directory)
    ok = run_cli(capsys, "--config", conf, "user", "add", "marie", "--role", "chef_de_projet",
                 "--territoire", "gers-lomagne", "--password-env", "MOT_DE_PASSE")
    missing = run_cli(capsys, "--config", conf, "user", "add", "jean", "--role", "chef_de_projet",
                      "--password-env", "MOT_DE_PASSE")
    assert ok.code == 0 and "Compte « marie » enregistré" in ok.out
    assert missing.code != 0 and "un chef de projet suit au moins un territoire" in missing.out + missing.err


def test_serve_refuses_to_start_without_the_secret(capsys: pytest.CaptureFixture[str], web_config,  # noqa: ANN001
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIE_SECRET_KEY")
    result = run_cli(capsys, "--config", str(web_config.directory), "serve", "--port", "1")
    assert result.code != 0 and "VIGIE_SECRET_KEY" in result.out + result.err
