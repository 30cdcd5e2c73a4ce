"""French text as every package compares it (models.french): one folding, one plural rule, one stop list."""

from __future__ import annotations

import pytest

from matcher import SimpleAnalyzer
from matcher.tune.lint import term_key
from models.config.schema import MatchingConfig
from models.french import DEFAULT_STOP_WORDS, fold, plain_apostrophes, search_key, search_keys, singular
from vigie.web.reasons import segments, shared_stems

OEUVRE = ["Œuvre", "l’œuvre", "L‘ŒUVRE", "l'oeuvre"]


@pytest.mark.parametrize(("text", "folded"), [
    ("Réseaux", "reseaux"),
    ("d’énergie", "d'energie"),
    ("‘Cœur’", "'coeur'"),
    ("Ex æquo", "ex aequo"),
    (" ÎLE-DE-FRANCE ", "ile-de-france"),
    ("Straße", "strasse"),
    ("ﬁlière", "filiere"),
], ids=["accents", "apostrophe", "left-apostrophe-and-oe", "ae", "capitals-and-ends", "sharp-s", "fi-ligature"])
def test_fold_is_lower_case_without_accents_ligatures_or_typographic_apostrophes(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_plain_apostrophes_keeps_every_offset() -> None:
    text = "l’œuvre d‘art"
    assert plain_apostrophes(text) == "l'œuvre d'art" and len(plain_apostrophes(text)) == len(text)


@pytest.mark.parametrize(("word", "single"), [("friches", "friche"), ("reseaux", "reseau"), ("process", "process"),
                                              ("gaz", "gaz"), ("bus", "bus")])
def test_singular_drops_one_plural_mark(word: str, single: str) -> None:
    assert singular(word) == single


def test_oeuvre_is_one_word_for_the_matcher_whatever_its_writing() -> None:
    last = [SimpleAnalyzer().analyze(text)[-1] for text in OEUVRE]
    assert {t.folded for t in last} == {"oeuvre"} and len({t.key for t in last}) == 1


def test_oeuvre_is_one_word_for_search_and_highlighting_whatever_its_writing() -> None:
    assert [search_keys(text) for text in OEUVRE] == [{"oeuvr"}] * len(OEUVRE)
    assert shared_stems("Œuvre collective", "la main-d'oeuvre locale")
    marked = [text for text, hit in segments("la main-d’oeuvre locale", shared_stems("Œuvre", "l’œuvre")) if hit]
    assert marked == ["oeuvre"]


def test_profile_lint_compares_terms_through_the_same_folding() -> None:
    assert term_key("Main-d’Œuvres") == term_key("main d'oeuvre") == "main d oeuvre"


def test_search_leaves_out_the_matching_stop_words_and_their_plurals() -> None:
    assert MatchingConfig().stop_words == list(DEFAULT_STOP_WORDS)
    assert [search_key(w) for w in ("Appels", "projet", "dispositifs", "Aides", "friches")] == [None] * 4 + ["frich"]
