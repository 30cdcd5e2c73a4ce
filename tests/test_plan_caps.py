"""A plan d'actions file too large to be a plan (a zip bomb, millions of rows or cells, a huge file) is refused
fast, naming the file and the limit, and nothing already stored is lost."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from clirun import run_cli
from models.errors import PlanImportError
from models.plan import read_plan

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "vigie" / "demo" / "plan_actions.csv"
SHEET = "xl/worksheets/sheet1.xml"
MAX_ROWS, MAX_CELLS = 20_000, 500_000
"""The caps the README states (models/plan/limits.py)."""
FAST = 5.0
"""Seconds a refusal may take (the hostile files used to run for minutes)."""


def workbook_with_sheet(path: Path, rows: Callable[[], Iterator[bytes]]) -> Path:
    """A real workbook whose sheet XML is replaced by the streamed `rows` (written compressed, never in memory)."""
    book = openpyxl.Workbook()
    book.active.append(["territoire", "fiche_id"])
    blank = io.BytesIO()
    book.save(blank)
    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != SHEET:
                out.writestr(info, source.read(info))
                continue
            head = source.read(info).split(b"<sheetData>")[0]
            with out.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(head + b"<sheetData>")
                for chunk in rows():
                    sheet.write(chunk)
                sheet.write(b"</sheetData></worksheet>")
    return path


def repeated_rows(megabytes: int) -> Callable[[], Iterator[bytes]]:
    """The same small row over and over: `megabytes` of XML that deflate squeezes about 300 times."""
    chunk = b'<row><c t="inlineStr"><is><t>gers-lomagne</t></is></c></row>' * 16384

    def rows() -> Iterator[bytes]:
        for _ in range(megabytes * 1024 * 1024 // len(chunk)):
            yield chunk
    return rows


def refusal(path: Path) -> tuple[list[str], float]:
    """The problems read_plan refuses `path` with, and how long it took."""
    start = time.monotonic()
    with pytest.raises(PlanImportError) as caught:
        read_plan(path)
    return caught.value.problems, time.monotonic() - start


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Under 1 MB on disk, 200 MB of sheet XML once decompressed (millions of rows)."""
    path = workbook_with_sheet(tmp_path_factory.mktemp("bombe") / "bombe.xlsx", repeated_rows(200))
    assert path.stat().st_size < 1024 * 1024
    return path


def in_child(*args: str) -> subprocess.CompletedProcess:
    """Python ARGS in its own process: the code before the caps ran for minutes on such files, the timeout
    ends it then."""
    env = dict(os.environ, VIGIE_LOG_FILE="")
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=90, env=env)


def test_a_zip_bomb_workbook_is_refused_fast_naming_the_file_and_the_limit(bomb: Path) -> None:
    script = ("import json, sys, time; from models.plan import read_plan; from models.errors import PlanImportError\n"
              "start = time.monotonic()\n"
              "try:\n    read_plan(sys.argv[1])\nexcept PlanImportError as error:\n"
              "    print(json.dumps([time.monotonic() - start, error.problems]))")
    took, problems = json.loads(in_child("-c", script, str(bomb)).stdout)
    assert problems == ["bombe.xlsx: classeur refusé : son contenu décompressé ferait 199,7\u00a0Mo "
                        "(limite : 50\u00a0Mo)"]
    assert took < FAST


def test_a_zip_bomb_import_leaves_the_stored_plan_as_it_was(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            bomb: Path) -> None:
    run_cli(capsys, "init", str(tmp_path / "conf"))
    conf = str(tmp_path / "conf")
    assert run_cli(capsys, "--config", conf, "plan", "import", str(DEMO)).code == 0
    before = run_cli(capsys, "--config", conf, "plan", "show").out
    done = in_child("-m", "vigie", "--config", conf, "plan", "import", str(bomb))
    assert done.returncode == 2 and "bombe.xlsx: classeur refusé" in done.stderr
    assert "Traceback" not in done.stderr
    assert run_cli(capsys, "--config", conf, "plan", "show").out == before


def test_a_member_expanding_far_more_than_spreadsheet_xml_is_refused(tmp_path: Path) -> None:
    problems, took = refusal(workbook_with_sheet(tmp_path / "plan.xlsx", repeated_rows(20)))
    assert problems == ["plan.xlsx: classeur refusé : une de ses parties se décompresse plus de 100 fois "
                        "(limite : 100 fois ; fichier piégé ou endommagé, réenregistrez-le depuis Excel "
                        "ou LibreOffice)"]
    assert took < FAST


def test_a_workbook_of_too_many_rows_is_refused_fast(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("plan")
    for number in range(MAX_ROWS + 5):
        sheet.append(["gers-lomagne", f"F-{number}"])
    book.save(tmp_path / "plan.xlsx")
    problems, took = refusal(tmp_path / "plan.xlsx")
    assert problems == ["plan.xlsx: trop de lignes (limite : 20\u00a0000 lignes par fichier)"]
    assert took < FAST


def test_a_workbook_of_too_many_cells_is_refused(tmp_path: Path) -> None:
    # One cell in the last column of each row: openpyxl gives 16 384 values per row.
    def wide_rows() -> Iterator[bytes]:
        for number in range(1, MAX_CELLS // 16384 + 2):
            yield f'<row r="{number}"><c r="XFD{number}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
    problems, took = refusal(workbook_with_sheet(tmp_path / "plan.xlsx", wide_rows))
    assert problems == ["plan.xlsx: trop de cellules (limite : 500\u00a0000 cellules par feuille, "
                        "dépassée à la ligne 31)"]
    assert took < FAST


def test_a_workbook_row_numbered_far_away_is_refused_fast(tmp_path: Path) -> None:
    def far_row() -> Iterator[bytes]:
        yield b'<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row>'
    problems, took = refusal(workbook_with_sheet(tmp_path / "plan.xlsx", far_row))
    assert problems == ["plan.xlsx: trop de lignes (limite : 20\u00a0000 lignes par fichier)"]
    assert took < FAST


def test_a_csv_of_too_many_rows_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("territoire,fiche_id\n" + "gers-lomagne,F\n" * MAX_ROWS, encoding="utf-8")
    problems, took = refusal(path)
    assert problems == ["plan.csv: trop de lignes (limite : 20\u00a0000 lignes par fichier)"]
    assert took < FAST


@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx"])
def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"territoire,fiche_id\n" + b"gers-lomagne,F\n" * (800 * 1024))
    problems, took = refusal(path)
    assert problems == [f"{name}: fichier trop volumineux (11,7\u00a0Mo ; limite : 10\u00a0Mo)"]
    assert took < FAST
