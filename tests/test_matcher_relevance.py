"""Relevance with the simple analyzer: BM25, synonyms, profiles and exclusions, fusion and ranking."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from matcher import SimpleAnalyzer, match
from matcher.engine import MatchEngine
from matcher.pipeline import fiche_pairs
from matcher.run import ScoredRun, Signals
from models.config.schema import CalibrationConfig, ExclusionConfig, MatchingConfig, MatchingWeights, ProfileConfig, SynonymsConfig
from models.errors import VigieError
from models.records import FicheActionData, MatchResult, OpportunityData, PorteurData

TODAY = date(2026, 11, 24)
NO_SYNONYMS = SynonymsConfig()
SYNONYMS = SynonymsConfig(
    acronyms={"ZAN": "zéro artificialisation nette"},
    groups=[["réseau de chaleur", "chauffage urbain"]],
)
CHALEUR = ProfileConfig(
    axes=["transition_ecologique"],
    terms={"biomasse": 3, "réseau de chaleur": 2, "chaleur renouvelable": 2},
    exclusions=[ExclusionConfig(term="agriculture")],
)


def call(source_id: str, title: str, description: str = "", **fields) -> OpportunityData:
    base = {"source": "test", "source_id": source_id, "url": f"https://example.org/{source_id}"}
    return OpportunityData(**base, title=title, description=description, **fields)


AUCH = PorteurData(id="grand-auch", nom="CC Grand Auch", type="epci", territoire="gers", geo_codes=["DEP-32"])
CHAUFFERIE = FicheActionData(
    id="chaufferie", porteur_id="grand-auch", axe="transition_ecologique",
    titre="Chaufferie biomasse et réseau de chaleur du parc d'activités",
    description="Créer une chaufferie bois alimentant un réseau de chaleur pour les entreprises du parc "
    "d'activités. Les chaufferies existantes au fioul seront remplacées.",
    mots_cles=["biomasse", "bois énergie"],
)
BIOMASSE = call(
    "biomasse", "Fonds Chaleur : chaufferies biomasse et réseaux de chaleur",
    "L'aide finance les chaufferies bois et la création de réseaux de chaleur alimentés par des énergies "
    "renouvelables.", summary="Produire de la chaleur renouvelable à partir de biomasse.",
)
DISTRACTEUR = call(
    "clubs", "Réseau d'entreprises du parc d'activités : animation et clubs",
    "Ce dispositif soutient l'animation d'un réseau d'entreprises sur les parcs d'activités : rencontres, "
    "chaleur humaine et partage de bonnes pratiques entre chefs d'entreprise.",
)
FORMATION = call("formation", "Former les salariés aux métiers du numérique", "Formations certifiantes.")


def run(calls, fiches=(CHAUFFERIE,), porteurs=None, profiles=None, synonyms=SYNONYMS, **kw) -> list[MatchResult]:
    porteurs = porteurs or {AUCH.id: AUCH}
    return match(calls, list(fiches), porteurs, profiles or {}, synonyms, MatchingConfig(**kw), TODAY,
                 analyzer=SimpleAnalyzer())


def scored(calls, fiches=(CHAUFFERIE,)) -> ScoredRun:
    """The engine's run itself (fused signals, ranks): what `vigie match` stores and `match` returns."""
    pairs = fiche_pairs(list(fiches), {AUCH.id: AUCH})
    return MatchEngine(SimpleAnalyzer()).score(calls, pairs, {}, SYNONYMS, MatchingConfig(), TODAY)


def by_call(results: list[MatchResult]) -> dict[str, MatchResult]:
    return {r.source_id: r for r in results}


def evidence(result: MatchResult, feature: str) -> str:
    return " | ".join(r.evidence for r in result.reasons if r.feature == feature)


def test_biomass_fiche_ranks_the_biomass_call_above_a_distractor_sharing_words():
    results = by_call(run([DISTRACTEUR, BIOMASSE, FORMATION]))
    assert results["biomasse"].score > results["clubs"].score > results["formation"].score
    assert scored([DISTRACTEUR, BIOMASSE, FORMATION]).rank_of(0, 1) == 1


def test_every_pair_is_returned_even_below_the_threshold_with_scores_in_zero_one():
    results = run([DISTRACTEUR, BIOMASSE, FORMATION], threshold=0.9)
    assert len(results) == 3
    assert all(0.0 <= r.score <= 1.0 for r in results)
    assert by_call(results)["formation"].score == 0.0


