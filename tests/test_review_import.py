"""`vigie review import`: decisions taken outside the queue, recorded as the queue records them, all or none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.store import Store
from vigie.pipeline.clock import PARIS
from models.vocab import ReviewStatus
from tests.clirun import run_cli
from tests.decisions_world import NOW, match, populate, write_csv
from tests.factories import opportunity

HEADER = "fiche_id,source_id,decision,motif,date"


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Store]:
    """A configuration folder whose SQLite database holds the three territories and the calls."""
    directory = tmp_path / "conf"
    directory.mkdir()
    url = f"sqlite:///{tmp_path / 'vigie.db'}"
    (directory / "settings.toml").write_text(f'database_url = "{url}"\n', encoding="utf-8")
    (directory / "sources.toml").write_text("", encoding="utf-8")
    store = Store.open(url)
    populate(store)
    yield directory, store
    store.close()


def vigie_import(capsys, directory: Path, path: Path, *extra: str):
    return run_cli(capsys, "--config", str(directory), "--as-of", "2026-11-24", "review", "import", str(path), *extra)


def reviewed(store: Store) -> dict[tuple[str, int], tuple[str, str | None, str | None]]:
    """(fiche, opportunity id) → (status, reviewer, reject reason) of every decided match."""
    return {(m.fiche_id, m.opportunity_id): (m.review_status, m.reviewer, m.reject_reason)
            for m in store.matches() if m.review_status != ReviewStatus.PENDING.value}


def test_every_bad_row_is_named_in_french_and_nothing_is_stored(capsys, world, tmp_path: Path) -> None:
    directory, store = world
    path = write_csv(tmp_path / "d.csv", [HEADER, "V1,fonds-friches,accepte,,", "X9,fonds-friches,accepte,,",
                                          "V1,inconnu,rejete,,", "B1,sites-cles,peut-être,,",
                                          "B1,depollution,rejete,,2026-13-45", "G2,,accepte,,",
                                          "G2,sites-cles,accepte,,2027-01-05"])
    result = vigie_import(capsys, directory, path)
    assert result.code == 2
    assert "ligne 3 : fiche-action inconnue « X9 »" in result.err
    assert "ligne 4 : appel inconnu « inconnu »" in result.err
    assert "ligne 5 : décision « peut-être » non reconnue" in result.err
    assert "ligne 6 : date « 2026-13-45 » invalide" in result.err
    assert "ligne 7 : valeur manquante : source_id" in result.err
    assert "ligne 8 : date « 2027-01-05 » dans le futur" in result.err
    assert "ligne 2" not in result.err
    assert store.matches() == [] and store.review_decisions() == {}


def test_a_missing_column_is_named_and_nothing_is_stored(capsys, world, tmp_path: Path) -> None:
    directory, store = world
    path = write_csv(tmp_path / "d.csv", ["fiche_id,source_id,motif", "V1,fonds-friches,trop tard"])
    result = vigie_import(capsys, directory, path)
    assert result.code == 2 and "ligne 1 : colonne(s) absente(s) : decision" in result.err
    assert store.matches() == []


def test_a_french_excel_file_is_recorded_as_the_queue_records_decisions(capsys, world, tmp_path: Path) -> None:
    directory, store = world
    path = write_csv(tmp_path / "d.csv", ["Fiche_ID,Source_ID,Décision,Motif,Date",
                                          "V1,fonds-friches,Accepté,,2026-10-02",
                                          "B1,national:sites-cles,REJETÉ,hors sujet pour nous,02/10/2026",
                                          "G2,depollution,rejetée,,"], separator=";", bom=True)
    result = vigie_import(capsys, directory, path)
    assert result.code == 0, result.err
    assert "3 décisions importées : 1 acceptée, 2 rejetées" in result.out
    ids = {d.source_id: i for i, d in store.opportunities()}
    assert reviewed(store) == {("V1", ids["fonds-friches"]): ("accepte", "import", None),
                               ("B1", ids["sites-cles"]): ("rejete", "import", "hors sujet pour nous"),
                               ("G2", ids["depollution"]): ("rejete", "import", None)}
    days = {m.fiche_id: m.reviewed_at.astimezone(PARIS).date() for m in store.matches()}  # a Paris day, any hour
    assert days["V1"] == days["B1"] == date(2026, 10, 2) and days["G2"] == date(2026, 11, 24)


def test_par_names_the_reviewer(capsys, world, tmp_path: Path) -> None:
    directory, store = world
    path = write_csv(tmp_path / "d.csv", [HEADER, "V1,fonds-friches,accepte,,"])
    assert vigie_import(capsys, directory, path, "--par", "Claire Martin").code == 0
    assert [m.reviewer for m in store.matches()] == ["Claire Martin"]


def test_a_decision_goes_on_the_stored_match_and_survives_the_next_match(capsys, world, tmp_path: Path) -> None:
    directory, store = world
    match(store, tmp_path)
    before = {(m.fiche_id, m.opportunity_id): m.id for m in store.matches()}
    path = write_csv(tmp_path / "d.csv", [HEADER, "B1,ateliers-relais,rejete,déjà financé,"])
    assert vigie_import(capsys, directory, path).code == 0
    match(store, tmp_path)
    after = {(m.fiche_id, m.opportunity_id): (m.id, m.review_status) for m in store.matches()}
    ids = {d.source_id: i for i, d in store.opportunities()}
    key = ("B1", ids["ateliers-relais"])
    assert after[key] == (before[key], "rejete") and len(after) == len(before)


def test_a_pair_never_matched_is_recorded_and_keeps_its_decision_after_the_next_match(capsys, world,
                                                                                       tmp_path: Path) -> None:
    directory, store = world
    path = write_csv(tmp_path / "d.csv", [HEADER, "G1,chaufferies,accepte,,"])
    result = vigie_import(capsys, directory, path)
    assert result.code == 0 and "1 paire(s) jamais calculée(s)" in result.out
    match(store, tmp_path)
    stored = [m for m in store.matches() if m.fiche_id == "G1" and m.review_status == "accepte"]
    assert len(stored) == 1 and stored[0].score > 0.5 and stored[0].eligible


def test_an_identifier_two_sources_use_must_be_given_with_its_source(capsys, world, tmp_path: Path) -> None:
    directory, store = world
    store.upsert_opportunity(opportunity("fonds-friches", source="region", title="Friches de la Région"), NOW)
    path = write_csv(tmp_path / "d.csv", [HEADER, "V1,fonds-friches,accepte,,"])
    result = vigie_import(capsys, directory, path)
    assert result.code == 2 and "identifiant d'appel ambigu « fonds-friches »" in result.err
    assert "national:fonds-friches" in result.err and store.matches() == []
    path = write_csv(tmp_path / "d.csv", [HEADER, "V1,region:fonds-friches,accepte,,"])
    assert vigie_import(capsys, directory, path).code == 0
    region = next(i for i, d in store.opportunities() if d.source == "region")
    assert [m.opportunity_id for m in store.matches()] == [region]


def test_the_same_pair_twice_is_refused(capsys, world, tmp_path: Path) -> None:
    directory, store = world
    path = write_csv(tmp_path / "d.csv", [HEADER, "V1,fonds-friches,accepte,,", "V1,national:fonds-friches,rejete,,"])
    result = vigie_import(capsys, directory, path)
    assert result.code == 2 and "ligne 3 : même fiche et même appel qu'à la ligne 2" in result.err
    assert store.matches() == []
