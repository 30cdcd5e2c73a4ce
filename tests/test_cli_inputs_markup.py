"""Outside text (crawled titles, plan cells, file names) is printed as written, never read as rich markup."""

from __future__ import annotations

import ast
import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from clirun import run_cli
from factories import opportunity
from models.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO_PLAN = ROOT / "vigie" / "demo" / "plan_actions.csv"
TITLE = "Chaleur [/bold] bois [red]réseau :fire:"
FICHE = "Réseau [/bold] de chaleur [red]bois"
PORTEUR = "CC [/] de Lomagne"


def write_plan(path: Path, porteur: str = PORTEUR, fiche: str = FICHE, bad: bool = False) -> Path:
    """The demo plan's first porteur (two fiches), its name and first fiche's title replaced."""
    rows = list(csv.reader(DEMO_PLAN.open(encoding="utf-8")))[:3]
    for row in rows[1:]:
        row[2] = porteur
    rows[1][9] = fiche
    rows[2][3] = "intercommunalite" if bad else rows[2][3]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def conf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A configuration whose store holds a plan and a crawled call full of rich markup."""
    conf = tmp_path / "conf"
    run_cli(capsys, "init", str(conf))
    assert run_cli(capsys, "--config", str(conf), "plan", "import", str(write_plan(tmp_path / "plan.csv"))).code == 0
    store = Store.open(f"sqlite:///{conf / 'var' / 'vigie.db'}")
    store.upsert_opportunity(opportunity(title=TITLE, geo_codes=["DEP-32"]), datetime(2026, 10, 1, tzinfo=UTC))
    store.close()
    return conf


def test_plan_show_prints_the_plan_cells_as_written(conf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "--config", str(conf), "plan", "show")
    assert result.code == 0, result.err
    assert "[/bold]" in result.out and "[red]" in result.out and "[/]" in result.out


def test_match_prints_crawled_titles_as_written(conf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "--config", str(conf), "--as-of", "2026-10-05", "match", "--all")
    assert result.code == 0, result.err
    assert "[/bold]" in result.out and "[red]" in result.out and ":fire:" in result.out


def test_review_list_prints_crawled_titles_as_written(conf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "--config", str(conf), "--as-of", "2026-10-05", "match").code == 0
    result = run_cli(capsys, "--config", str(conf), "--as-of", "2026-10-05", "review", "list")
    assert result.code == 0, result.err
    assert "[/bold]" in result.out and "1 correspondance(s) à revoir" in result.out


def test_a_refused_plan_is_named_as_written(conf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = write_plan(tmp_path / "dossier [/bold]" / "plan.csv", bad=True)
    result = run_cli(capsys, "--config", str(conf), "plan", "import", str(plan))
    assert result.code == 2
    assert f"({plan})" in result.err and "Traceback" not in result.err


MARKUP_ALLOWED = {"vigie/commands/tune_cmds.py"}
"""Files that print rich markup on purpose: their lines come from vigie.tune.render, which escapes outside text."""


def _keyword(call: ast.Call, name: str) -> object:
    found = [k.value for k in call.keywords if k.arg == name]
    return found[0].value if found and isinstance(found[0], ast.Constant) else (found[0] if found else None)


def _unsafe_calls(path: Path) -> list[str]:
    """Where a file of the CLI could read outside text as rich markup."""
    relative = path.relative_to(ROOT).as_posix()
    problems = []
    for call in (n for n in ast.walk(ast.parse(path.read_text("utf-8"))) if isinstance(n, ast.Call)):
        name = getattr(call.func, "attr", getattr(call.func, "id", ""))
        where = f"{relative}:{call.lineno}"
        if name == "Console" and _keyword(call, "markup") is not False:
            problems.append(f"{where}: Console without markup=False")
        if _keyword(call, "markup") is True and relative not in MARKUP_ALLOWED:
            problems.append(f"{where}: markup=True")
        if name == "from_markup" and relative != "vigie/commands/common.py":
            problems.append(f"{where}: Text.from_markup outside common.styled")
        if name == "Panel" and any(k.arg in ("title", "subtitle") for k in call.keywords):
            problems.append(f"{where}: a Panel title is read as markup")
    return problems


def test_no_output_of_the_cli_reads_outside_text_as_markup() -> None:
    files = [p for p in sorted((ROOT / "vigie").rglob("*.py")) if "web" not in p.relative_to(ROOT).parts]
    assert [line for path in files for line in _unsafe_calls(path)] == []
