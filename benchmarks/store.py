"""Store throughput: storing a crawl of N calls (all new, then unchanged, then changed), on SQLite and
PostgreSQL. Prints the median of several runs, in calls per second.

    python benchmarks/store.py [--calls 2000] [--runs 5] [--pg postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime

from models.records import OpportunityData
from models.store import Store

AS_OF = date(2026, 11, 24)


def calls(n: int, variant: str) -> list[OpportunityData]:
    """N synthetic calls; `variant` changes their summary (a content change)."""
    return [OpportunityData(
        source="bench", source_id=f"call-{i}", url=f"https://example.org/appels/{i}",
        title=f"Appel à projets n°{i} : chaleur renouvelable et friches industrielles",
        summary=f"Soutien aux projets {variant} des collectivités et PME ({i}).",
        beneficiaries=["epci", "pme"], geo_codes=["REG-76"], close_dates=[date(2027, 1, 15)],
    ) for i in range(n)]


def one_run(url: str, n: int) -> dict[str, float]:
    """Seconds for each of the three crawls."""
    store = Store.open(url)
    timings = {}
    for label, variant in (("nouveaux", "a"), ("inchangés", "a"), ("modifiés", "b")):
        batch = calls(n, variant)
        start = time.perf_counter()
        store.store_crawl("bench", batch, datetime.now(UTC), AS_OF, complete=True)
        timings[label] = time.perf_counter() - start
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


def report(backend: str, runs: list[dict[str, float]], n: int) -> None:
    """Median calls/s per crawl kind."""
    for label in runs[0]:
        median = statistics.median(r[label] for r in runs)
        print(f"{backend:<11} {label:<10} {n / median:>8.0f} appels/s  (médiane {median:.2f} s, {len(runs)} essais)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    print(f"Machine : {platform.processor() or platform.machine()}, Python {platform.python_version()}, {args.calls} appels")
    with tempfile.TemporaryDirectory() as folder:
        report("SQLite", [one_run(f"sqlite:///{folder}/b{i}.db", args.calls) for i in range(args.runs)], args.calls)
    runs = []
    for _ in range(args.runs):
        database = pg_database(args.pg)
        if database is None:
            print("PostgreSQL : serveur injoignable, mesure sautée")
            return
        url, drop = database
        runs.append(one_run(url, args.calls))
        drop()
    report("PostgreSQL", runs, args.calls)


if __name__ == "__main__":
    main()
