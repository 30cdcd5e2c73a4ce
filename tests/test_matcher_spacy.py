"""The real analyzer (spaCy fr_core_news_md): slow to load, so one small module loads it once."""

from __future__ import annotations

from datetime import date

import pytest

from matcher import SpacyAnalyzer, match
from matcher.analysis import load_french
from models.config.schema import CalibrationConfig, MatchingConfig, SynonymsConfig
from models.records import FicheActionData, OpportunityData, PorteurData


@pytest.fixture(scope="module")
def analyzer() -> SpacyAnalyzer:
    return SpacyAnalyzer()


def content_keys(analyzer: SpacyAnalyzer, text: str) -> dict[str, str]:
    return {t.text: t.key for t in analyzer.analyze(text) if not (t.is_stop or t.is_punct)}


def test_lemmatisation_brings_chaufferies_and_chaufferie_together(analyzer):
    keys = content_keys(analyzer, "Les chaufferies collectives. Une chaufferie biomasse.")
    assert keys["chaufferies"] == keys["chaufferie"]


def test_spacy_tokens_keep_accents_in_surface_forms_and_fold_them_in_keys(analyzer):
    tokens = {t.text: t for t in analyzer.analyze("Réseaux de chaleur et d’énergie.")}
    assert tokens["Réseaux"].folded == "reseaux"
    assert tokens["Réseaux"].key == "reseau"
    assert tokens["de"].is_stop and tokens["."].is_punct


def test_spacy_splits_sentences_with_parser_disabled_and_at_line_breaks(analyzer):
    tokens = analyzer.analyze("Première phrase sur la biomasse. Seconde phrase sur le bois\nUn point de liste")
    assert {t.sent for t in tokens} == {0, 1, 2}
    assert next(t for t in tokens if t.text == "bois").space


def test_spacy_pipeline_is_loaded_once_per_process(analyzer):
    analyzer.analyze_many(["un", "deux"])
    assert load_french() is load_french()
    assert "parser" not in load_french().pipe_names


def test_match_with_the_default_analyzer_uses_lemmas():
    porteur = PorteurData(id="p", nom="CC", type="epci", territoire="t", geo_codes=["DEP-32"])
    fiche = FicheActionData(id="f", porteur_id="p", titre="Créer des chaufferies au bois")
    call = OpportunityData(source="s", source_id="1", url="https://example.org/1", title="Chaufferie bois collective")
    other = OpportunityData(source="s", source_id="2", url="https://example.org/2", title="Formation numérique")
    config = MatchingConfig(calibration=CalibrationConfig(enabled=False))  # the fused score, as the signals make it
    results = match([call, other], [fiche], {"p": porteur}, {}, SynonymsConfig(), config, date(2026, 11, 24))
    assert [r.score for r in results] == [1.0, 0.0]
    assert "chaufferie bois" in results[0].reasons[0].evidence
