"""The semantic signal with a small fake encoder: chunking, best chunk, cache by text."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.semantic import CachedEncoder, chunks, semantic_matrix

WORDS = ["chaleur", "bois", "robot", "friche"]


class BagEncoder:
    """A fake encoder: one dimension per known word; counts calls."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        return np.array([[t.lower().count(w) for w in WORDS] for t in texts], dtype=np.float32)


def test_a_long_call_is_cut_at_sentence_ends_into_pieces():
    text = " ".join(f"Phrase numéro {i} sur le sujet." for i in range(60))
    pieces = chunks(text, words=20)
    assert len(pieces) > 5 and all(p.endswith(".") for p in pieces)


@pytest.mark.parametrize("text", ["", "   ", "un seul mot"], ids=["empty", "blank", "short"])
def test_short_or_empty_texts_give_one_piece(text):
    assert len(chunks(text)) == 1


def test_a_call_scores_by_its_best_chunk_not_its_average():
    filler = " ".join("Le robot soude." for _ in range(54))  # two full chunks of 81 words
    long_call = f"{filler}\nUne chaufferie bois produit de la chaleur."
    scores = semantic_matrix(BagEncoder(), ["chaleur bois"], [long_call, "friche"])
    assert scores[0, 0] > 0.9 and scores[0, 1] == 0.0


def test_the_cache_encodes_each_distinct_text_once():
    inner = BagEncoder()
    cached = CachedEncoder(inner)
    cached.encode(["bois", "robot", "bois"])
    cached.encode(["robot", "friche"])
    assert sorted(inner.seen) == ["bois", "friche", "robot"]


@pytest.mark.parametrize(("queries", "documents"), [([], ["chaleur bois"]), (["chaleur"], []), ([], [])],
                         ids=["no-fiche-yet", "no-call-yet", "nothing"])
def test_nothing_to_compare_gives_an_empty_matrix_of_the_right_shape(queries, documents):
    encoder = BagEncoder()
    assert semantic_matrix(encoder, queries, documents).shape == (len(queries), len(documents))
    assert encoder.seen == []
