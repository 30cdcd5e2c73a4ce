"""Blocks of fiches scored together, so that a run's memory follows a budget of pairs, not the plan's size.

Every array of a run is fiches × calls, and each fiche's row is computed from that fiche and every call alone
(its scores, rank, eligibility, neighbours and reasons do not depend on the other fiches): scoring the fiches by
blocks gives each pair what scoring them all at once gives.
"""

from __future__ import annotations

from math import ceil

PAIR_BUDGET = 4_000_000
"""Pairs scored at once: about 250 MB of arrays (the signals, scores and ranks of each pair)."""


def fiche_blocks(fiches: int, calls: int, budget: int = PAIR_BUDGET) -> list[range]:
    """Consecutive ranges of fiche rows covering all of them, of equal sizes, each of at most `budget` pairs (at
    least one fiche a block); a single block when every pair fits, or when there is nothing to score."""
    most = max(1, budget // max(calls, 1))
    count = max(1, ceil(fiches / most))
    size = max(1, ceil(fiches / count))
    return [range(start, min(start + size, fiches)) for start in range(0, fiches, size)] or [range(0, 0)]
