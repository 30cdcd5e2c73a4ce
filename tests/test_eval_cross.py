"""Learning across territories simulated on a labelled set: each territory is ranked having heard only the others."""

from __future__ import annotations

from matcher import SimpleAnalyzer
from models.config.schema import SynonymsConfig
from tests.decisions_world import AS_OF, CALLS, plan, settings
from tests.factories import opportunity
from vigie.pipeline.evaluate_cross import cross_territory_rankings, other_decisions

CALL_RECORDS = [opportunity(source_id, source="national", title=title, summary=summary, geo_codes=["PAYS-99100"],
                            beneficiaries=["epci", "commune"]) for source_id, (title, summary) in CALLS.items()]
GRADES = {("V1", "fonds-friches"): 3, ("V2", "fonds-friches"): 2, ("G2", "fonds-friches"): 3,
          ("V1", "sites-cles"): 1, ("B1", "ateliers-relais"): 3, ("G1", "chaufferies"): 3}


def rank(grades: dict, **options):
    return cross_territory_rankings(CALL_RECORDS, plan(), grades, {}, SynonymsConfig(), settings().matching, AS_OF,
                                    analyzer=SimpleAnalyzer(), **options)


def test_grades_become_decisions_of_the_other_territories_only() -> None:
    territory_of = {"V1": "vosges", "V2": "vosges", "G2": "gers", "B1": "finistere", "G1": "gers"}
    decisions = other_decisions(GRADES, territory_of, "vosges", {"B1": ["depollution"]})
    assert {(d.fiche_id, d.call, d.accepted) for d in decisions} == {
        ("G2", "fonds-friches", True), ("B1", "ateliers-relais", True), ("G1", "chaufferies", True),
        ("B1", "depollution", False)}


def test_a_territory_is_ranked_with_what_the_others_accepted_and_never_with_its_own_grades() -> None:
    found = rank(GRADES, queue_top=0)
    assert found.neighbours["B1"].index("fonds-friches") < found.content["B1"].index("fonds-friches")
    changed = rank({**GRADES, ("B1", "fonds-friches"): 0, ("B1", "depollution"): 3}, queue_top=0)
    assert changed.neighbours["B1"] == found.neighbours["B1"]
    assert set(found.notes) == {"vosges", "finistere", "gers"} and "décision(s) entendue(s)" in found.notes["gers"]


def test_without_a_kept_ranker_the_learnt_rankings_are_those_production_would_show() -> None:
    found = rank(GRADES, queue_top=0, min_reviews=1000)
    assert found.learned == found.neighbours and found.cold == found.content
    assert "pas assez de revues" in found.notes["finistere"]


def test_the_learnt_rankings_follow_the_gate_exactly_as_production_does() -> None:
    found = rank(GRADES, min_reviews=10)
    territory_of = {"V1": "vosges", "V2": "vosges", "B1": "finistere", "G1": "gers", "G2": "gers"}
    kept = {t for t, note in found.notes.items() if "modèle gardé" in note}
    assert all("sur le territoire laissé de côté" in note for note in found.notes.values())
    assert "finistere" not in kept and found.fitted["B1"] != found.learned["B1"]  # fitted, refused by the gate
    for fiche, territory in territory_of.items():
        if territory in kept:
            assert found.learned[fiche] == found.fitted[fiche]
        else:
            assert found.learned[fiche] == found.neighbours[fiche] and found.cold[fiche] == found.content[fiche]
