"""BM25 over weighted term bags, keeping each term's contribution (the reasons quote them).

A small implementation rather than `rank-bm25` or `bm25s` (both installable): those take token
lists and return one number per document, while Vigie needs fractional field-weighted term
frequencies (title above body, a BM25F simplification) and the per-term breakdown of a score.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

K1 = 1.2
B = 0.75
FLOOR_SHARE = 0.15
"""Scores are divided by the fiche's best score, but never by less than this share of the fiche's ideal
score: when no call fits a fiche, its least bad call must not look like a perfect match."""


class Bm25:
    """An index of documents given as term bags (key → weighted frequency)."""

    def __init__(self, bags: Sequence[Mapping[str, float]], k1: float = K1, b: float = B) -> None:
        self.k1 = k1
        self.b = b
        self.count = len(bags)
        lengths = [sum(bag.values()) for bag in bags]
        self.avg_length = (sum(lengths) / self.count) if self.count else 0.0
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self._idf: dict[str, float] = {}
        for number, bag in enumerate(bags):
            norm = k1 * (1 - b + b * lengths[number] / self.avg_length) if self.avg_length else k1
            for key, freq in bag.items():
                self.postings[key].append((number, freq * (k1 + 1) / (freq + norm)))

    def idf(self, key: str) -> float:
        """Lucene's always-positive idf: rare terms weigh more."""
        if key not in self._idf:
            df = len(self.postings.get(key, ()))
            self._idf[key] = math.log(1 + (self.count - df + 0.5) / (df + 0.5))
        return self._idf[key]

    def ideal(self, query: Iterable[str]) -> float:
        """Score of an imaginary call of average length holding each known query term once."""
        return sum(self.idf(key) for key in set(query) if key in self.postings)

    def contributions(self, query: Iterable[str]) -> dict[int, dict[str, float]]:
        """Document number → {query key: its part of the score}, for documents sharing a key."""
        result: dict[int, dict[str, float]] = defaultdict(dict)
        for key in sorted(set(query)):  # sorted: float sums and ties must not depend on hash order
            idf = self.idf(key)
            for number, saturated in self.postings.get(key, ()):
                result[number][key] = idf * saturated
        return result


def normalised_scores(contributions: Mapping[int, Mapping[str, float]], floor: float = 0.0) -> dict[int, float]:
    """Scores divided by the best one (or by `floor` when higher), so that they fall in [0, 1] for one query."""
    totals = {number: sum(parts.values()) for number, parts in contributions.items()}
    best = max(max(totals.values(), default=0.0), floor)
    return {number: total / best for number, total in totals.items()} if best > 0 else {}
