"""Hostile configuration files: nested too deep, too large, too many values, symbolic links in a loop, a
database Vigie cannot use. Each is one French line naming the file and the limit, exit code 2, no traceback."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from clirun import CliResult, run_cli
from models.config.limits import MAX_ARRAY_ITEMS, MAX_DEPTH, shape_problem

DEEP = 5_000


def _nested(depth: int) -> list:
    """A list inside a list… `depth` times."""
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def _chain(depth: int) -> dict:
    """A table inside a table… `depth` times, built without recursion."""
    top: dict = {}
    inner = top
    for _ in range(depth):
        inner["a"] = {}
        inner = inner["a"]
    return top


@pytest.fixture
def conf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    run_cli(capsys, "init", str(tmp_path / "conf"))
    return tmp_path / "conf"


def check(capsys: pytest.CaptureFixture[str], conf: Path) -> CliResult:
    result = run_cli(capsys, "--config", str(conf), "check-config")
    assert result.code == 2 and "Traceback" not in result.out + result.err, result
    return result


@pytest.mark.parametrize("text", [
    pytest.param("x = " + "[" * DEEP + "]" * DEEP, id="lists"),
    pytest.param("x = " + "{ a = " * DEEP + "1" + " }" * DEEP, id="inline-tables"),
    pytest.param("x" + ".a" * DEEP + " = 1", id="dotted-keys"),
    pytest.param("[x" + ".a" * DEEP + "]\nb = 1", id="table-header"),
])
def test_a_file_nested_thousands_deep_is_refused(conf: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    (conf / "synonyms.toml").write_text(text, "utf-8")
    result = check(capsys, conf)
    assert "conf/synonyms.toml: " in result.out and "imbrication trop profonde" in result.out


@pytest.mark.parametrize("name", ["settings.toml", "synonyms.toml", "profiles/competences.toml"])
def test_a_symbolic_link_in_a_loop_is_named_as_such(conf: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    (conf / name).unlink()
    os.symlink((conf / name).name, conf / name)
    result = check(capsys, conf)
    assert f"conf/{name}: lien symbolique en boucle" in result.out
    assert "fichier manquant" not in result.out


def test_a_folder_linked_to_itself_is_named_as_such(conf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.rmdir(conf / "porteurs")
    os.symlink("porteurs", conf / "porteurs")
    assert "conf/porteurs: lien symbolique en boucle" in check(capsys, conf).out


def test_a_configuration_folder_linked_in_a_loop_is_named_as_such(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    result = run_cli(capsys, "--config", str(tmp_path / "a"), "check-config")
    assert result.code != 0 and "lien symbolique en boucle" in result.out + result.err
    assert "introuvable" not in result.out + result.err and "Traceback" not in result.out + result.err


def test_a_database_vigie_cannot_use_is_refused_by_check_config(conf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = conf / "settings.toml"
    text = settings.read_text("utf-8").replace('"sqlite:///var/vigie.db"', '"mysql://vigie@127.0.0.1/vigie"', 1)
    settings.write_text(text, "utf-8")
    result = check(capsys, conf)
    assert "conf/settings.toml: database_url: base de données non prise en charge (« mysql »)" in result.out
    assert "SQLite et PostgreSQL" in result.out
    crawl = run_cli(capsys, "--config", str(conf), "plan", "show")
    assert crawl.code == 2 and "database_url" in crawl.err and "ModuleNotFoundError" not in crawl.err


def test_a_file_of_60_megabytes_is_refused_without_being_read(conf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (conf / "sources.toml").open("r+b") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: the size is there, not the bytes
    result = check(capsys, conf)
    assert "conf/sources.toml: fichier trop volumineux : 60,0 Mo, au plus 5 Mo" in result.out


def test_a_million_values_are_refused_at_once(conf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (conf / "synonyms.toml").write_text("x = [" + "1," * 1_000_000 + "]", "utf-8")
    started = time.monotonic()
    result = check(capsys, conf)
    assert "conf/synonyms.toml: trop de valeurs : plus de 100 000" in result.out
    assert time.monotonic() - started < 2


def test_a_list_longer_than_the_limit_is_named_with_its_key(conf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (conf / "synonyms.toml").write_text("[acronyms]\nx = [" + "1," * (MAX_ARRAY_ITEMS + 1) + "]", "utf-8")
    result = check(capsys, conf)
    assert "conf/synonyms.toml: acronyms.x: liste trop longue : 10 001 éléments, au plus 10 000" in result.out


@pytest.mark.parametrize(("data", "expected"), [
    pytest.param({"a": [1] * MAX_ARRAY_ITEMS}, None, id="longest-list"),
    pytest.param({"a": [[1]] * (MAX_ARRAY_ITEMS + 1)}, (("a",), "liste trop longue"), id="list-too-long"),
    pytest.param({"t": {"u": [0] * (MAX_ARRAY_ITEMS + 1)}}, (("t", "u"), "liste trop longue"), id="nested-key"),
    pytest.param({"a": _nested(MAX_DEPTH - 1)}, None, id="deep-enough"),
    pytest.param({"a": _nested(MAX_DEPTH + 1)}, (("a",), "imbrication trop profonde"), id="too-deep"),
    pytest.param({"t": _chain(DEEP)}, (("t",), "imbrication trop profonde"), id="thousands-deep"),
])
def test_shape_problem_names_the_first_key_past_a_limit(data: dict, expected: tuple | None) -> None:
    found = shape_problem(data)
    assert (None if found is None else (found[0], found[1].split(" :")[0])) == expected
