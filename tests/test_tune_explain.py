"""`vigie tune explain` reproduces the stored score from the same run as `vigie match`; `vigie tune try` runs a
profile that is not installed yet (SQLite and PostgreSQL stores)."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import SimpleAnalyzer
from matcher.learning import FEATURES, Reranker
from models.errors import ConfigError, VigieError
from models.store import Store
from models.tables import MatchModel
from tests.tune_world import AS_OF, NOW, PROFILES, config_of, engine, fill, write_config
from vigie.pipeline.match import match_stored
from vigie.tune.actions import explain_pair, try_profile

EXCLUSION = '\n[[exclusions]]\nterm = "agriculture"\n'


@pytest.fixture
def world(store: Store) -> Store:
    return fill(store)


def stored_pairs(store: Store) -> list[tuple[str, str, float]]:
    ids = {i: o.source_id for i, o in store.opportunities()}
    return [(m.fiche_id, ids[m.opportunity_id], m.score) for m in store.matches()]


@pytest.mark.parametrize("reranked", [False, True, "bounded"], ids=["fused", "learnt-reranker", "bounded-reranker"])
def test_explain_reproduces_every_stored_score_to_the_third_decimal(world: Store, tmp_path: Path, reranked):
    if reranked:
        model = Reranker(list(FEATURES[:8]), [0.3] * 8, [0.2] * 8, [1.5, 0.8, 0.4, -0.2, 0.1, 0.3, 0.2, 0.9], -0.5,
                         0.5 if reranked == "bounded" else 0.0)
        world.save_match_model(MatchModel(trained_at=NOW, model=model.to_json(), active=True))
    config = config_of(write_config(tmp_path / "cur", threshold=0.0, top_n=9))
    match_stored(config, world, AS_OF, analyzer=SimpleAnalyzer(), full=True)
    pairs = stored_pairs(world)
    assert len(pairs) >= 6
    for fiche_id, source_id, score in pairs:
        found = explain_pair(config, world, AS_OF, fiche_id, source_id, engine())
        assert round(found.explanation.score, 3) == round(score, 3) == round(found.stored.score, 3)
        assert (found.explanation.intercept is not None) is bool(reranked)
        if reranked == "bounded":  # the score in service without a model, adjusted within ±25 %, then the exclusions
            e = found.explanation
            adjusted = e.unlearnt * (1 + 0.5 * (e.probability - 0.5)) * e.exclusion_multiplier
            assert adjusted == pytest.approx(score, abs=1e-3)


def test_explain_shows_each_step_of_the_fusion(world: Store, tmp_path: Path):
    config = config_of(write_config(tmp_path / "cur"))
    e = explain_pair(config, world, AS_OF, "F-CHALEUR", "chaleur", engine()).explanation
    active = [s for s in e.signals if s.active]
    assert [s.name for s in e.signals] == ["lexical", "profils"]
    assert e.fused == pytest.approx(round(sum(s.value * s.weight for s in active) / sum(s.weight for s in active), 4))
    assert [c.criterion for c in e.eligibility] == ["beneficiaire", "territoire", "calendrier", "montant"]
    assert e.rank == 1 and e.signals[0].rank == 1


def test_explain_quotes_the_text_each_profile_term_matched(world: Store, tmp_path: Path):
    config = config_of(write_config(tmp_path / "cur"))
    e = explain_pair(config, world, AS_OF, "F-CHALEUR", "hors-agri", engine()).explanation
    term = next(p for p in e.profiles if p.term == "décarbonation")
    assert term.kind == "terme commun" and term.weight == 4
    assert term.snippets[0].match == "décarbonation" and term.snippets[0].before.startswith("Investissements")


def test_explain_names_a_negated_exclusion_and_the_synonyms_that_fired(world: Store, tmp_path: Path):
    profiles = {**PROFILES, "decarbonation": PROFILES["decarbonation"] + EXCLUSION}
    synonyms = 'groups = [["décarbonation", "transition bas carbone"]]\n'
    config = config_of(write_config(tmp_path / "cur", profiles=profiles, synonyms=synonyms))
    e = explain_pair(config, world, AS_OF, "F-CHALEUR", "hors-agri", engine()).explanation
    excluded = [(p.kind, p.term) for p in e.profiles if not p.kind.startswith("terme")]
    assert excluded == [("exclusion neutralisée", "agriculture")]
    call_synonyms = [(text, origin) for label, text, origin, _ in e.synonyms if label == "appel"]
    assert ("transition bas carbone", "décarbonation") in call_synonyms


@pytest.mark.parametrize(("fiche", "call", "message"), [
    ("F-INCONNUE", "chaleur", "fiche-action inconnue"),
    ("F-CHALEUR", "aap-absent", "aucun appel ouvert"),
])
def test_explain_names_what_it_cannot_find(world: Store, tmp_path: Path, fiche: str, call: str, message: str):
    config = config_of(write_config(tmp_path / "cur"))
    with pytest.raises(VigieError, match=message):
        explain_pair(config, world, AS_OF, fiche, call, engine())


def test_try_runs_a_profile_that_is_not_installed(world: Store, tmp_path: Path):
    config = config_of(write_config(tmp_path / "cur"))
    trial = tmp_path / "essai" / "tourisme.toml"
    trial.parent.mkdir()
    trial.write_text('[terms]\n"randonnée" = 8\n"tourisme" = 5\n', encoding="utf-8")
    rows = try_profile(config, world, AS_OF, trial, "F-FONCIER", top=3, engine=engine())
    tried = next(r for r in rows if r.source_id == "tourisme")
    assert tried.before == 0 and tried.after > 0.3 and tried.rank is not None and tried.rank <= 3
    assert tried.terms == ["randonnée (+8)", "tourisme (+5)"]
    assert [r.after for r in rows] == sorted((r.after for r in rows), reverse=True)


def test_try_refuses_an_invalid_profile_with_file_and_key(world: Store, tmp_path: Path):
    config = config_of(write_config(tmp_path / "cur"))
    bad = tmp_path / "mauvais.toml"
    bad.write_text("[terms]\nfriche = 50\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        try_profile(config, world, AS_OF, bad, "F-FONCIER", top=3, engine=engine())
    assert any("mauvais.toml: terms" in line and "poids" in line for line in caught.value.problems)
