"""BM25 over weighted term bags, for every (fiche, call) pair at once as a sparse matrix product.

A small implementation over scipy.sparse rather than `rank-bm25` or `bm25s` (both installable): those
take token lists and score one query at a time, while Vigie needs fractional field-weighted term
frequencies (title above body, a BM25F simplification), all pairs in one product, and the per-term
breakdown of the pairs it explains (the reasons quote the shared terms).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from scipy import sparse

K1 = 1.2
B = 0.75
FLOOR_SHARE = 0.15
"""Scores are divided by the fiche's best score, but never by less than this share of the fiche's ideal
score: when no call fits a fiche, its least bad call must not look like a perfect match."""


class Bm25:
    """An index of call documents given as term bags (key → weighted frequency)."""

    def __init__(self, bags: Sequence[Mapping[str, float]], k1: float = K1, b: float = B) -> None:
        self.count = len(bags)
        self.vocabulary: dict[str, int] = {}
        rows, cols, freqs = [], [], []
        for number, bag in enumerate(bags):
            for key in sorted(bag):  # sorted: float sums must not depend on hash order
                rows.append(number)
                cols.append(self.vocabulary.setdefault(key, len(self.vocabulary)))
                freqs.append(bag[key])
        tf = np.asarray(freqs, dtype=np.float64)
        lengths = np.bincount(np.asarray(rows, dtype=np.int64), weights=tf, minlength=self.count)
        avg = lengths.mean() if self.count else 0.0
        norm = k1 * (1 - b + b * lengths / avg) if avg else np.full(self.count, k1)
        saturated = tf * (k1 + 1) / (tf + norm[np.asarray(rows, dtype=np.int64)]) if freqs else tf
        shape = (self.count, len(self.vocabulary))
        self.matrix = sparse.csr_matrix((saturated, (rows, cols)), shape=shape)
        df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(self.vocabulary))
        self.idfs = np.log(1 + (self.count - df + 0.5) / (df + 0.5))

    def idf(self, key: str) -> float:
        """Lucene's always-positive idf: rare terms weigh more (an unseen term weighs the most)."""
        column = self.vocabulary.get(key)
        if column is None:
            return math.log(1 + (self.count + 0.5) / 0.5)
        return float(self.idfs[column])

    def query_matrix(self, queries: Sequence[Iterable[str]]) -> sparse.csr_matrix:
        """One row per query: the idf of each of its distinct keys known to the index."""
        rows, cols = [], []
        for number, query in enumerate(queries):
            for column in sorted({self.vocabulary[k] for k in query if k in self.vocabulary}):
                rows.append(number)
                cols.append(column)
        values = self.idfs[np.asarray(cols, dtype=np.int64)] if cols else np.zeros(0)
        return sparse.csr_matrix((values, (rows, cols)), shape=(len(queries), len(self.vocabulary)))

    def normalised(self, queries: Sequence[Iterable[str]]) -> np.ndarray:
        """Scores of every query (rows) against every document (columns), each row divided by its best
        score or by `FLOOR_SHARE` of its ideal score when higher; so rows fall in [0, 1]."""
        q = self.query_matrix(queries)
        raw = np.asarray((q @ self.matrix.T).todense()) if self.count else np.zeros((len(queries), 0))
        ideal = np.asarray(q.sum(axis=1)).ravel()
        best = np.maximum(raw.max(axis=1, initial=0.0), FLOOR_SHARE * ideal)
        return np.divide(raw, best[:, None], out=np.zeros_like(raw), where=best[:, None] > 0)

    def contributions(self, query: Iterable[str], document: int) -> dict[str, float]:
        """{query key: its part of one document's score} for the keys the document holds."""
        start, end = self.matrix.indptr[document], self.matrix.indptr[document + 1]
        held = dict(zip(self.matrix.indices[start:end].tolist(), self.matrix.data[start:end].tolist()))
        parts = {}
        for key in set(query):
            column = self.vocabulary.get(key)
            if column is not None and column in held:
                parts[key] = float(self.idfs[column]) * held[column]
        return parts
