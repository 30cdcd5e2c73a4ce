"""The semantic signal's slot: an `Encoder` turns texts into vectors, compared by cosine similarity.

No encoder ships in this version (no model is downloaded at run time), so the signal is inactive
and its weight (`matching.weights.semantic`) takes no part in the fusion. A later version plugs an
encoder into `match(..., encoder=…)`; tests use a fake one through the same argument.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol


class Encoder(Protocol):
    """Turns texts into fixed-length vectors."""

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text, in order."""
        ...


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity clipped to [0, 1] (opposite meanings count as unrelated, not negative)."""
    dot = sum(x * y for x, y in zip(a, b))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return max(0.0, dot / norm) if norm else 0.0


def semantic_scores(encoder: Encoder, queries: Sequence[str], documents: Sequence[str]) -> list[list[float]]:
    """Similarity of every query (fiche) to every document (call): rows are queries."""
    query_vectors = encoder.encode(queries)
    document_vectors = encoder.encode(documents)
    return [[cosine(q, d) for d in document_vectors] for q in query_vectors]