def test_an_acronym_synonym_makes_a_call_match():
    fiche = FicheActionData(id="sobriete", porteur_id="grand-auch", titre="Sobriété foncière",
                            description="Atteindre la zéro artificialisation nette sur l'intercommunalité.")
    zan = call("zan", "Trajectoire ZAN", "Accompagner les collectivités vers le ZAN.")
    calls = [zan, FORMATION]
    without = by_call(run(calls, fiches=[fiche], synonyms=NO_SYNONYMS))["zan"]
    with_synonyms = by_call(run(calls, fiches=[fiche]))["zan"]
    assert without.score == 0.0
    assert with_synonyms.score > 0.5
    assert "zéro artificialisation nette (ZAN)" in evidence(with_synonyms, "termes")


def test_a_lowercase_word_is_not_taken_for_an_acronym_in_prose():
    synonyms = SynonymsConfig(acronyms={"AMI": "appel à manifestation d'intérêt"})
    fiche = FicheActionData(id="f", porteur_id="grand-auch", titre="Manifestation d'intérêt pour un site")
    calls = [call("ami", "Un ami du territoire", "Rencontre amicale."), FORMATION]
    assert by_call(run(calls, fiches=[fiche], synonyms=synonyms))["ami"].score == 0.0


def test_a_synonym_group_brings_equivalent_terms_together():
    urbain = call("urbain", "Chauffage urbain", "Extension du chauffage urbain de la ville.")
    fiche = FicheActionData(id="f", porteur_id="grand-auch", titre="Réseau de chaleur communal")
    without = by_call(run([urbain, FORMATION], fiches=[fiche], synonyms=NO_SYNONYMS))["urbain"]
    with_group = by_call(run([urbain, FORMATION], fiches=[fiche]))["urbain"]
    assert (without.score, with_group.score > 0) == (0.0, True)


@pytest.mark.parametrize(
    ("sentence", "fires"),
    [
        ("Tous secteurs hors agriculture.", False),
        ("Tous secteurs, à l'exception de l'agriculture.", False),
        ("Hors pêche, chasse et agriculture.", False),
        ("Les exploitations en agriculture sont visées.", True),
        ("Hors industrie, sont visés les projets portés en agriculture biologique.", True),
        ("Hors industrie. L'agriculture est visée.", True),
    ],
    ids=["hors", "a-l-exception-de", "list-within-window", "plain", "negation-too-far", "other-sentence"],
)
def test_an_exclusion_fires_only_without_a_nearby_negation(sentence, fires):
    chaleur = call("chaleur", "Chaleur renouvelable", f"Production de chaleur renouvelable. {sentence}")
    result = by_call(run([chaleur, FORMATION], profiles={"chaleur-renouvelable": CHALEUR}))["chaleur"]
    assert ("agriculture" in evidence(result, "exclusion")) is fires


def test_an_exclusion_that_fires_lowers_the_score():
    negated = call("hors", "Chaleur renouvelable", "Chaleur renouvelable. Tous secteurs hors agriculture.")
    plain = call("agri", "Chaleur renouvelable", "Chaleur renouvelable. Tous secteurs dont agriculture.")
    results = by_call(run([negated, plain], profiles={"chaleur-renouvelable": CHALEUR}))
    assert results["hors"].score > results["agri"].score


def test_profiles_attach_through_fiche_porteur_or_axe():
    profiles = {"chaleur-renouvelable": CHALEUR.model_copy(update={"axes": []})}
    by_axe = {"chaleur-renouvelable": CHALEUR}
    named = FicheActionData(**CHAUFFERIE.model_dump() | {"profiles": ["chaleur-renouvelable"]})
    porteur = AUCH.model_copy(update={"profiles": ["chaleur-renouvelable"]})
    cases = [
        run([BIOMASSE], fiches=[named], profiles=profiles),
        run([BIOMASSE], porteurs={AUCH.id: porteur}, profiles=profiles),
        run([BIOMASSE], profiles=by_axe),
    ]
    assert all("profil chaleur-renouvelable" in evidence(r[0], "profil") for r in cases)
    assert evidence(run([BIOMASSE], profiles=profiles)[0], "profil") == ""


