"""Matching speed on synthetic data: a cold full match (model loading and text analysis included), then a
re-match after N new calls with the same engine (its caches warm); prints seconds, peak memory and the machine.

    python benchmarks/match.py --calls 5000 --fiches 500 --new 50 --runs 3

The run is what `vigie match` does short of the database: score every pair, then build the results worth
storing (`ScoredRun.kept()`: quoted reasons for each fiche's best calls).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matcher import SpacyAnalyzer  # noqa: E402
from matcher.analysis import load_french  # noqa: E402
from matcher.engine import MatchEngine  # noqa: E402
from matcher.incremental import fingerprints, pairs_to_write, stored_pairs  # noqa: E402
from matcher.pipeline import fiche_pairs  # noqa: E402
from matcher.run import ScoredRun  # noqa: E402
from matcher.semantic import CachedEncoder, SpacyEncoder  # noqa: E402
from models.config.schema import MatchingConfig, SynonymsConfig  # noqa: E402
from models.records import FicheActionData, OpportunityData, PorteurData  # noqa: E402

AS_OF = date(2026, 11, 23)
TOPICS = [
    "chaufferie biomasse et réseau de chaleur", "récupération de chaleur fatale des fours", "robotisation des ateliers",
    "reconversion d'une friche industrielle", "formation des apprentis aux métiers de l'industrie",
    "rénovation énergétique des bâtiments publics", "économie circulaire et valorisation des déchets",
    "tiers-lieu et atelier partagé", "photovoltaïque en toiture", "logement des jeunes actifs",
]
FILLER = ("Les dossiers sont instruits au fil de l'eau. Le projet doit être situé sur le territoire. Les dépenses "
          "éligibles comprennent les études, les travaux et l'équipement. Un comité de sélection se réunit chaque "
          "trimestre et rend un avis motivé au porteur.")


def synthetic_calls(count: int, start: int = 0, seed: int = 1) -> list[OpportunityData]:
    """Calls of a few hundred words mixing two topics and filler text."""
    rng = random.Random(seed + start)
    calls = []
    for n in range(start, start + count):
        a, b = rng.sample(TOPICS, 2)
        calls.append(OpportunityData(
            source="bench", source_id=f"c{n}", url=f"https://example.org/{n}", title=f"Aide n°{n} : {a}",
            summary=f"Soutenir {a} et {b}.", description=" ".join([f"Le dispositif finance {a}.", FILLER] * 4),
            beneficiaries=rng.choice([["epci"], ["pme", "eti"], ["association"], []]),
            geo_codes=rng.choice([["REG-76"], ["PAYS-99100"], ["REG-75"], []]),
            close_dates=[date(2027, rng.randint(1, 12), 15)],
        ))
    return calls


def synthetic_plan(count: int) -> tuple[list[FicheActionData], dict[str, PorteurData]]:
    """`count` fiches spread over 50 porteurs of the Gers."""
    porteurs = {f"p{i}": PorteurData(id=f"p{i}", nom=f"Porteur {i}", type="epci" if i % 2 else "entreprise",
                                     taille=None if i % 2 else "pme", territoire="t", geo_codes=["DEP-32"])
                for i in range(50)}
    fiches = [FicheActionData(id=f"f{n}", porteur_id=f"p{n % 50}", titre=f"Projet {n} : {TOPICS[n % len(TOPICS)]}",
                              description=f"Nous voulons avancer sur {TOPICS[(n * 3) % len(TOPICS)]}. {FILLER}")
              for n in range(count)]
    return fiches, porteurs


def cold_run(engine: MatchEngine, calls: list[OpportunityData], pairs) -> tuple[float, float, ScoredRun, list]:
    """Score every pair, then build the results worth storing: seconds for each, the run and the results."""
    start = time.perf_counter()
    run = engine.score(calls, pairs, {}, SynonymsConfig(), MatchingConfig(), AS_OF)
    scored = time.perf_counter()
    kept = run.results(run.kept())
    return scored - start, time.perf_counter() - scored, run, kept


def rematch(engine: MatchEngine, previous: ScoredRun, kept: list, calls: list[OpportunityData], pairs) -> tuple[float, int]:
    """What `vigie match` does after new calls: score everything, then build only the results to rewrite
    (pairs of new calls, and stored pairs whose eligibility, top-N membership or score drifted)."""
    states = {(r.fiche_id, r.source, r.source_id): (r.score, r.eligible, previous.rank_of(i, j))
              for (i, j), r in zip(previous.kept(), kept)}
    digests_before = fingerprints(previous, {}, SynonymsConfig())
    start = time.perf_counter()
    run = engine.score(calls, pairs, {}, SynonymsConfig(), MatchingConfig(), AS_OF)
    candidates = sorted(set(run.kept()) | set(stored_pairs(run, states)))
    written = run.results(pairs_to_write(run, candidates, fingerprints(run, {}, SynonymsConfig()), digests_before, states))
    return time.perf_counter() - start, len(written)


def machine() -> str:
    """CPU model, cores, load and Python version."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{model} — {os.cpu_count()} cœurs {platform.machine()}, charge {load}, Python {platform.python_version()}"


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--fiches", type=int, default=500)
    parser.add_argument("--new", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    calls, (fiches, porteurs) = synthetic_calls(args.calls), synthetic_plan(args.fiches)
    pairs = fiche_pairs(fiches, porteurs)
    print(f"machine : {machine()}")
    start = time.perf_counter()
    engine = MatchEngine(SpacyAnalyzer(), CachedEncoder(SpacyEncoder()))
    load_french()
    loaded = time.perf_counter() - start
    scored, built, run, kept = cold_run(engine, calls, pairs)
    cold = loaded + scored + built
    total = args.calls * args.fiches
    print(f"appariement à froid {args.calls} appels × {args.fiches} fiches ({total:,} paires) : {cold:.1f} s "
          f"(modèle {loaded:.1f} s, analyse et scores {scored:.1f} s, {len(kept):,} résultats gardés {built:.1f} s)")
    new = calls + synthetic_calls(args.new, start=args.calls)
    runs = [rematch(engine, run, kept, new, pairs) for _ in range(args.runs)]
    print(f"réappariement après {args.new} nouveaux appels : médiane de {args.runs} essais "
          f"{statistics.median(t for t, _ in runs):.1f} s ({runs[0][1]:,} résultats réécrits)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"mémoire maximale (RSS) : {peak:.0f} Mio")


if __name__ == "__main__":
    main()
