"""`vigie rapport` as a user runs it: the files it writes, the day it records, and bad input refused in French
(exit code 2, nothing written)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import copil_world
from clirun import run_cli
from digestworld import example_config
from models.store import Store
from test_copil_render import importable_weasyprint


@pytest.fixture
def database(tmp_path: Path) -> str:
    """The example configuration in tmp_path/conf, its database filled with tests/copil_world.py."""
    config = example_config(tmp_path)
    store = Store.open(config.database_url)
    copil_world.build(store)
    store.close()
    return config.database_url


@pytest.fixture
def conf(database: str, tmp_path: Path) -> Path:
    return tmp_path / "conf"


def rapport(capsys: pytest.CaptureFixture[str], conf: Path, *args: str):  # noqa: ANN201
    return run_cli(capsys, "--config", str(conf), "--as-of", "2027-06-01", "rapport", *args)


def test_report_written_as_xlsx_and_its_day_recorded(capsys, conf: Path, database: str,  # noqa: ANN001
                                                     tmp_path: Path) -> None:
    target = tmp_path / "copil.xlsx"
    result = rapport(capsys, conf, "--territoire", "gers-lomagne", "--output", str(target))
    assert result.code == 0, result.err
    assert "changements depuis le 03/03/2027" in result.out
    assert load_workbook(target)["Fiches"]["C2"].value == "Réseau de chaleur"
    store = Store.open(database)
    assert store.last_copil_day("gers-lomagne", copil_world.AS_OF.replace(day=2)) == copil_world.AS_OF
    store.close()


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_report_in_html_and_pdf(capsys, conf: Path, tmp_path: Path, fmt: str) -> None:  # noqa: ANN001
    if fmt == "pdf":
        importable_weasyprint()
    target = tmp_path / f"copil.{fmt}"
    result = rapport(capsys, conf, "--territoire", "Gers – Lomagne", "--depuis", "01/03/2027", "--format", fmt,
                     "--output", str(target))
    assert result.code == 0, result.err
    head = target.read_bytes()[:15]
    assert head.startswith(b"%PDF") if fmt == "pdf" else head.startswith(b"<!DOCTYPE html")


BAD = [  # arguments, words of the French error
    (["--territoire", "vallee-inconnue"],
     "--territoire vallee-inconnue: territoire inconnu (territoires : gers-lomagne)"),
    (["--territoire", "gers-lomagne", "--depuis", "2027-13-45"], "--depuis 2027-13-45: date invalide"),
    (["--territoire", "gers-lomagne", "--depuis", "2027-07-01"], "date postérieure au 01/06/2027"),
    (["--territoire", "gers-lomagne", "--format", "docx"], "--format docx: format inconnu (formats : xlsx, html, pdf)"),
]


@pytest.mark.parametrize(("args", "words"), BAD, ids=["territory", "date", "future", "format"])
def test_bad_input_is_refused_in_french_and_nothing_written(capsys, conf: Path,  # noqa: ANN001
                                                            tmp_path: Path, args: list[str], words: str) -> None:
    target = tmp_path / "copil.out"
    result = rapport(capsys, conf, *args, "--output", str(target))
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("Erreur : rapport impossible: ") and words in result.err
    assert "Traceback" not in result.err and not target.exists()
