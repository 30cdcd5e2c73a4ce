"""Three plain baselines that `vigie eval` measures Vigie against: keyword overlap, TF-IDF cosine, BM25.

They see the same texts as Vigie (fiche: title, description, keywords; call: title, summary, description,
eligibility text, themes) with scikit-learn's word tokenizer, accents stripped and French stop words
removed, but no lemmas, synonyms, profiles, field weights or eligibility. Each returns a score matrix:
rows are fiches, columns are calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from models.records import FicheActionData, OpportunityData

from matcher.analysis import _SIMPLE_STOP, fold

STOP_WORDS = sorted({fold(w).rstrip("'") for w in _SIMPLE_STOP})
Baseline = Callable[[Sequence[str], Sequence[str]], np.ndarray]


def fiche_text(fiche: FicheActionData) -> str:
    """What a baseline reads of a fiche."""
    return " ".join([fiche.titre, fiche.description, *fiche.mots_cles])


def call_text(call: OpportunityData) -> str:
    """What a baseline reads of a call."""
    return " ".join([call.title, call.summary, call.description, call.eligibility_text, *call.themes])


def _vectorizer_args() -> dict:
    return dict(strip_accents="unicode", lowercase=True, stop_words=STOP_WORDS)


def keyword_overlap(queries: Sequence[str], documents: Sequence[str]) -> np.ndarray:
    """Share of the fiche's distinct words that the call contains."""
    vectorizer = CountVectorizer(binary=True, **_vectorizer_args()).fit([*queries, *documents])
    q, d = vectorizer.transform(queries), vectorizer.transform(documents)
    shared = (q @ d.T).toarray().astype(float)
    sizes = np.maximum(np.asarray(q.sum(axis=1)).ravel(), 1)
    return shared / sizes[:, None]


def tfidf_cosine(queries: Sequence[str], documents: Sequence[str]) -> np.ndarray:
    """Cosine similarity of TF-IDF vectors (idf fitted on the calls)."""
    vectorizer = TfidfVectorizer(sublinear_tf=True, **_vectorizer_args()).fit(documents)
    return (vectorizer.transform(queries) @ vectorizer.transform(documents).T).toarray()


def bm25(queries: Sequence[str], documents: Sequence[str], k1: float = 1.2, b: float = 0.75) -> np.ndarray:
    """Okapi BM25 of each call for each fiche's distinct words (Lucene idf)."""
    vectorizer = CountVectorizer(**_vectorizer_args()).fit(documents)
    tf = vectorizer.transform(documents).astype(float).tocsr()
    lengths = np.asarray(tf.sum(axis=1)).ravel()
    norm = k1 * (1 - b + b * lengths / max(lengths.mean(), 1e-9))
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log(1 + (tf.shape[0] - df + 0.5) / (df + 0.5))
    saturated = tf.copy()
    rows = np.repeat(np.arange(tf.shape[0]), np.diff(tf.indptr))
    saturated.data = tf.data * (k1 + 1) / (tf.data + norm[rows])
    query = (vectorizer.transform(queries) > 0).astype(float).multiply(idf[None, :]).tocsr()
    return (query @ saturated.T).toarray()


BASELINES: dict[str, Baseline] = {
    "mots-clés communs": keyword_overlap,
    "TF-IDF cosinus": tfidf_cosine,
    "BM25": bm25,
}

