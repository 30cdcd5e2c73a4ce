"""The project's budget a call admits is stored apart from the aid, read back, and followed as a change."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from conftest import NOW
from factories import opportunity
from models.records import VOLATILE_FIELDS
from models.store import Store
from models.vocab import UpsertOutcome


def test_project_bounds_are_stored_and_read_back(store: Store) -> None:
    store.upsert_opportunity(opportunity("a", amount_min=20_000, project_min=500_000, project_max=3_000_000), NOW)
    store.upsert_opportunity(opportunity("b", project_min=150_000), NOW)
    read = {data.source_id: data for _, data in store.opportunities()}
    assert (read["a"].amount_min, read["a"].amount_max) == (20_000, 500_000)
    assert (read["a"].project_min, read["a"].project_max) == (500_000, 3_000_000)
    assert (read["b"].project_min, read["b"].project_max) == (150_000, None)


def test_a_new_project_floor_is_a_change_with_its_previous_value(store: Store) -> None:
    first = store.upsert_opportunity(opportunity(project_min=100_000), NOW)
    again = store.upsert_opportunity(opportunity(project_min=250_000), NOW + timedelta(days=1))
    assert (again.outcome, again.changed_fields) == (UpsertOutcome.CHANGED, ["project_min"])
    assert store.history(first.opportunity_id)[-1].before == {"project_min": 100_000.0}


def test_a_call_without_project_bounds_or_scope_keeps_the_hash_it_had_before_they_existed() -> None:
    call = opportunity()
    content = call.model_dump(mode="json", exclude=VOLATILE_FIELDS | {"project_min", "project_max", "geo_scope"})
    former = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
    assert call.content_hash() == former
    assert opportunity(project_max=2_000_000).content_hash() != former
    assert opportunity(geo_scope="union_europeenne").content_hash() != former
