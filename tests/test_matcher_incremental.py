"""The match shell re-scores what changed only, and keeps the chef de projet's reviews (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from matcher import SimpleAnalyzer
from models.config.schema import SettingsConfig, SynonymsConfig, VigieConfig
from models.records import PlanData
from models.store import Store
from models.vocab import ReviewStatus
from tests.factories import opportunity, plan
from vigie.pipeline.match import match_stored

AS_OF = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 8, tzinfo=timezone.utc)


def config(**matching) -> VigieConfig:
    settings = SettingsConfig(matching=matching)
    return VigieConfig(directory=Path("."), settings=settings, sources=[], plan=PlanData(), profiles={},
                       synonyms=SynonymsConfig())


def scored_at(store: Store) -> dict[str, datetime]:
    titles = {i: d.source_id for i, d in store.opportunities()}
    return {titles[m.opportunity_id]: m.scored_at for m in store.matches()}


@pytest.fixture
def world(store: Store) -> Store:
    store.import_plan(plan(), NOW)
    calls = [("Réseaux de chaleur biomasse", "Chaleur renouvelable."), ("Chaufferie bois collective", "Bois."),
             ("Friches urbaines", "Requalifier des sites abandonnés.")]
    for n, (title, summary) in enumerate(calls):
        store.upsert_opportunity(opportunity(f"aap-{n}", title=title, summary=summary), NOW)
    return store


def test_a_second_run_without_changes_rewrites_nothing(world: Store):
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    before = scored_at(world)
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    assert before and scored_at(world) == before


def test_a_changed_call_is_rescored_and_the_others_are_left_alone_when_their_scores_hold(world: Store):
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    before = scored_at(world)
    moved = opportunity("aap-1", title="Chaufferie bois collective", summary="Bois.", url="https://example.org/n")
    world.upsert_opportunity(moved, NOW)
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    after = scored_at(world)
    changed = {k for k in after if after[k] != before.get(k)}
    assert "aap-1" in changed and "aap-0" not in changed


def test_a_changed_configuration_rescores_every_pair(world: Store):
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    before = scored_at(world)
    match_stored(config(stop_words=["aide"]), world, AS_OF, analyzer=SimpleAnalyzer())
    after = scored_at(world)
    assert all(after[k] != before[k] for k in before)


def test_reviews_survive_a_rescore(world: Store):
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    first = world.matches()[0]
    world.review(first.id, ReviewStatus.ACCEPTED, "camille", NOW, note="à déposer")
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer(), full=True)
    again = next(m for m in world.matches() if m.id == first.id)
    assert again.review_status == ReviewStatus.ACCEPTED.value and again.note == "à déposer"


def test_every_pair_is_returned_on_demand_and_only_the_pairs_worth_keeping_otherwise(world: Store):
    kept = match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    every = match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer(), every_pair=True)
    assert len(every) == 3 and {m.result.source_id for m in kept} <= {m.result.source_id for m in every}
    assert "aap-2" not in {m.result.source_id for m in kept}  # nothing in common with the fiche


def test_an_unchanged_pair_whose_score_drifts_beyond_the_tolerance_is_rewritten(world: Store):
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    before = scored_at(world)
    world.upsert_opportunity(opportunity("aap-9", title="Chaufferie biomasse, réseau de chaleur et bois énergie",
                                         summary="Chaufferies bois."), NOW)
    match_stored(config(), world, AS_OF, analyzer=SimpleAnalyzer())
    after = scored_at(world)
    assert "aap-9" in after and after["aap-0"] != before["aap-0"]  # the new best call lowers aap-0's score
