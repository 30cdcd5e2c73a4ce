"""Matching speed on synthetic data: a cold full match (model loading and text analysis included), then a
re-match after N new calls; prints seconds, pairs per second, peak memory and the machine.

    python benchmarks/match.py --calls 5000 --fiches 500 --new 50 --runs 1
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

from matcher import SpacyAnalyzer, match  # noqa: E402
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


def timed(calls: list[OpportunityData], fiches, porteurs, analyzer, encoder) -> float:
    start = time.perf_counter()
    match(calls, fiches, porteurs, {}, SynonymsConfig(), MatchingConfig(), AS_OF, analyzer=analyzer, encoder=encoder)
    return time.perf_counter() - start


def main() -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--fiches", type=int, default=500)
    parser.add_argument("--new", type=int, default=50)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    calls, (fiches, porteurs) = synthetic_calls(args.calls), synthetic_plan(args.fiches)
    print(f"machine : {os.cpu_count()} cœurs {platform.machine()}, Python {platform.python_version()}")
    analyzer, encoder = SpacyAnalyzer(), CachedEncoder(SpacyEncoder())
    cold = timed(calls, fiches, porteurs, analyzer, encoder)
    pairs = args.calls * args.fiches
    print(f"appariement à froid {args.calls} appels × {args.fiches} fiches : {cold:.1f} s ({pairs / cold:,.0f} paires/s)")
    new = synthetic_calls(args.new, start=args.calls)
    rematch = [timed(calls + new, fiches, porteurs, analyzer, encoder) for _ in range(args.runs)]
    print(f"réappariement après {args.new} nouveaux appels : médiane {statistics.median(rematch):.1f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"mémoire maximale : {peak:.0f} Mio")


if __name__ == "__main__":
    main()
