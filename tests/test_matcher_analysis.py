"""Folding, comparison keys and the simple analyzer used by the unit tests."""

from __future__ import annotations

import pytest

from matcher import SimpleAnalyzer, fold
from matcher.analysis import key_of


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Réseaux", "reseaux"), ("d’énergie", "d'energie"), ("Cœur", "coeur"), ("ÎLE-DE-FRANCE", "ile-de-france")],
    ids=["accents", "typographic-apostrophe", "ligature", "uppercase"],
)
def test_fold_lowercases_and_removes_accents(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("variants",),
    [(["biomasse", "biomass", "biomasses"],), (["chaufferie", "chaufferies"],), (["réseau", "réseaux"],)],
    ids=["lemmatizer-slips", "plural", "plural-x"],
)
def test_key_of_brings_lemma_variants_together(variants):
    assert len({key_of(v) for v in variants}) == 1


def test_simple_analyzer_keeps_surface_forms_and_marks_stop_words():
    tokens = SimpleAnalyzer().analyze("Les chaufferies d’Auch, hors agriculture.")
    assert [t.text for t in tokens] == ["Les", "chaufferies", "d’", "Auch", ",", "hors", "agriculture", "."]
    assert [t.text for t in tokens if t.is_stop] == ["Les", "d’", "hors"]
    assert tokens[1].key == key_of("chaufferie") and tokens[4].is_punct


def test_simple_analyzer_starts_a_sentence_at_a_full_stop_or_a_line_break():
    tokens = SimpleAnalyzer().analyze("Première phrase. Seconde phrase\n- un point de liste")
    assert [t.sent for t in tokens if t.text in {"Première", "Seconde", "point"}] == [0, 1, 2]
