"""`vigie tune diff`: what enters or leaves a fiche's top N or crosses the threshold, and why (SQLite and
PostgreSQL stores)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.records import FicheActionData, PlanData
from models.store import Store
from tests.factories import opportunity
from tests.tune_world import AS_OF, NOW, PROFILES, config_of, engine, fill, plan, write_config
from vigie.tune.actions import diff_against
from vigie.tune.bench import Bench
from vigie.tune.reference import load_setup


@pytest.fixture
def world(store: Store) -> Store:
    return fill(store)


def diff(store: Store, tmp_path: Path, reference: dict, current: dict):
    """Diff of a current folder against a reference folder, both written from keyword arguments."""
    write_config(tmp_path / "ref", **reference)
    config = config_of(write_config(tmp_path / "cur", **current))
    return diff_against(config, store, AS_OF, str(tmp_path / "ref"), engine())


def moved(result, movement: str) -> set[tuple[str, str]]:
    return {(c.fiche_id, c.source_id) for c in result.changes if c.movement == movement}


def test_an_unchanged_configuration_changes_nothing(world: Store, tmp_path: Path):
    result = diff(world, tmp_path, {}, {})
    assert not result.changed and result.counts["entre"] == 0 and result.pairs == 2 * 9


SYNONYM_CASES = [
    pytest.param('[acronyms]\nZAN = "zéro artificialisation nette"\n', ("F-FONCIER", "zan"), "ZAN", id="acronym"),
    pytest.param('groups = [["friche", "sobriété foncière"]]\n', ("F-FONCIER", "zan"), "friche", id="group"),
]


@pytest.mark.parametrize(("synonyms", "pair", "origin"), SYNONYM_CASES)
def test_adding_a_synonym_makes_a_call_enter_the_fiche_s_top_n(world: Store, tmp_path: Path, synonyms: str,
                                                                 pair: tuple[str, str], origin: str):
    result = diff(world, tmp_path, {"top_n": 2, "threshold": 0.05}, {"top_n": 2, "threshold": 0.05,
                                                                     "synonyms": synonyms})
    assert pair in moved(result, "entre")
    change = next(c for c in result.changes if (c.fiche_id, c.source_id) == pair)
    assert change.before.rank == 3 and change.after.rank == 2 and change.before.score < change.after.score
    assert "entre dans le top N" in change.crossings
    assert any("synonyme" in r and origin in r for r in change.reasons), change.reasons


EXCLUSION = '\n[[exclusions]]\nterm = "agriculture"\nnegations = ["hors", "sauf"]\nwindow = 3\n'
NEGATION_CASES = [
    pytest.param("hors-agri", False, id="hors-agriculture-negated"),
    pytest.param("avec-agri", True, id="y-compris-agriculture-fires"),
]


@pytest.mark.parametrize(("call", "fires"), NEGATION_CASES)
def test_an_exclusion_fires_only_where_its_term_is_not_negated(world: Store, tmp_path: Path, call: str,
                                                                fires: bool):
    profiles = {**PROFILES, "decarbonation": PROFILES["decarbonation"] + EXCLUSION}
    write_config(tmp_path / "cur", profiles=profiles)
    bench = Bench(world, AS_OF, engine())
    run = bench.run(load_setup(tmp_path / "cur", "test"))
    j = next(n for n, o in enumerate(bench.calls) if o.source_id == call)
    assert ("agriculture" in run.hits["decarbonation"][j].exclusions) is fires


def test_an_exclusion_that_fires_is_named_as_the_reason_a_call_leaves(world: Store, tmp_path: Path):
    profiles = {**PROFILES, "decarbonation": PROFILES["decarbonation"] + EXCLUSION}
    result = diff(world, tmp_path, {"threshold": 0.3}, {"threshold": 0.3, "profiles": profiles})
    left = {c.source_id: c for c in result.changes if c.fiche_id == "F-CHALEUR"}
    assert "hors-agri" not in left
    assert left["avec-agri"].movement == "sort"
    assert "exclusion « agriculture » du profil decarbonation se déclenche" in left["avec-agri"].reasons


@pytest.mark.parametrize("new_threshold", [0.3, 0.5, 0.7])
def test_raising_the_threshold_removes_exactly_the_pairs_between_the_two_thresholds(world: Store, tmp_path: Path,
                                                                                    new_threshold: float):
    write_config(tmp_path / "ref", threshold=0.1, top_n=9)
    bench = Bench(world, AS_OF, engine())
    before = bench.run(load_setup(tmp_path / "ref", "ref"))
    expected = {(f.id, o.source_id) for i, (f, _) in enumerate(before.pairs) for j, o in enumerate(before.calls)
                if before.eligible[i, j] and 0.1 <= before.scores[i, j] < new_threshold}
    result = diff(world, tmp_path, {"threshold": 0.1, "top_n": 9}, {"threshold": new_threshold, "top_n": 9})
    assert expected and moved(result, "sort") == expected and not moved(result, "entre")
    assert all(any("seuil 0,1 →" in r for r in c.reasons) for c in result.changes)


def test_a_new_profile_term_is_named_with_its_weight(world: Store, tmp_path: Path):
    profiles = {**PROFILES, "foncier": PROFILES["foncier"] + '"sobriété foncière" = 10\n'}
    result = diff(world, tmp_path, {"top_n": 2, "threshold": 0.05}, {"top_n": 2, "threshold": 0.05,
                                                                     "profiles": profiles})
    change = next(c for c in result.changes if c.source_id == "zan")
    assert change.movement == "entre"
    # The fiche says « friches » (+5), not « sobriété foncière »: the call's term counts × 5 / (5 + 4).
    assert "nouveau terme du profil foncier trouvé : « sobriété foncière » (+10, compté à 56 %)" in change.reasons


def test_a_weight_change_of_the_signals_is_named(world: Store, tmp_path: Path):
    write_config(tmp_path / "ref")
    current = write_config(tmp_path / "cur")
    (current / "settings.toml").write_text("[matching]\nthreshold = 0.2\ntop_n = 3\n[matching.weights]\nprofile = 0\n"
                                       "[matching.calibration]\nenabled = false\n")
    result = diff_against(config_of(current), world, AS_OF, str(tmp_path / "ref"), engine())
    assert [c.text for c in result.settings] == ["poids du signal profils 1 → 0"]
    assert result.changed and all("poids du signal profils 1 → 0" in c.reasons for c in result.changes
                                  if abs(c.before.score - c.after.score) > 0.001)


def test_the_diff_of_a_demo_sized_territory_takes_seconds(store: Store, tmp_path: Path):
    words = ["chaleur", "friche", "décarbonation", "bois", "foncier", "compétences", "recrutement", "hydrogène",
             "mobilité", "numérique", "industrie", "agriculture"]
    base = plan()
    fiches = [FicheActionData(id=f"F{n}", porteur_id="cc-lomagne", titre=f"Projet {words[n % 12]}",
                              description=f"{words[n % 12]} et {words[(n * 5) % 12]} pour le territoire.",
                              axe="foncier" if n % 2 else "transition_ecologique") for n in range(14)]
    store.import_plan(PlanData(territories=base.territories, porteurs=base.porteurs, fiches=fiches), NOW)
    for n in range(72):
        title = f"Appel {words[n % 12]} {words[(n * 7) % 12]}"
        store.upsert_opportunity(opportunity(f"aap-{n}", title=title, summary=f"Soutien : {words[(n * 3) % 12]}."),
                                 NOW)
    # 0.2 → 0.7: fiches that no profile concerns score on their lexical signal alone, rarely below 0.3.
    result = diff(store, tmp_path, {"threshold": 0.2}, {"threshold": 0.7, "synonyms": 'groups = [["bois", "forêt"]]\n'})
    assert result.pairs == 14 * 72 and result.changed
    assert result.seconds < 5, f"{result.seconds:.1f} s"
