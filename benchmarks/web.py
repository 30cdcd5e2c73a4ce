"""Web app latency: with N matches stored (default 20,000), the queue page and its JSON API under C concurrent
clients on loopback. Bounded: each client sends R requests per run; prints median p50 / p95 over the runs.

    python benchmarks/web.py [--matches 20000] [--clients 10] [--requests 20] [--runs 3] [--small]

The server is `vigie serve` as a user starts it, in its own process, on a port free when the benchmark starts
(the system's choice, binding port 0). Before measuring, the benchmark checks that the server answering is its
own: the process is still running and the account created for this run, with a random password, logs in and
reads the API. The server is stopped at the end (its peak RSS printed). Each run goes through the endpoints in
turn; each figure has the machine's load beside it.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import socket
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import Measure, last_line, load_now, load_span, machine, vigie_command  # noqa: E402

AS_OF = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 7, tzinfo=UTC)
SECRET = "benchmark-secret-key-0123456789-abcdefghijklmnop"
PASSWORD = secrets.token_urlsafe(18)
"""The account of this run: a server that lets it in and serves its data is the one this run started."""
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


def logged_in(base: str) -> httpx.Client:
    """A client with a session cookie."""
    client = httpx.Client(base_url=base, timeout=30)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/connexion").text)
    if token is None:
        raise SystemExit(f"{base} n'a pas le formulaire de connexion de Vigie : ce n'est pas le serveur de cette mesure")
    client.post("/connexion", data={"username": "bench", "password": PASSWORD, "csrf": token.group(1)})
    return client


def free_port() -> int:
    """A port free now on 127.0.0.1: the system's choice for port 0."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def one_run(sessions: list[httpx.Client], path: str, requests: int) -> list[float]:
    """Latencies (ms) of each session sending `requests` GETs of one path, all sessions at once."""

    def worker(client: httpx.Client) -> list[float]:
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(path).raise_for_status()
            times.append((time.perf_counter() - start) * 1000)
        return times

    with ThreadPoolExecutor(len(sessions)) as pool:
        return [t for batch in pool.map(worker, sessions) for t in batch]


def main() -> None:
    """Build the data, start the server, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matches", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small", action="store_true",
                        help="essai rapide : 2 000 correspondances, 4 clients × 10, 2 essais")
    args = parser.parse_args()
    if args.small:
        args.matches, args.clients, args.requests, args.runs = 2000, 4, 10, 2
    print(f"machine : {machine()}")
    work = Path(tempfile.mkdtemp(prefix="vigie-bench-web-"))
    try:
        measure(work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(work: Path, args: argparse.Namespace) -> None:
    """Fill, start `vigie serve`, check it is ours, run the clients (endpoints in turn), print the table."""
    copy_example_config(work / "conf")
    store = Store.open(load_config(work / "conf", source_kinds()).database_url)
    started = time.perf_counter()
    fill(store, args.matches)
    print(f"{len(store.matches())} correspondances enregistrées en {time.perf_counter() - started:.0f} s")
    store.close()
    port = free_port()
    env = {**os.environ, "VIGIE_SECRET_KEY": SECRET, "VIGIE_AS_OF": AS_OF.isoformat()}
    with (work / "serve.log").open("w") as log:
        server = subprocess.Popen(vigie_command() + ["--config", str(work / "conf"), "serve", "--port", str(port)],
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_own(base, server, work / "serve.log")
        print(f"serveur : vigie serve sur le port {port} (processus {server.pid}, le sien vérifié)")
        print(f"{args.clients} clients simultanés × {args.requests} requêtes, {args.runs} essai(s), points d'accès en "
              f"alternance (médianes) :")
        runs: dict[str, list[tuple[list[float], Measure]]] = {label: [] for label in ENDPOINTS}
        sessions = [logged_in(base) for _ in range(args.clients)]  # logged in once: the GETs are what is measured
        for _ in range(args.runs):
            for label, path in ENDPOINTS.items():
                latencies = sorted(one_run(sessions, path, args.requests))
                runs[label].append((latencies, Measure(0.0, load_now())))
        for client in sessions:
            client.close()
        for label, found in runs.items():
            p50 = statistics.median(statistics.median(r) for r, _ in found)
            p95 = statistics.median(r[int(len(r) * 0.95) - 1] for r, _ in found)
            print(f"  {label:40s} p50 {p50:6.0f} ms   p95 {p95:6.0f} ms — {load_span([m for _, m in found])}")
    finally:
        peak = _stop(server)
    print(f"serveur arrêté, pic RSS {peak:.0f} Mio")


def _wait_for_own(base: str, server: subprocess.Popen, log: Path) -> None:
    """Until the server answers; then check it is the one started here (running, and this run's account opens
    the API)."""
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"le serveur de mesure s'est arrêté (code {server.returncode}) : "
                             f"{last_line(log.read_text())}")
        try:
            httpx.get(f"{base}/connexion", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        raise SystemExit("le serveur de mesure n'a pas démarré")
    client = logged_in(base)
    answer = client.get("/api/correspondances")
    client.close()
    if server.poll() is not None or answer.status_code != 200:
        raise SystemExit(f"{base} ne répond pas comme le serveur de cette mesure (code {answer.status_code})")


def _stop(server: subprocess.Popen) -> float:
    """Stop the server; its peak RSS in MiB."""
    server.terminate()
    try:
        _, status, usage = _wait4(server, 10)
    except TimeoutError:
        server.kill()
        _, status, usage = os.wait4(server.pid, 0)
    server.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024


def _wait4(server: subprocess.Popen, timeout: float):  # noqa: ANN202 - (pid, status, rusage)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(server.pid, os.WNOHANG)
        if pid:
            return pid, status, usage
        time.sleep(0.05)
    raise TimeoutError


if __name__ == "__main__":
    main()
