"""Web app latency: with N matches stored (default 20,000), the queue page and its JSON API under C concurrent
clients on loopback. Bounded: each client sends R requests per run; prints median p50 / p95 over the runs.

    python benchmarks/web.py [--matches 20000] [--clients 10] [--requests 20] [--runs 3]

The server runs in its own process (uvicorn, as `vigie serve` does) so that the clients do not share its GIL.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path

import httpx

from models.config import load_config
from models.records import FicheActionData, MatchResult, OpportunityData, PlanData, PorteurData, TerritoryData
from models.store import Store
from vigie.context import source_kinds
from vigie.defaults import copy_example_config
from vigie.web.security import hash_password

AS_OF = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, tzinfo=UTC)
SECRET = "benchmark-secret-key-0123456789-abcdefghijklmnop"
PASSWORD = "mot-de-passe-de-mesure"
ENDPOINTS = {"page /file": "/file", "page /file (tri échéance, filtre)": "/file?sort=echeance&funder=ADEME",
             "API /api/correspondances": "/api/correspondances"}


def fill(store: Store, matches: int) -> None:
    """One territory, 50 porteurs × 4 fiches, enough calls for `matches` pairs."""
    porteurs = [PorteurData(id=f"p{i}", nom=f"Porteur {i}", type="epci", territoire="gers-lomagne",
                            geo_codes=["DEP-32"]) for i in range(50)]
    fiches = [FicheActionData(id=f"p{i}-f{j}", porteur_id=f"p{i}", titre=f"Fiche {j} du porteur {i}",
                              axe=["innovation", "foncier", "competences", "transition_ecologique"][j])
              for i in range(50) for j in range(4)]
    store.import_plan(PlanData(territories=[TerritoryData(id="gers-lomagne", nom="Gers", geo_codes=["DEP-32"])],
                               porteurs=porteurs, fiches=fiches), NOW)
    n_calls = -(-matches // len(fiches))
    calls = [OpportunityData(source="bench", source_id=f"c{k}", url=f"https://example.org/c{k}",
                             title=f"Appel n°{k} : industrie et transition", funders=["ADEME" if k % 3 else "Bpifrance"],
                             close_dates=[date(2026, 12, 1 + k % 28), date(2027, 3, 1)]) for k in range(n_calls)]
    store.store_crawl("bench", calls, NOW, AS_OF, complete=True)
    results = [MatchResult(fiche_id=f.id, porteur_id=f.porteur_id, source="bench", source_id=c.source_id,
                           score=((k * 7919 + n) % 1000) / 1000, eligible=(k + n) % 5 != 0)
               for n, f in enumerate(fiches) for k, c in enumerate(calls)][:matches]
    store.save_matches(results, {}, NOW)
    store.add_user("bench", hash_password(PASSWORD), "admin", [], NOW)


def serve(directory: str, port: str) -> None:
    """Child process: the app on 127.0.0.1:PORT."""
    import uvicorn

    from vigie.web import create_app

    config = load_config(Path(directory), source_kinds())
    app = create_app(config, Store.open(config.database_url), lambda: AS_OF)
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning")


def logged_in(base: str) -> httpx.Client:
    """A client with a session cookie."""
    client = httpx.Client(base_url=base, timeout=30)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/connexion").text).group(1)
    client.post("/connexion", data={"username": "bench", "password": PASSWORD, "csrf": token})
    return client


def one_run(base: str, path: str, clients: int, requests: int) -> list[float]:
    """Latencies (ms) of clients × requests GETs of one path, `clients` at a time."""
    sessions = [logged_in(base) for _ in range(clients)]

    def worker(client: httpx.Client) -> list[float]:
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(path).raise_for_status()
            times.append((time.perf_counter() - start) * 1000)
        return times

    with ThreadPoolExecutor(clients) as pool:
        latencies = [t for batch in pool.map(worker, sessions) for t in batch]
    for client in sessions:
        client.close()
    return latencies


def main() -> None:
    """Build the data, start the server, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matches", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vigie-bench-web-"))
    try:
        measure(work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(work: Path, args: argparse.Namespace) -> None:
    """Fill, serve in a child process, run the clients, print the table."""
    copy_example_config(work / "conf")
    store = Store.open(load_config(work / "conf", source_kinds()).database_url)
    started = time.perf_counter()
    fill(store, args.matches)
    print(f"{len(store.matches())} correspondances enregistrées en {time.perf_counter() - started:.0f} s")
    store.close()
    env = {**os.environ, "VIGIE_SECRET_KEY": SECRET}
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(work / "conf"), str(args.port)], env=env)
    base = f"http://127.0.0.1:{args.port}"
    try:
        _wait(base)
        print(f"{args.clients} clients simultanés × {args.requests} requêtes, {args.runs} essais (médianes) :")
        for label, path in ENDPOINTS.items():
            runs = [sorted(one_run(base, path, args.clients, args.requests)) for _ in range(args.runs)]
            p50 = statistics.median(statistics.median(r) for r in runs)
            p95 = statistics.median(r[int(len(r) * 0.95) - 1] for r in runs)
            print(f"  {label:40s} p50 {p50:6.0f} ms   p95 {p95:6.0f} ms")
    finally:
        server.terminate()
        server.wait(10)


def _wait(base: str) -> None:
    for _ in range(200):
        try:
            httpx.get(f"{base}/connexion", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("le serveur de mesure n'a pas démarré")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(sys.argv[2], sys.argv[3])
    else:
        main()
