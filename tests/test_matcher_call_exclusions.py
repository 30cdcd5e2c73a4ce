"""Exclusions written by the funder in a call (« hors biomasse », « ne sont pas éligibles : … »): the subjects
found in the text, and the pairs whose fiche is about one of them pushed down with a reason."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from pydantic import ValidationError

from matcher import SimpleAnalyzer, SpacyAnalyzer
from matcher.call_exclusions import call_exclusions
from matcher.documents import Document, Field
from matcher.engine import MatchEngine
from matcher.pipeline import fiche_pairs
from matcher.tune.explain import explain
from models.config.schema import MatchingConfig, SynonymsConfig
from models.records import FicheActionData, OpportunityData, PorteurData
from vigie.tune.actions import PairExplanation
from vigie.tune.render import explain_lines
from vigie.web.reasons import reason_view

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def analyzer() -> SpacyAnalyzer:
    return SpacyAnalyzer()


def subjects(analyzer, text: str) -> list[str]:
    doc = Document(frozenset({"projet"}))
    doc.add(Field("description", 1.0, analyzer.analyze(text)))
    return [e.subject for e in call_exclusions(doc)]


@pytest.mark.parametrize("text, expected", [
    ("Chaleur bas carbone hors biomasse.", ["biomasse"]),
    ("Aide aux réseaux de chaleur hors biomasse et géothermie.", ["biomasse", "géothermie"]),
    ("Tous secteurs, à l'exclusion des projets d'éolien terrestre.", ["projets d'éolien terrestre"]),
    ("Toutes les énergies renouvelables, excepté le photovoltaïque.", ["photovoltaïque"]),
    ("Ouvert à tous les secteurs sauf l'agriculture.", ["agriculture"]),
    ("Chaleur renouvelable, biomasse exclue.", ["biomasse"]),
    ("Les projets de méthanisation sont exclus.", ["projets de méthanisation"]),
    ("Ne sont pas éligibles : les chaudières au fioul, les véhicules et les bâtiments neufs.",
     ["chaudières au fioul", "véhicules", "bâtiments neufs"]),
    ("Ne sont pas éligibles les entreprises de transport routier.", ["entreprises de transport routier"]),
    ("Sont exclus du dispositif :\n- les serres agricoles ;\n- les installations de cogénération.\n"
     "Le dossier se dépose en ligne.", ["serres agricoles", "installations de cogénération"]),
    ("Dépenses non éligibles : matériel roulant, frais de bouche.", ["matériel roulant", "frais de bouche"]),
    ("La géothermie profonde n'est pas éligible.", ["géothermie profonde"]),
    ("Le fonds ne finance pas la rénovation de logements.", ["rénovation de logements"]),
    ("Le fonds ne finance ni les véhicules ni le matériel informatique.", ["véhicules", "matériel informatique"]),
    ("Ne sont pas éligibles : les dépenses de recherche et développement.",
     ["dépenses de recherche et développement"]),
    ("Aides à l'efficacité énergétique des PME, hors biomasse, solaire et éolien.",
     ["biomasse", "solaire", "éolien"]),
    ("Hors biomasse, les entreprises industrielles peuvent déposer.", ["biomasse"]),
    ("Chaleur renouvelable hors biomasse, hors géothermie et hors solaire.", ["biomasse", "géothermie", "solaire"]),
], ids=["hors", "hors-et", "a-l-exclusion-de", "excepte", "sauf", "x-exclue", "sont-exclus-avant",
        "liste-apres-deux-points", "ne-sont-pas-eligibles-les", "puces", "non-eligibles", "n-est-pas-eligible",
        "ne-finance-pas", "ne-finance-ni-ni", "complement-coordonne", "virgules-puis-et", "virgule-sans-liste",
        "hors-repete"])
def test_the_subjects_a_call_excludes_are_cut_from_its_text(analyzer, text, expected):
    assert subjects(analyzer, text) == expected


@pytest.mark.parametrize("text", [
    "Montant plafonné à 20 000 € hors taxes (HT).",
    "Un savoir-faire hors du commun, des machines hors de prix.",
    "Sauf mention contraire, les dépenses sont retenues hors période estivale.",
    "Sauf exception, le dossier est instruit en deux mois.",
    "Ouvert aux communes hors zone urbaine et hors Île-de-France.",
    "Toutes les régions, à l'exclusion de la Corse.",
    "Accueil sauf le dimanche, hors juillet et août.",
    "Aucun secteur d'activité n'est exclu.",
    "Les entreprises en difficulté ne sont pas éligibles.",
    "Les projets éligibles sont sélectionnés par un jury.",
], ids=["hors-taxes", "hors-du-commun-hors-de-prix", "sauf-mention-hors-periode", "sauf-exception", "hors-zone",
        "a-l-exclusion-d-un-lieu", "jours-et-mois", "exclusion-niee", "formule-generale", "eligibles-sans-negation"])
def test_look_alikes_exclude_nothing(analyzer, text):
    assert subjects(analyzer, text) == []


def test_an_exception_to_an_exclusion_readmits_rather_than_excludes(analyzer):
    text = "Les véhicules thermiques ne sont pas éligibles, sauf les véhicules électriques."
    assert subjects(analyzer, text) == ["véhicules thermiques"]


def test_the_quote_shows_the_exclusion_in_the_call_s_words(analyzer):
    doc = Document(frozenset())
    doc.add(Field("title", 3.0, analyzer.analyze("Appel à projets chaleur bas carbone hors biomasse, pour les PME")))
    (found,) = call_exclusions(doc)
    assert found.quote == "Appel à projets chaleur bas carbone hors biomasse, pour …"
    assert found.field == "title"


AUCH = PorteurData(id="auch", nom="CC Grand Auch", type="epci", territoire="gers", geo_codes=["DEP-32"])
BOIS = FicheActionData(
    id="piscine-bois", porteur_id="auch", titre="Chaudière bois pour la piscine intercommunale",
    description="Remplacer la chaudière au fioul de la piscine par une chaudière bois alimentée en plaquettes "
    "locales, pour produire la chaleur du bassin.",
)
SOLAIRE = FicheActionData(
    id="piscine-solaire", porteur_id="auch", titre="Solaire thermique pour la piscine intercommunale",
    description="Poser des capteurs solaires thermiques pour produire la chaleur du bassin.",
)
SYNONYMS = SynonymsConfig(groups=[["chaufferie biomasse", "chaudière bois", "chaufferie bois"]])


def call(source_id: str, title: str, description: str) -> OpportunityData:
    return OpportunityData(source="test", source_id=source_id, url=f"https://example.org/{source_id}",
                           title=title, description=description)


HORS_BIOMASSE = call(
    "bas-carbone", "Chaleur bas carbone des collectivités hors biomasse",
    "Équipements de production de chaleur renouvelable des collectivités : pompes à chaleur, solaire thermique, "
    "géothermie. Les chaufferies biomasse sont exclues.",
)
SANS_EXCLUSION = call(
    "renouvelable", "Chaleur renouvelable des collectivités",
    "Équipements de production de chaleur renouvelable des collectivités : pompes à chaleur, solaire thermique, "
    "géothermie, chaufferies biomasse.",
)


def scored(factor: float, analyzer=None):
    engine = MatchEngine(analyzer or SimpleAnalyzer())
    matching = MatchingConfig(call_exclusion_factor=factor)
    return engine.score([HORS_BIOMASSE, SANS_EXCLUSION], fiche_pairs([BOIS, SOLAIRE], {"auch": AUCH}), {},
                        SYNONYMS, matching, TODAY)


def test_a_call_excluding_biomass_drops_below_a_comparable_call_for_the_wood_boiler_fiche_with_the_reason():
    run = scored(0.2)
    results = {(r.fiche_id, r.source_id): r for r in run.results()}
    excluded, plain = results["piscine-bois", "bas-carbone"], results["piscine-bois", "renouvelable"]
    assert excluded.score < plain.score
    assert run.rank_of(0, 1) == 1
    first = excluded.reasons[0]
    assert first.feature == "exclusion_appel" and first.weight == pytest.approx(-0.8)
    assert first.evidence == ("L'appel exclut « biomasse » (« Chaleur bas carbone des collectivités hors "
                              "biomasse ») et la fiche en parle")


def test_the_excluded_pair_is_its_fused_score_times_the_factor_and_other_fiches_keep_theirs():
    before, after = scored(1.0), scored(0.2)
    assert before.scores[0, 0] > before.scores[0, 1]  # without the exclusion, the call excluding biomass led
    assert after.scores[0, 0] == pytest.approx(round(before.scores[0, 0] * 0.2, 4))
    assert after.scores[1].tolist() == before.scores[1].tolist()
    assert after.scores[0, 1] == before.scores[0, 1]
    solar = [reason for r in after.results() if r.fiche_id == "piscine-solaire" for reason in r.reasons]
    assert solar and not any(reason.feature == "exclusion_appel" for reason in solar)


def test_the_real_analyzer_meets_the_exclusion_through_the_synonym_group(analyzer):
    run = scored(0.2, analyzer)
    assert run.exclusions.multiplier.tolist() == [[0.2, 1.0], [1.0, 1.0]]
    assert [e.subject for e in run.exclusions.fired(0, 0)] == ["biomasse"]


def test_a_learnt_reranker_s_scores_keep_the_call_s_exclusions():
    run = scored(0.5)
    run.rerank(np.full(run.shape, 0.8))
    assert run.scores.tolist() == [[0.4, 0.8], [0.8, 0.8]]


def test_the_explanation_of_a_pair_shows_the_exclusion_and_its_multiplier():
    run = scored(0.2)
    shown = explain(run, 0, 0, {})
    assert shown.exclusion_multiplier == pytest.approx(0.2)
    assert [subject for subject, _ in shown.call_exclusions] == ["biomasse"]
    assert explain(run, 1, 0, {}).call_exclusions == []


def test_vigie_tune_explain_prints_the_exclusion_with_the_multiplier():
    lines = explain_lines(PairExplanation(explain(scored(0.2), 0, 0, {}), None))
    at = lines.index("[bold]Exclusions écrites dans l'appel[/] : score × 0,20")
    assert "« biomasse »" in lines[at + 1] and "hors biomasse" in lines[at + 1]


def test_the_web_page_labels_the_reason_as_counting_against_the_match():
    reason = scored(0.2).results([(0, 0)])[0].reasons[0]
    view = reason_view(reason.model_dump())
    assert view.label == "Exclusion écrite dans l'appel" and view.against


@pytest.mark.parametrize("factor", [-0.1, 1.5])
def test_the_factor_must_lie_between_zero_and_one(factor):
    with pytest.raises(ValidationError):
        MatchingConfig(call_exclusion_factor=factor)
