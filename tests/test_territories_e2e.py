"""Several territories in one deployment (a Région's service animating its Territoires d'industrie):
calls are shared and stored once; each chef de projet sees, reviews and hears about their own territory only.

Config: tests/data/territories (two territories, three porteurs, shared sources), real matching (spaCy)."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clirun import run_cli
from conftest import NOW
from factories import opportunity
from models.config import VigieConfig, load_config
from models.store import Store
from notifier import iso_week
from test_web_world import PASSWORD, SECRET, login, password_hash
from vigie.context import source_kinds
from vigie.pipeline.match import match_stored
from vigie.pipeline.weekly import run_weekly
from vigie.web import create_app

DATA = Path(__file__).parent / "data" / "territories"
AS_OF = date(2026, 11, 23)
GERS, TARBES = "gers-lomagne", "bassin-tarbais"
PORTEURS = {GERS: {"cc-lomagne", "scop-bois"}, TARBES: {"ca-tarbes"}}
FICHES = {GERS: {"GL-01", "GL-02"}, TARBES: {"TL-01", "TL-02"}}
CALLS = {
    "chaleur": ("Réseaux de chaleur et chaufferies bois biomasse",
                "Aide aux réseaux de chaleur alimentés par une chaufferie bois biomasse, pour les zones et parcs d'activités."),
    "friches": ("Fonds friches : recyclage des friches industrielles",
                "Dépollution et réhabilitation de friches industrielles pour accueillir des ateliers, sans artificialiser (ZAN)."),
}


@pytest.fixture
def two_territories(tmp_path: Path, db_url: str) -> Iterator[tuple[VigieConfig, Store]]:
    """The config folder copied, on each backend, with the shared calls stored and matched."""
    conf = tmp_path / "conf"
    shutil.copytree(DATA, conf)
    settings = conf / "settings.toml"
    settings.write_text(settings.read_text("utf-8").replace("sqlite:///var/vigie.db", db_url), "utf-8")
    config = load_config(conf, source_kinds())
    store = Store.open(config.database_url)
    for source_id, (title, summary) in CALLS.items():
        store.upsert_opportunity(opportunity(source_id, source="mte", title=title, summary=summary,
                                             beneficiaries=["epci", "commune", "entreprise"]), NOW)
    match_stored(config, store, AS_OF)
    store.add_user("camille", password_hash(), "chef_de_projet", [GERS], NOW)
    store.add_user("hugo", password_hash(), "chef_de_projet", [TARBES], NOW)
    yield config, store
    store.close()


def territory_of(store: Store) -> dict[str, str]:
    return {p.id: p.territoire for p in store.plan().porteurs}


def chef_view(client: TestClient, user: str, store: Store, other: str) -> dict[str, set]:
    """What one chef sees through the API and the exports; also tries to act on the other territory."""
    token = login(client, user, PASSWORD)
    items = client.get("/api/correspondances", params={"seuil": "non", "par_page": 200}).json()["items"]
    others = [m.id for m in store.matches() if territory_of(store)[m.porteur_id] == other]
    refused = [client.get(f"/api/correspondances/{i}").status_code for i in others[:1]]
    decision = client.post("/api/correspondances/decision", headers={"X-CSRF-Token": token},
                           json={"ids": others[:1], "action": "accepter"})
    mine = [i["id"] for i in items if i.get("eligible")]
    accepted = client.post("/api/correspondances/decision", headers={"X-CSRF-Token": token},
                           json={"ids": mine, "action": "accepter"})
    export = list(csv.DictReader(io.StringIO(client.get("/exports/correspondances.csv").text.lstrip("\ufeff"))))
    return {"porteurs": {i["porteur_id"] for i in items}, "fiches": {f["fiche"] for f in client.get("/api/plan").json()},
            "refused": {*refused, decision.status_code}, "accepted": {accepted.json()["modifiees"] == len(mine)},
            "api_porteurs": {p["id"] for p in client.get("/api/porteurs").json()}, "export_rows": len(export)}


def test_two_chefs_see_only_their_territory_while_calls_are_shared_and_stored_once(
    two_territories: tuple[VigieConfig, Store], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    config, store = two_territories
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    calls = dict((d.source_id, i) for i, d in store.opportunities())
    assert sorted(calls) == ["chaleur", "friches"]  # stored once, for both territories
    heat = {m.fiche_id for m in store.matches(eligible_only=True) if m.opportunity_id == calls["chaleur"]}
    assert {"GL-01", "TL-01"} <= heat  # the same call row is matched in both territories

    listed = run_cli(capsys, "--config", str(config.directory), "--as-of", AS_OF.isoformat(),
                     "review", "list", "--territoire", TARBES)
    assert listed.code == 0 and "TL-01" in listed.out and "GL-01" not in listed.out

    views = {}
    for user, (mine, other) in {"camille": (GERS, TARBES), "hugo": (TARBES, GERS)}.items():
        with TestClient(create_app(config, store, lambda: AS_OF)) as client:
            views[user] = (mine, chef_view(client, user, store, other))
    for mine, seen in views.values():
        assert seen["porteurs"] and seen["porteurs"] <= PORTEURS[mine]
        assert seen["api_porteurs"] == PORTEURS[mine] and seen["fiches"] == FICHES[mine]
        assert seen["refused"] <= {403, 404} and seen["accepted"] == {True} and seen["export_rows"] >= 1

    outcomes = run_weekly(config, store, iso_week(AS_OF), AS_OF, send=True)
    chefs = {o.recipient: o.paths[0].read_text("utf-8") for o in outcomes if not o.porteur_id}
    camille, hugo = chefs["camille.dufour@region.example.org"], chefs["hugo.laborde@region.example.org"]
    assert "Lomagne" in camille and "Tarbes" not in camille
    assert "Tarbes" in hugo and "Lomagne" not in hugo
    porteurs = {o.recipient for o in outcomes if o.porteur_id and o.entries}
    assert {"developpement@lomagne.example.org", "economie@tarbes.example.org"} <= porteurs
    assert sorted(d.source_id for _, d in store.opportunities()) == ["chaleur", "friches"]
