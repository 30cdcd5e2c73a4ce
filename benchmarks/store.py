"""Store throughput: storing a crawl of N calls (all new, then unchanged, then changed), on SQLite and
PostgreSQL. Prints the median of several runs, in calls per second, with the machine's load beside each figure.

    python benchmarks/store.py [--calls 2000] [--runs 5] [--pg postgresql://postgres@127.0.0.1:5432/test] [--small]

The two databases are measured in alternation (SQLite, PostgreSQL, SQLite…), each run on a fresh database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from models.records import OpportunityData
from models.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import Measure, load_now, load_span, machine, seconds  # noqa: E402

AS_OF = date(2026, 11, 24)


def calls(n: int, variant: str) -> list[OpportunityData]:
    """N synthetic calls; `variant` changes their summary (a content change)."""
    return [OpportunityData(
        source="bench", source_id=f"call-{i}", url=f"https://example.org/appels/{i}",
        title=f"Appel à projets n°{i} : chaleur renouvelable et friches industrielles",
        summary=f"Soutien aux projets {variant} des collectivités et PME ({i}).",
        beneficiaries=["epci", "pme"], geo_codes=["REG-76"], close_dates=[date(2027, 1, 15)],
    ) for i in range(n)]


def one_run(url: str, n: int) -> dict[str, Measure]:
    """Seconds (and the load after) of each of the three crawls."""
    store = Store.open(url)
    timings = {}
    for label, variant in (("nouveaux", "a"), ("inchangés", "a"), ("modifiés", "b")):
        batch = calls(n, variant)
        start = time.perf_counter()
        store.store_crawl("bench", batch, datetime.now(UTC), AS_OF, complete=True)
        timings[label] = Measure(time.perf_counter() - start, load_now())
    store.close()
    return timings


def pg_database(admin_url: str):  # noqa: ANN201
    """A fresh PostgreSQL database URL and a function dropping it, or None when no server answers."""
    import psycopg

    try:
        admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        return None
    name = f"vigie_bench_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name, lambda: admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def report(backend: str, runs: list[dict[str, Measure]], n: int) -> None:
    """Median calls/s per crawl kind, with the load."""
    for label in runs[0]:
        measures = [r[label] for r in runs]
        median = statistics.median(m.seconds for m in measures)
        print(f"{backend:<11} {label:<10} {n / median:>8.0f} appels/s  (médiane {seconds(median)}, {len(runs)} essais) "
              f"— {load_span(measures)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--small", action="store_true", help="essai rapide : 300 appels, 2 essais")
    args = parser.parse_args()
    if args.small:
        args.calls, args.runs = 300, 2
    print(f"machine : {machine()}")
    print(f"{args.calls} appels, SQLite et PostgreSQL en alternance")
    sqlite, postgres = [], []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(args.runs):
            sqlite.append(one_run(f"sqlite:///{folder}/b{i}.db", args.calls))
            database = pg_database(args.pg) if i == 0 or postgres else None
            if database is not None:
                url, drop = database
                postgres.append(one_run(url, args.calls))
                drop()
    report("SQLite", sqlite, args.calls)
    if postgres:
        report("PostgreSQL", postgres, args.calls)
    else:
        print("PostgreSQL : serveur injoignable, mesure sautée")


if __name__ == "__main__":
    main()