def test_reasons_quote_terms_as_written_profile_hits_and_a_sentence_pair():
    result = run([BIOMASSE, DISTRACTEUR], profiles={"chaleur-renouvelable": CHALEUR})[0]
    terms = evidence(result, "termes")
    assert terms.startswith("termes communs : ")
    assert "chaufferies biomasse" in terms and "réseaux de chaleur" in terms
    assert evidence(result, "profil") == (
        "profil chaleur-renouvelable : « biomasse » (+3), « réseau de chaleur » (+2) dans la fiche et dans l'appel ; "
        "dans l'appel seulement, compté à 56 % : chaleur renouvelable (+2)"
    )
    pair = evidence(result, "phrase")
    assert pair.startswith("« Chaufferie biomasse et réseau de chaleur du parc d'activités » ↔ « ")


def test_quoted_reasons_are_kept_for_pairs_worth_showing():
    results = by_call(run([DISTRACTEUR, BIOMASSE], threshold=0.9, top_n=1))
    assert evidence(results["biomasse"], "termes") and evidence(results["biomasse"], "phrase")
    assert results["clubs"].reasons == [] and len(results["clubs"].eligibility) == 4


def test_a_porteur_without_fiche_is_matched_through_its_profile_text():
    scierie = PorteurData(
        id="scierie", nom="Scierie du Gers", type="entreprise", taille="pme", territoire="gers",
        geo_codes=["DEP-32"], description="Scierie produisant des plaquettes de bois pour chaufferies.",
        mots_cles=["biomasse"],
    )
    results = run([BIOMASSE, FORMATION], porteurs={AUCH.id: AUCH, scierie.id: scierie})
    pseudo = [r for r in results if r.fiche_id == "scierie#profil"]
    assert [r.source_id for r in pseudo] == ["biomasse", "formation"]
    assert pseudo[0].score > pseudo[1].score


def test_a_fiche_whose_porteur_is_unknown_is_refused():
    orphan = FicheActionData(id="f", porteur_id="inconnu", titre="Fiche orpheline")
    with pytest.raises(VigieError, match="porteur inconnu : inconnu"):
        run([BIOMASSE], fiches=[orphan])


def test_ranks_order_eligible_calls_per_fiche_and_skip_ineligible_ones():
    closed = call("ferme", "Chaufferies biomasse", close_dates=[date(2026, 1, 1)])
    ranks = scored([DISTRACTEUR, closed, BIOMASSE])
    assert [ranks.rank_of(0, j) for j in range(3)] == [2, None, 1]


def test_ranks_break_ties_by_source_and_identifier():
    twins = [call("b", "Chaufferies biomasse"), call("a", "Chaufferies biomasse")]
    ranks = scored(twins)
    assert ranks.scores[0, 0] == ranks.scores[0, 1]
    assert [ranks.rank_of(0, j) for j in range(2)] == [2, 1]


@pytest.mark.parametrize(
    ("lexical", "profile", "semantic", "weights", "expected"),
    [
        (0.8, None, None, MatchingWeights(), 0.8),
        (0.8, 0.2, None, MatchingWeights(), 0.5),
        (1.0, 0.0, None, MatchingWeights(lexical=3, profile=1), 0.75),
        (1.0, None, None, MatchingWeights(lexical=0), 0.0),
        (0.9, None, 0.3, MatchingWeights(lexical=1, semantic=2), 0.5),
    ],
    ids=["only-active-signals-count", "equal-weights", "weighted", "no-active-weight", "semantic-slot"],
)
def test_fusion_is_the_weighted_mean_of_active_signals(lexical, profile, semantic, weights, expected):
    signals = Signals(np.array([[lexical]]), np.array([[profile or 0.0]]), np.array([profile is not None]),
                      None if semantic is None else np.array([[semantic]]))
    assert signals.fused(MatchingConfig(weights=weights))[0, 0] == pytest.approx(expected)


class FakeEncoder:
    """Vectors from two hand-picked words: enough to see the semantic slot take part."""

    def encode(self, texts):
        return [[float("biomasse" in t.lower()), float("numérique" in t.lower())] for t in texts]


def test_an_encoder_fills_the_semantic_slot():
    calls = [BIOMASSE, FORMATION]
    fusion_only = CalibrationConfig(enabled=False)  # the fused score itself, as the signals make it
    plain = by_call(run(calls, calibration=fusion_only))
    config = MatchingConfig(weights=MatchingWeights(lexical=1, profile=1, semantic=1), calibration=fusion_only)
    semantic = by_call(match(calls, [CHAUFFERIE], {AUCH.id: AUCH}, {}, SYNONYMS, config, TODAY,
                             analyzer=SimpleAnalyzer(), encoder=FakeEncoder()))
    assert plain["biomasse"].score == 1.0
    assert semantic["biomasse"].score == 1.0 and semantic["formation"].score == 0.0
