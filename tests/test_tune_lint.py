"""Profile lint inside `vigie check-config`: warnings with file and key, never a change of the exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher import SimpleAnalyzer
from matcher.tune.lint import duplicated_terms, shadowed_terms, weight_warnings
from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig
from models.store import Store
from models.vocab import ReviewStatus
from tests.clirun import run_cli
from tests.tune_world import NOW, config_of, engine, fill, write_config
from vigie.pipeline.match import match_stored
from vigie.tune.actions import lint


DUPLICATES = [
    pytest.param({"friche": 5, "Friches": 2}, ['profiles/p.toml: terms.Friches: terme en double : « Friches » est le '
                                               'même terme que « friche » (les deux comptent)'], id="plural-and-case"),
    pytest.param({"décarbonation": 4, "decarbonation": 1}, ["profiles/p.toml: terms.decarbonation: terme en double : "
                                                            "« decarbonation » est le même terme que « décarbonation » "
                                                            "(les deux comptent)"], id="accents"),
    pytest.param({"friche": 5, "friche industrielle": 6}, [], id="longer-phrase-is-not-a-duplicate"),
]


@pytest.mark.parametrize(("terms", "expected"), DUPLICATES)
def test_duplicated_terms_are_named_with_file_and_key(terms: dict[str, float], expected: list[str]):
    assert [w.line() for w in duplicated_terms({"p": ProfileConfig(terms=terms)})] == expected


def test_a_term_that_is_also_an_exclusion_is_named():
    p = ProfileConfig(terms={"agriculture": 2}, exclusions=[{"term": "Agriculture"}])
    assert [w.key for w in duplicated_terms({"p": p})] == ["exclusions[1].term"]


SHADOWS = [
    pytest.param(SynonymsConfig(groups=[["friche", "site délaissé"]]), {"friche": 5, "site délaissé": 2},
                 ['terms."site délaissé"'], id="same-group"),
    pytest.param(SynonymsConfig(acronyms={"ZAN": "zéro artificialisation nette"}),
                 {"ZAN": 3, "zéro artificialisation nette": 4}, ['terms."zéro artificialisation nette"'], id="acronym"),
    pytest.param(SynonymsConfig(groups=[["friche", "site délaissé"]]), {"friche": 5}, [], id="alone-in-its-group"),
]


@pytest.mark.parametrize(("synonyms", "terms", "keys"), SHADOWS)
def test_a_term_shadowed_by_a_synonym_is_named(synonyms: SynonymsConfig, terms: dict[str, float], keys: list[str]):
    found = shadowed_terms({"p": ProfileConfig(terms=terms)}, synonyms)
    assert [w.key for w in found] == keys
    assert all("masqué par le synonyme" in w.message and w.file == "profiles/p.toml" for w in found)


WEIGHTS = [
    pytest.param({"weights": {"lexical": 12}}, ["matching.weights.lexical"], id="over-the-range"),
    pytest.param({"weights": {"lexical": 0, "profile": 0, "semantic": 0}}, ["matching.weights"], id="all-zero"),
    pytest.param({"threshold": 1.5}, ["matching.threshold"], id="unreachable-threshold"),
    pytest.param({}, [], id="defaults"),
    pytest.param({"review_required": False, "threshold": 0.05}, ["matching.threshold"], id="low-threshold-unreviewed"),
    pytest.param({"review_required": False, "threshold": 0.2}, [], id="threshold-for-unreviewed-letters"),
]


@pytest.mark.parametrize(("matching", "keys"), WEIGHTS)
def test_weights_outside_the_allowed_range_are_warned(matching: dict, keys: list[str]):
    found = weight_warnings(MatchingConfig(**matching))
    assert [w.key for w in found] == keys and all(w.file == "settings.toml" for w in found)


def test_terms_that_match_no_stored_call_are_named(store: Store, tmp_path: Path):
    fill(store)
    profiles = {"foncier": '[terms]\nfriche = 5\n"plateforme logistique" = 2\n'}
    config = config_of(write_config(tmp_path / "cur", profiles=profiles))
    found = [w for w in lint(config, store, engine()) if "aucun des" in w.message]
    assert [(w.file, w.key) for w in found] == [("profiles/foncier.toml", 'terms."plateforme logistique"')]


def test_an_exclusion_that_fires_on_an_accepted_call_is_named(store: Store, tmp_path: Path):
    fill(store)
    profiles = {"decarbonation": 'axes = ["transition_ecologique"]\n[terms]\n"décarbonation" = 4\n'
                                 '[[exclusions]]\nterm = "agriculture"\n'}
    config = config_of(write_config(tmp_path / "cur", profiles=profiles, threshold=0.0))
    match_stored(config, store, NOW.date(), analyzer=SimpleAnalyzer())
    ids = {i: o.source_id for i, o in store.opportunities()}
    for m in store.matches():
        if m.fiche_id == "F-CHALEUR" and ids[m.opportunity_id] in ("avec-agri", "hors-agri"):
            store.review(m.id, ReviewStatus.ACCEPTED, "camille", NOW)
    found = [w for w in lint(config, store, engine()) if "accepté" in w.message]
    assert [w.key for w in found] == ["exclusions[1].term"]
    assert "« Transition des entreprises rurales »" in found[0].message and "F-CHALEUR" in found[0].message


def test_check_config_prints_warnings_and_keeps_its_exit_code(capsys: pytest.CaptureFixture[str], tmp_path: Path):
    conf = tmp_path / "conf"
    run_cli(capsys, "init", str(conf))
    path = conf / "profiles" / "foncier-friches.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("friche = 5", "friche = 5\nFriches = 1"), encoding="utf-8")
    result = run_cli(capsys, "--config", str(conf), "check-config")
    assert result.code == 0
    assert "avertissement : conf/profiles/foncier-friches.toml: terms.Friches: terme en double" in result.out
