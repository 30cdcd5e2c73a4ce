"""A small world for the web app tests: two territories, their porteurs, calls (one hostile), matches and
accounts of every role. Content written for the tests."""

from __future__ import annotations

import functools
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from factories import opportunity
from models.config import VigieConfig, load_config
from models.records import (
    ContactData, FicheActionData, MatchResult, PlanData, PorteurData, Reason, TerritoryData,
)
from models.store import Store
from vigie.context import source_kinds
from vigie.defaults import copy_example_config
from vigie.web import create_app
from vigie.web.security import hash_password

AS_OF = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
SECRET = "test-secret-key-for-the-web-app-0123456789abcdef"
PASSWORD = "mot-de-passe-de-test"
HOSTILE = "<script>alert(1)</script>"
ACCOUNTS = {"alice": ("admin", []), "camille": ("chef_de_projet", ["gers-lomagne"]),
            "paul": ("chef_de_projet", ["nord-ouest"]), "lea": ("lecteur", [])}


def world_plan() -> PlanData:
    """Two territories, one porteur each, two fiches in the Gers, one in the other territory."""
    return PlanData(
        territories=[TerritoryData(id="gers-lomagne", nom="Gers – Lomagne", geo_codes=["DEP-32"]),
                     TerritoryData(id="nord-ouest", nom="Nord-Ouest", geo_codes=["DEP-59"])],
        porteurs=[PorteurData(id="cc-lomagne", nom="CC de la Lomagne", type="epci", territoire="gers-lomagne",
                              geo_codes=["DEP-32", "REG-76"], contacts=[ContactData(email="dev@example.org", nom="Claire")]),
                  PorteurData(id="sica-nord", nom="SICA du Nord", type="association", territoire="nord-ouest",
                              geo_codes=["DEP-59", "REG-32"], contacts=[ContactData(email="nord@example.org")])],
        fiches=[FicheActionData(id="F1", porteur_id="cc-lomagne", titre="Réseau de chaleur", axe="transition_ecologique",
                                besoin_financement=400_000),
                FicheActionData(id="F2", porteur_id="cc-lomagne", titre="Friche industrielle", axe="foncier"),
                FicheActionData(id="N1", porteur_id="sica-nord", titre="Atelier partagé", axe="innovation")],
    )


CALLS = [("aap-1", "Réseaux de chaleur biomasse", ["Région Occitanie"], "F1", "cc-lomagne", 0.9),
         ("aap-2", "Recyclage des friches", ["ADEME"], "F2", "cc-lomagne", 0.7),
         ("aap-3", HOSTILE, ["ADEME"], "F1", "cc-lomagne", 0.5),
         ("aap-4", "Ateliers de fabrication numérique", ["Bpifrance"], "N1", "sica-nord", 0.8)]

REASONS = {"aap-1": [
    Reason(feature="phrase", weight=6.5, evidence="« Raccorder les équipements publics du bourg à un réseau de chaleur "
                                                  "alimenté au bois local. » ↔ « Les réseaux de chaleur alimentés par "
                                                  "la biomasse locale sont aidés. »"),
    Reason(feature="termes", weight=0.4, evidence="termes communs : réseaux de chaleur, biomasse"),
    Reason(feature="profil", weight=9.0, evidence="profil energie : réseau de chaleur (+6), biomasse (+3)")]}


def fill(store: Store) -> None:
    """The plan, the calls, one eligible match per call, and the accounts."""
    store.import_plan(world_plan(), NOW)
    results, ranks = [], {}
    for source_id, title, funders, fiche, porteur, score in CALLS:
        store.upsert_opportunity(opportunity(source_id, title=title, funders=funders,
                                             close_dates=[date(2026, 12, 10 + len(results))]), NOW)
        results.append(MatchResult(fiche_id=fiche, porteur_id=porteur, source="occitanie", source_id=source_id,
                                   score=score, eligible=True, reasons=REASONS.get(source_id, [])))
        ranks[(fiche, "occitanie", source_id)] = 1
    store.save_matches(results, ranks, NOW)
    for name, (role, territories) in ACCOUNTS.items():
        store.add_user(name, password_hash(), role, territories, NOW)


def add_marginal(store: Store, fiche: str, source_id: str, score: float) -> None:
    """One more eligible match, for a fiche and a call of the world, with a (low) score."""
    porteur = next(f.porteur_id for f in world_plan().fiches if f.id == fiche)
    result = MatchResult(fiche_id=fiche, porteur_id=porteur, source="occitanie", source_id=source_id, score=score,
                         eligible=True)
    store.save_matches([result], {}, NOW)


@functools.cache
def password_hash() -> str:
    """The accounts' password hash, computed once (argon2 is slow on purpose)."""
    return hash_password(PASSWORD)


@pytest.fixture(scope="session")
def world_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example configuration and the filled SQLite database, built once (password hashing is slow on
    purpose); each test works on its own copy."""
    directory = tmp_path_factory.mktemp("web") / "conf"
    copy_example_config(directory)
    store = Store.open(load_config(directory, source_kinds()).database_url)
    fill(store)
    store.close()
    return directory


@pytest.fixture
def web_config(world_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> VigieConfig:
    """A copy of the world's configuration folder, with the session secret in the environment."""
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    shutil.copytree(world_dir, tmp_path / "conf")
    return load_config(tmp_path / "conf", source_kinds())


@pytest.fixture
def web_store(web_config: VigieConfig) -> Iterator[Store]:
    """The world stored in the configuration's SQLite database."""
    store = Store.open(web_config.database_url)
    yield store
    store.close()


@pytest.fixture
def client(web_config: VigieConfig, web_store: Store) -> Iterator[TestClient]:
    """A client of the app (not logged in)."""
    with TestClient(create_app(web_config, web_store, lambda: AS_OF)) as test_client:
        yield test_client


def csrf_of(html: str) -> str:
    """The CSRF token of the first form of a page."""
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Log in through the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/connexion").text)
    response = client.post("/connexion", data={"username": username, "password": password, "csrf": token},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/").text)


def match_id(store: Store, source_id: str) -> int:
    """The id of the match on a call of the world."""
    ids = {d.source_id: i for i, d in store.opportunities()}
    return next(m.id for m in store.matches() if m.opportunity_id == ids[source_id])


def test_the_world_has_a_match_per_call(web_store: Store) -> None:
    assert len(web_store.matches()) == len(CALLS)
