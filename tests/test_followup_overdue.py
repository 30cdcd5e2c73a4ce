"""Dossiers « déposé » without outcome 90 days after their deadline, in the chef de projet's weekly letter."""

from __future__ import annotations

from pathlib import Path

import copil_world
from digestworld import example_config
from models.records import TerritoryData
from models.store import Store
from notifier.chef import render_chef_digest
from vigie.pipeline.chef_digest import gather
from vigie.pipeline.followup_overdue import overdue_for

TERRITORY = TerritoryData(id="gers-lomagne", nom="Gers – Lomagne", geo_codes=["DEP-32"],
                          chef_de_projet_nom="Camille Dufour", chef_de_projet_email="camille@example.org")


def test_chef_letter_lists_the_dossier_with_days_elapsed(tmp_path: Path) -> None:
    config = example_config(tmp_path)
    store = Store.open(config.database_url)
    copil_world.build(store)
    content = gather(config, store, TERRITORY, "2027-W22", copil_world.AS_OF, [])
    rendered = render_chef_digest(content, config.settings.sender, "<x@vigie>")
    assert "DOSSIERS DÉPOSÉS SANS RÉPONSE" in rendered.text
    text, html = (part.replace("\u00a0", " ") for part in (rendered.text, rendered.html))
    assert ("CC de la Lomagne — fiche « Réseau de chaleur » — déposé, sans réponse 121 jours après la "
            "clôture du 31/01/2027") in text
    assert "Dossiers déposés sans réponse" in html and "121 jours" in html


def test_outcome_recorded_takes_the_dossier_off_the_list(store: Store) -> None:
    ids = copil_world.build(store)
    assert [o.dossier.days for o in overdue_for(store, "gers-lomagne", 0.03, copil_world.AS_OF)] == [121]
    store.set_followup(ids[("F1", "fonds-vert")], "refuse", copil_world.AS_OF, None, 270_000)
    assert overdue_for(store, "gers-lomagne", 0.03, copil_world.AS_OF) == []
