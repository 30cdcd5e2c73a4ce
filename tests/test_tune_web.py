"""The web page of `vigie tune diff` (before applying) and the full computation on a match's detail page."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from matcher import SimpleAnalyzer
from matcher.engine import MatchEngine
from models.config import VigieConfig
from models.store import Store
from test_web_world import (  # noqa: F401 - fixtures
    HOSTILE, client, login, match_id, web_config, web_store, world_dir,
)
from vigie.pipeline.tune_journal import journal


@pytest.fixture
def tuned(client: TestClient) -> TestClient:
    """The client, its app scoring with the fast test analyzer."""
    client.app.state.web.engine = MatchEngine(SimpleAnalyzer())
    return client


def raise_threshold(config: VigieConfig, value: str) -> None:
    settings = Path(config.directory) / "settings.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("threshold = 0.03", f"threshold = {value}"),
                        encoding="utf-8")


def test_without_a_reference_the_page_says_how_to_make_one(tuned: TestClient):
    login(tuned, "alice")
    page = tuned.get("/reglage")
    assert page.status_code == 200 and "vigie tune apply" in page.text


def test_an_admin_applies_then_sees_what_an_edit_of_the_files_changes(tuned: TestClient, web_config: VigieConfig):
    token = login(tuned, "alice")
    applied = tuned.post("/reglage/appliquer", data={"csrf": token})
    assert "Référence enregistrée (la première)" in applied.text
    assert [e["applied_by"] for e in journal(Path(web_config.directory))] == ["alice"]
    assert "Aucune correspondance de vos territoires" in tuned.get("/reglage").text
    raise_threshold(web_config, "0.95")
    page = tuned.get("/reglage").text
    assert "seuil 0,03 → 0,95" in page and 'class="tune-sort"' in page and "passe sous le seuil" in page


def test_a_chef_de_projet_sees_only_the_changes_of_his_territories_and_cannot_apply(tuned: TestClient,
                                                                                   web_config: VigieConfig):
    token = login(tuned, "alice")
    tuned.post("/reglage/appliquer", data={"csrf": token})
    raise_threshold(web_config, "0.95")
    tuned.cookies.clear()
    token = login(tuned, "paul")
    page = tuned.get("/reglage").text
    assert "SICA" not in page and "cc-lomagne" not in page and "Appliquer" not in page
    refused = tuned.post("/reglage/appliquer", data={"csrf": token})
    assert refused.status_code == 403 and len(journal(Path(web_config.directory))) == 1


def test_applying_without_the_csrf_token_is_refused(tuned: TestClient, web_config: VigieConfig):
    login(tuned, "alice")
    refused = tuned.post("/reglage/appliquer", data={})
    assert refused.status_code in (400, 403) and journal(Path(web_config.directory)) == []


def test_the_match_page_links_to_and_shows_the_full_computation(tuned: TestClient, web_store: Store):
    login(tuned, "camille")
    mid = match_id(web_store, "aap-1")
    assert f"/correspondances/{mid}/calcul" in tuned.get(f"/correspondances/{mid}").text
    page = tuned.get(f"/correspondances/{mid}/calcul").text
    assert "Calcul complet du score" in page and "Fusion" in page and "lexical" in page
    assert "<mark>" in page


def test_a_lecteur_sees_the_computation_too(tuned: TestClient, web_store: Store):
    login(tuned, "lea")
    mid = match_id(web_store, "aap-1")
    assert f"/correspondances/{mid}/calcul" in tuned.get(f"/correspondances/{mid}").text
    assert "Calcul complet du score" in tuned.get(f"/correspondances/{mid}/calcul").text


def test_the_computation_of_a_hostile_call_is_escaped(tuned: TestClient, web_store: Store):
    login(tuned, "camille")
    page = tuned.get(f"/correspondances/{match_id(web_store, 'aap-3')}/calcul").text
    assert HOSTILE not in page and "Calcul complet du score" in page


def test_the_computation_stays_within_the_account_s_territories(tuned: TestClient, web_store: Store):
    login(tuned, "paul")
    assert tuned.get(f"/correspondances/{match_id(web_store, 'aap-1')}/calcul").status_code == 403
