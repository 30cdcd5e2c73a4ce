"""The full computation of a pair on demo data: exact (the score `vigie match` stored, for every stored pair)
and fast in a process that has not loaded spaCy (the page of a `vigie serve` just started)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from matcher.analysis import SpacyAnalyzer
from matcher.engine import MatchEngine
from matcher.semantic import CachedEncoder, SpacyEncoder
from models.config import load_config
from models.store import Store
from vigie.context import source_kinds
from demo_world import run_demo
from vigie.demo.run import DEMO_AS_OF
from vigie.pipeline import clock
from vigie.pipeline.match import STASH_FILE
from vigie.tune.actions import explain_pair
from vigie.web.security import hash_password

PASSWORD = "mot-de-passe-de-test"
SECRET = "test-secret-key-for-the-web-app-0123456789abcdef"
PAGE_SECONDS = 2.0
"""The page used to take more than 30 s in a fresh process (spaCy loaded, every text analysed again)."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo run once through the CLI (mirror, crawl, plan, `vigie match`), with an admin account."""
    directory = run_demo(tmp_path_factory)
    config = load_config(directory / "config", source_kinds())
    store = Store.open(config.database_url)
    store.add_user("alice", hash_password(PASSWORD), "admin", [], datetime(2026, 11, 23, 7, tzinfo=UTC))
    store.close()
    return directory / "config"


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("spaCy sollicité : le calcul devait lire les analyses gardées par vigie match")


def test_vigie_match_keeps_its_analyses_on_disk(demo: Path) -> None:
    assert (demo / STASH_FILE).stat().st_size > 0


def test_every_stored_score_is_recomputed_exactly_without_spacy(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(demo, source_kinds())
    store = Store.open(config.database_url)
    refs = {i: f"{d.source}:{d.source_id}" for i, d in store.opportunities()}
    stored = store.matches()
    monkeypatch.setattr(SpacyAnalyzer, "analyze_many", _refuse)
    monkeypatch.setattr(SpacyEncoder, "encode", _refuse)
    clock.fix_today(DEMO_AS_OF)  # as `vigie --as-of` does: the kept analyses are not yet old on the demo's day
    engine = MatchEngine(SpacyAnalyzer(), CachedEncoder(SpacyEncoder()))  # nothing in memory: a fresh process
    found = {m.id: explain_pair(config, store, DEMO_AS_OF, m.fiche_id, refs[m.opportunity_id], engine) for m in stored}
    store.close()
    assert len(stored) > 200  # every top 10, and the calls above the probability threshold within the top 50
    assert [(m.score, m.eligible, m.rank) for m in stored] == [
        (f.explanation.score, f.explanation.eligible, f.explanation.rank) for f in found.values()]
    assert all(f.stored is not None and f.stored.id == m.id for m, f in zip(stored, found.values()))


SCRIPT = """
import json, sys, time
from pathlib import Path
from fastapi.testclient import TestClient
from models.config import load_config
from models.store import Store
from vigie.context import source_kinds
from vigie.demo.run import DEMO_AS_OF
from vigie.pipeline import clock
from vigie.web import create_app
from test_web_world import csrf_of

config = load_config(Path(sys.argv[1]), source_kinds())
store = Store.open(config.database_url)
match = max((m for m in store.matches() if m.eligible), key=lambda m: m.score)
with TestClient(create_app(config, store, lambda: DEMO_AS_OF)) as client:
    token = csrf_of(client.get("/connexion").text)
    client.post("/connexion", data={"username": "alice", "password": sys.argv[2], "csrf": token})
    started = time.perf_counter()
    page = client.get(f"/correspondances/{match.id}/calcul")
    seconds = time.perf_counter() - started
print(json.dumps({"status": page.status_code, "seconds": seconds, "spacy": "spacy" in sys.modules,
                  "shown": "Calcul complet du score" in page.text, "score": match.score, "text": page.text}))
"""


def test_the_computation_page_answers_quickly_in_a_fresh_server_process(demo: Path) -> None:
    tests = Path(__file__).resolve().parent
    env = {**os.environ, "VIGIE_SECRET_KEY": SECRET, "PYTHONPATH": os.pathsep.join([str(tests), str(tests.parent)])}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(demo), PASSWORD], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    score = f"{result['score']:.2f}".replace(".", ",")
    assert result["status"] == 200 and result["shown"]
    assert f"<strong>{score}</strong>" in result["text"] and f"(enregistré : {score})" in result["text"]
    assert not result["spacy"], "le calcul a chargé spaCy"
    assert result["seconds"] < PAGE_SECONDS, f"calcul complet en {result['seconds']:.1f} s"
