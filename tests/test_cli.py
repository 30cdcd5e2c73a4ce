"""The CLI as a user meets it: help everywhere, one French line per error, config checked first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from clirun import run_cli
from vigie.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _command_paths(group: typer.Typer, prefix: str = "") -> list[str]:
    click_group = typer.main.get_command(group)
    paths = []
    for name, command in click_group.commands.items():
        sub = getattr(command, "commands", None)
        paths += [f"{prefix}{name} {s}" for s in sub] if sub else [f"{prefix}{name}"]
    return sorted(paths)


COMMANDS = _command_paths(app)


def test_the_design_command_set_is_there() -> None:
    expected = {"init", "check-config", "crawl", "sources", "plan import", "match", "digest", "run",
                "schedule", "serve", "eval", "demo", "review list", "review accept"}
    groups = {c.split()[0] for c in COMMANDS}
    assert expected <= set(COMMANDS) | groups and "export" in groups


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_french_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    result = run_cli(capsys, *command.split(), "--help")
    assert result.code == 0
    assert re.search(r"\b(le|la|les|des|du|de|un|une|et)\b|[éèàçê]", result.out), result.out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    assert f"vigie {command}" in (ROOT / "README.md").read_text(encoding="utf-8")




def test_the_shipped_example_config_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "--config", str(ROOT / "config"), "check-config")
    assert result.code == 0, result.out
    assert "Configuration valide" in result.out


def test_init_copies_the_example_and_creates_the_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_cli(capsys, "init", str(tmp_path / "conf"))
    assert result.code == 0, result.err
    assert (tmp_path / "conf" / "settings.toml").is_file()
    assert (tmp_path / "conf" / "var" / "vigie.db").is_file()
    again = run_cli(capsys, "init", str(tmp_path / "conf"))
    assert again.code == 1 and "--force" in again.err


def test_a_new_configuration_starts_with_no_porteur(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run_cli(capsys, "init", str(tmp_path / "conf"))
    assert (tmp_path / "conf" / "porteurs").is_dir() and not list((tmp_path / "conf" / "porteurs").iterdir())
    check = run_cli(capsys, "--config", str(tmp_path / "conf"), "check-config")
    assert check.code == 0 and "0 porteur(s), 0 fiche(s)-action(s)" in check.out


def _config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    run_cli(capsys, "init", str(tmp_path / "conf"))
    return tmp_path / "conf"


def test_an_invalid_config_is_refused_before_anything_runs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    conf = _config(tmp_path, capsys)
    sources = conf / "sources.toml"
    sources.write_text(sources.read_text(encoding="utf-8").replace('kind = "rss"', 'kind = "rsss"', 1), encoding="utf-8")
    check = run_cli(capsys, "--config", str(conf), "check-config")
    assert check.code == 2
    assert re.search(r"sources\.toml: source\[\d+\]\.kind: type de source inconnu « rsss »", check.out)
    crawl = run_cli(capsys, "--config", str(conf), "crawl")
    assert crawl.code == 2 and "rsss" in crawl.err


def test_a_database_that_does_not_answer_is_one_french_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    conf = _config(tmp_path, capsys)
    settings = conf / "settings.toml"
    text = re.sub(r'(?m)^database_url = .*$', 'database_url = "postgresql://vigie@127.0.0.1:1/vigie"',
                  settings.read_text(encoding="utf-8"))
    settings.write_text(text, encoding="utf-8")
    result = run_cli(capsys, "--config", str(conf), "sources")
    assert result.code == 1
    assert result.err.strip().startswith("Erreur : base de données injoignable: postgresql")
    assert "Traceback" not in result.err


def test_verbose_shows_the_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    result = run_cli(capsys, "-v", "--config", str(tmp_path / "absent"), "sources")
    assert result.code == 1
    assert "Traceback" in result.err and "configuration introuvable" in result.err


def test_crawl_names_the_unknown_source(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    conf = _config(tmp_path, capsys)
    result = run_cli(capsys, "--config", str(conf), "crawl", "nulle-part")
    assert result.code == 1
    assert "source inconnue: nulle-part" in result.err


def test_a_bad_spreadsheet_imports_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    conf = _config(tmp_path, capsys)
    good = (ROOT / "vigie" / "demo" / "plan_actions.csv").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "plan.csv"
    row = good[2].replace(",epci,", ",intercommunalite,", 1)
    assert row != good[2]
    bad.write_text("\n".join([good[0], good[1], row, *good[3:]]) + "\n", encoding="utf-8")
    result = run_cli(capsys, "--config", str(conf), "plan", "import", str(bad))
    assert result.code == 2
    assert "plan.csv ligne 3, colonne porteur_type" in result.err
    shown = run_cli(capsys, "--config", str(conf), "plan", "show")
    assert "LOM-01" not in shown.out and "LOM-03" not in shown.out


def test_reimporting_the_same_plan_changes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    conf = _config(tmp_path, capsys)
    plan = str(ROOT / "vigie" / "demo" / "plan_actions.csv")
    first = run_cli(capsys, "--config", str(conf), "plan", "import", plan)
    again = run_cli(capsys, "--config", str(conf), "plan", "import", plan)
    assert first.code == again.code == 0
    assert re.search(r"fiches-actions [1-9]\d* nouvelle", first.out)
    assert re.search(r"fiches-actions 0 nouvelle\(s\), 0 modifiée\(s\), [1-9]\d* inchangée", again.out)
