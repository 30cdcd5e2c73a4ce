"""One person who is the contact of two porteurs (a consultant, a shared economic-development officer)
gets each porteur's weekly letter, once each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from conftest import NOW
from digestworld import example_config
from factories import opportunity, plan
from models.config import VigieConfig
from models.records import ContactData, FicheActionData, MatchResult, PorteurData
from models.store import Store
from models.vocab import ReviewStatus
from notifier import iso_week
from vigie.pipeline.digest import run_digests

DAY = date(2026, 11, 23)
SHARED = "dev@example.org"


@pytest.fixture
def config(tmp_path: Path) -> VigieConfig:
    return example_config(tmp_path)


@pytest.fixture
def store(config: VigieConfig) -> Iterator[Store]:
    data = plan()
    second = PorteurData(id="cc-gascogne", nom="CC de Gascogne", type="epci", territoire="gers-lomagne",
                         geo_codes=["DEP-32", "REG-76"], contacts=[ContactData(email=SHARED, nom="Claire")])
    fiche = FicheActionData(id="F2", porteur_id="cc-gascogne", titre="Chaufferie", description="Chaufferie bois.")
    store = Store.open(config.database_url)
    store.import_plan(data.model_copy(update={"porteurs": [*data.porteurs, second], "fiches": [*data.fiches, fiche]}),
                      NOW)
    store.upsert_opportunity(opportunity(), NOW)
    results = [MatchResult(fiche_id=f, porteur_id=p, source="occitanie", source_id="aap-1", score=0.8, eligible=True)
               for f, p in (("F1", "cc-lomagne"), ("F2", "cc-gascogne"))]
    store.save_matches(results, {("F1", "occitanie", "aap-1"): 1, ("F2", "occitanie", "aap-1"): 1}, NOW)
    for match in store.matches():
        store.review(match.id, ReviewStatus.ACCEPTED, "camille", NOW)
    yield store
    store.close()


def test_a_contact_of_two_porteurs_gets_both_letters_once(config: VigieConfig, store: Store) -> None:
    first = run_digests(config, store, iso_week(DAY), DAY, send=True)
    assert sorted((o.porteur_id, o.status) for o in first) == [("cc-gascogne", "written"), ("cc-lomagne", "written")]
    again = run_digests(config, store, iso_week(DAY), DAY, send=True)
    assert sorted(o.status for o in again) == ["already_sent", "already_sent"]
    assert len([d for d in store.digests(iso_week(DAY)) if d.recipient == SHARED]) == 2
