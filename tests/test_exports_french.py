"""Exports that open in French Excel (`;`, decimal comma, BOM, JJ/MM/AAAA), read back with csv and openpyxl;
the etalab dispositif-aide export stays in its schema's own format."""

from __future__ import annotations

import csv
import getpass
import io
import uuid
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from clirun import run_cli
from models.config import VigieConfig
from models.store import Store, WebQueries
from models.vocab import ReviewStatus
from test_web_world import (  # noqa: F401 - fixtures
    NOW, client, login, match_id, web_config, web_store, world_dir,
)
from vigie.web.exports import FRENCH_CSV, MATCH_COLUMNS, french_text

BOM = "\ufeff".encode()
SCHEMA_COLUMNS = ["id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs",
                  "programmes_parents", "url_source", "cibles", "eligibilite_geographique",
                  "eligibilite_geographique_exclusions", "date_ouverture", "date_cloture", "date_mise_a_jour"]
"""etalab dispositif-aide v0.2.0, in the schema's order (shared/specs/vocabulary.md)."""


def accept_with_followup(client: TestClient, store: Store) -> None:
    """camille accepts the heat-network call and records 120 000 € obtained on 20/11/2026."""
    token = login(client, "camille")
    mid = match_id(store, "aap-1")
    client.post("/file/decision", data={"ids": [mid], "action": "accepter", "csrf": token})
    client.post(f"/correspondances/{mid}/suivi", data={"statut": "obtenu", "date_suivi": "2026-11-20",
                                                        "montant": "120 000,50", "csrf": token})


def french_rows(content: bytes) -> list[dict[str, str]]:
    """A French CSV export read back as Excel would: BOM, then `;` between fields."""
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline=""), dialect=FRENCH_CSV))


@pytest.mark.parametrize("value,text", [(0.8686, "0,87"), (120000.0, "120000,00"), (3, "3"), (None, ""),
                                        (date(2026, 12, 10), "10/12/2026"),
                                        (datetime(2026, 11, 23, 8, 5), "23/11/2026 08:05"),
                                        ("=SOMME(A1)", "'=SOMME(A1)")],
                         ids=["decimal", "whole-amount", "int", "none", "date", "datetime", "formula"])
def test_cells_are_written_the_way_french_spreadsheets_read_them(value: object, text: str) -> None:
    assert french_text(value) == text


def test_the_match_csv_opens_in_columns_with_french_numbers_and_dates(client: TestClient, web_store: Store) -> None:
    accept_with_followup(client, web_store)
    content = client.get("/exports/correspondances.csv").content
    rows = french_rows(content)
    heat = next(r for r in rows if r["Appel"] == "Réseaux de chaleur biomasse")
    assert content.startswith(BOM) and list(rows[0]) == MATCH_COLUMNS and len(MATCH_COLUMNS) > 1
    assert (heat["Score"], heat["Prochaine clôture"], heat["Date du suivi"], heat["Montant obtenu (€)"]) == (
        "0,90", "10/12/2026", "20/11/2026", "120000,50")
    assert (heat["Territoire"], heat["Porteur"], heat["Titre de la fiche"], heat["Financeurs"]) == (
        "Gers – Lomagne", "CC de la Lomagne", "Réseau de chaleur", "Région Occitanie")
    assert (heat["Revue"], heat["Relecteur"], heat["Suivi"]) == ("Acceptée", "camille", "Obtenu")
    assert re.fullmatch(r"\d\d/\d\d/20\d\d", heat["Revue le"])  # the day of the decision, in Paris


def test_the_match_xlsx_has_a_filter_a_frozen_header_and_readable_widths(client: TestClient,
                                                                          web_store: Store) -> None:
    accept_with_followup(client, web_store)
    sheet = load_workbook(io.BytesIO(client.get("/exports/correspondances.xlsx").content)).active
    header = [c.value for c in sheet[1]]
    heat = next(dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)
                if r[header.index("Appel")] == "Réseaux de chaleur biomasse")
    appel = sheet.column_dimensions["E"]
    assert header == MATCH_COLUMNS and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
    assert appel.width >= len("Réseaux de chaleur biomasse") and sheet.column_dimensions["A"].width >= 8
    assert (heat["Score"], heat["Prochaine clôture"], heat["Montant obtenu (€)"]) == (
        0.9, datetime(2026, 12, 10), 120000.5)
    assert sheet.cell(2, header.index("Prochaine clôture") + 1).number_format == "DD/MM/YYYY"


