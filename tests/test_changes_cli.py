"""`vigie changes`: the typed changes as a French table for people and as JSON with stable keys for scripts."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from clirun import run_cli
from factories import opportunity
from models.config import load_config
from models.store import Store
from vigie.context import source_kinds

KEYS = {"opportunity_id", "source", "source_id", "title", "url", "type", "before", "after", "detected_on",
        "detected_at", "label", "description"}


def crawl(store: Store, source: str, day: date, *records) -> None:  # noqa: ANN002
    store.store_crawl(source, list(records), datetime.combine(day, time(6), UTC), day, complete=True)


@pytest.fixture
def conf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A configuration made by `vigie init`, two crawls of two sources: a month ago and this week."""
    assert run_cli(capsys, "init", str(tmp_path / "conf")).code == 0
    store = Store.open(load_config(tmp_path / "conf", source_kinds()).database_url)
    crawl(store, "occitanie", date(2026, 10, 1), opportunity("a", title="Chaleur renouvelable"),
          opportunity("b", title="Friches"))
    crawl(store, "dge", date(2026, 10, 1), opportunity("d", source="dge", title="Industrie du futur"))
    crawl(store, "occitanie", date(2026, 10, 20), opportunity("a", title="Chaleur renouvelable", amount_max=600_000),
          opportunity("b", title="Friches"))
    crawl(store, "occitanie", date(2026, 11, 20), opportunity("a", title="Chaleur renouvelable", amount_max=600_000,
                                                              close_dates=[date(2027, 3, 15)]))
    crawl(store, "dge", date(2026, 11, 21), opportunity("d", source="dge", title="Industrie du futur",
                                                         beneficiaries=["pme"]))
    store.close()
    return tmp_path / "conf"


def vigie(capsys: pytest.CaptureFixture[str], conf: Path, *args: str):  # noqa: ANN201
    return run_cli(capsys, "--config", str(conf), "--as-of", "2026-11-23", "changes", *args)


def test_json_lists_the_last_weeks_changes_with_stable_keys_and_iso_dates(capsys, conf: Path) -> None:  # noqa: ANN001
    result = vigie(capsys, conf, "--format", "json")
    assert result.code == 0, result.err
    items = json.loads(result.out)
    assert all(set(i) == KEYS for i in items)
    assert [(i["source_id"], i["type"], i["before"], i["after"], i["detected_on"]) for i in items] == [
        ("a", "deadline_postponed", "2027-01-15", "2027-03-15", "2026-11-20"),
        ("b", "closed_early", "2027-01-15", "retire", "2026-11-20"),
        ("d", "beneficiaries_changed", ["epci", "commune"], ["pme"], "2026-11-21"),
    ]
    assert items[0]["description"] == "la date limite passe du 15/01/2027 au 15/03/2027 (repoussée de 59 jours)"


@pytest.mark.parametrize("since", ["2026-10-01", "01/10/2026"])
def test_since_a_day_in_either_spelling(capsys, conf: Path, since: str) -> None:  # noqa: ANN001
    items = json.loads(vigie(capsys, conf, "--depuis", since, "--format", "json").out)
    assert [(i["source_id"], i["type"]) for i in items][0] == ("a", "amount_changed")
    assert len(items) == 4


def test_one_source_only(capsys, conf: Path) -> None:  # noqa: ANN001
    items = json.loads(vigie(capsys, conf, "--source", "dge", "--depuis", "2026-01-01", "--format", "json").out)
    assert [(i["source"], i["type"]) for i in items] == [("dge", "beneficiaries_changed")]


def test_the_table_is_french_with_french_dates(capsys, conf: Path) -> None:  # noqa: ANN001
    result = vigie(capsys, conf)
    assert result.code == 0, result.err
    text = " ".join(result.out.split())  # a narrow terminal wraps the cells: words, not whole cells
    for expected in ("détecté le", "avant → après", "repoussée", "15/01/2027 →", "15/03/2027", "retiré de la",
                     "Bénéficiaires", "→ PME", "20/11/2026", "21/11/2026",
                     "3 changement(s) détecté(s) depuis le 16/11/2026."):
        assert expected in text, text
    assert "2027-03-15" not in result.out and "deadline_postponed" not in result.out


@pytest.mark.parametrize(("args", "message"), [
    (["--source", "nulle-part"], "source inconnue"),
    (["--depuis", "hier"], "date invalide"),
    (["--depuis", "2026-13-01"], "date invalide"),
])
def test_a_bad_option_is_one_french_line(capsys, conf: Path, args: list[str], message: str) -> None:  # noqa: ANN001
    result = vigie(capsys, conf, *args)
    assert result.code != 0 and message in result.err
