"""`vigie --help` and the commands that do not score start without the heavy libraries (scoring, crawling,
spreadsheets): they are imported inside the commands that use them."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sklearn", "spacy", "scrapy", "openpyxl")

PROBE = """
import sys
import vigie.cli
heavy = {heavy!r}
print(sorted(m for m in heavy if m in sys.modules))
codes = []
for args in {runs!r}:
    try:
        codes.append(vigie.cli.main(args))
    except SystemExit as exc:
        codes.append(exc.code or 0)
print(codes)
print(sorted(m for m in heavy if m in sys.modules))
"""


def probe(runs: list[list[str]], heavy: tuple[str, ...] = HEAVY, env: dict | None = None) -> tuple[list, str]:
    """The heavy modules loaded after `import vigie.cli`, then after running `runs` (each must succeed), in a
    fresh interpreter; and what the runs printed."""
    code = PROBE.format(heavy=heavy, runs=runs)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, **(env or {}), "COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert ast.literal_eval(lines[-2]) == [0] * len(runs), out.stdout + out.stderr
    return [ast.literal_eval(lines[0]), ast.literal_eval(lines[-1])], "\n".join(lines[1:-2])


def test_importing_the_cli_and_its_help_loads_no_heavy_library():
    assert probe([["--help"]])[0] == [[], []]


@pytest.mark.parametrize("command", [
    ["review", "list"], ["status"], ["plan", "show"], ["sources"], ["user", "add"], ["match"], ["crawl"],
    ["tune", "diff"], ["eval"], ["demo"], ["digest"], ["check-config"],
], ids=" ".join)
def test_a_command_help_loads_neither_heavy_library_nor_migrations(command):
    assert probe([[*command, "--help"]], (*HEAVY, "alembic"))[0] == [[], []]


def test_plan_import_help_states_the_reader_limits_without_the_reader():
    from models.plan.limits import MAX_FILE_BYTES, MAX_ROWS, count_text, size_text

    loaded, shown = probe([["plan", "import", "--help"]])
    assert loaded == [[], []]
    assert f"au plus {size_text(MAX_FILE_BYTES)} et {count_text(MAX_ROWS)} lignes" in shown


@pytest.fixture(scope="module")
def config_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("startup") / "config"
    probe([["init", str(directory)]])
    return directory


@pytest.mark.parametrize("command", [
    ["review", "list"], ["status"], ["plan", "show"], ["sources"], ["changes"],
    ["user", "add", "lea", "--role", "admin", "--password-env", "VIGIE_TEST_PASSWORD"],
], ids=lambda c: " ".join(c[:2]))
def test_a_command_that_does_not_score_loads_no_heavy_library(config_dir, command):
    loaded, shown = probe([["--config", str(config_dir), *command]],
                          env={"VIGIE_TEST_PASSWORD": "un mot de passe assez long"})
    assert loaded == [[], []], shown