def test_a_review_recorded_by_the_old_cli_mark_reads_as_the_command_line(client: TestClient,
                                                                          web_store: Store) -> None:
    web_store.review(match_id(web_store, "aap-2"), ReviewStatus.ACCEPTED, "cli", NOW)
    login(client, "camille")
    friches = next(r for r in french_rows(client.get("/exports/correspondances.csv").content)
                   if r["Appel"] == "Recyclage des friches")
    assert friches["Relecteur"] == "ligne de commande"


@pytest.mark.parametrize("env,account,recorded", [("Camille Martin", "cmartin", "Camille Martin"),
                                                  (None, "cmartin", "cmartin")], ids=["VIGIE_USER", "account"])
def test_a_review_from_the_command_line_records_who_ran_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, web_config: VigieConfig,
    web_store: Store, env: str | None, account: str, recorded: str,
) -> None:
    monkeypatch.delenv("VIGIE_USER", raising=False)
    if env:
        monkeypatch.setenv("VIGIE_USER", env)
    monkeypatch.setattr(getpass, "getuser", lambda: account)
    mid = match_id(web_store, "aap-2")
    result = run_cli(capsys, "--config", str(web_config.directory), "review", "accept", str(mid))
    assert result.code == 0 and WebQueries(web_store).match_detail(mid)["match"].reviewer == recorded


def test_the_dispositif_aide_export_keeps_the_schema_format(client: TestClient) -> None:
    login(client, "lea")
    content = client.get("/exports/appels-dispositif-aide.csv").content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))
    heat = next(r for r in rows if r["titre"] == "Réseaux de chaleur biomasse")
    assert not content.startswith(BOM) and content.split(b"\r\n")[0].decode() == ",".join(SCHEMA_COLUMNS)
    assert (heat["date_cloture"], heat["porteurs"]) == ("2026-12-10",
                                                       '[{"nom": "Région Occitanie", "roles": ["financeur"]}]')
    assert all(uuid.UUID(r["id"]).version == 5 for r in rows) and len({r["id"] for r in rows}) == len(rows)
    assert client.get("/exports/appels-dispositif-aide.csv").content == content  # the same ids every time
    for column, words in (("cibles", {"professionnels", "particuliers", "associations", "secteur public"}),
                          ("types_aides", {"assistance", "avantage fiscal", "conseil", "étude", "financement",
                                           "formation", "information", "prêt"})):
        used = {w for r in rows for w in r[column].split("|") if w}
        assert used <= words, (column, used - words)
    assert {w for r in rows for w in r["cibles"].split("|") if w}  # the fixture's beneficiaries are there


def test_the_command_line_writes_the_same_exports(capsys: pytest.CaptureFixture[str], web_config: VigieConfig,
                                                  web_store: Store, tmp_path: Path) -> None:
    conf = ("--config", str(web_config.directory), "--as-of", "2026-11-23", "export")
    gers = run_cli(capsys, *conf, "correspondances", "--territoire", "gers-lomagne", "-o", str(tmp_path / "g.csv"))
    book = run_cli(capsys, *conf, "correspondances", "-o", str(tmp_path / "c.xlsx"))
    calls = run_cli(capsys, *conf, "appels", "-o", str(tmp_path / "a.csv"))
    rows = french_rows((tmp_path / "g.csv").read_bytes())
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert (gers.code, book.code, calls.code) == (0, 0, 0) and "3 correspondance(s)" in gers.out
    assert {r["Porteur"] for r in rows} == {"CC de la Lomagne"} and rows[0]["Prochaine clôture"] == "10/12/2026"
    assert sheet.max_row == 5 and sheet.auto_filter.ref == sheet.dimensions
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").startswith(",".join(SCHEMA_COLUMNS))
