"""A spreadsheet row names a territory that settings.toml does not declare: `vigie plan import` refuses it,
saying where and which [[territoire]] block to add; once added as said, the territory imports, gets a
user and its chef de projet's letter. Through the CLI, on a config made by `vigie init`."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import run_cli
from conftest import NOW
from factories import opportunity
from models.config import load_config
from models.store import Store
from test_plan_import import fiche_row, write_csv
from vigie.context import source_kinds

ARIEGE = "Vallée de l'Ariège"
BLOCK = """
[[territoire]]
id = "vallee-de-l-ariege"
nom = "Vallée de l'Ariège"
geo = ["DEP-09", "REG-76"]

[territoire.chef_de_projet]
nom = "Inès Rouger"
email = "ines.rouger@example.org"
"""


@pytest.fixture
def conf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    assert run_cli(capsys, "init", str(tmp_path / "conf")).code == 0
    return tmp_path / "conf"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    row = fiche_row("ARI-01", territoire=ARIEGE, porteur_id="p-foix", porteur_geo="DEP-09|REG-76")
    return write_csv(tmp_path, [row])


def vigie(capsys: pytest.CaptureFixture[str], conf: Path, *args: str):  # noqa: ANN201
    return run_cli(capsys, "--config", str(conf), "--as-of", "2026-11-23", *args)


def test_a_row_of_an_undeclared_territory_is_refused_with_the_block_to_add(
    capsys: pytest.CaptureFixture[str], conf: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = vigie(capsys, conf, "plan", "import", str(plan_file))
    assert result.code == 2
    assert "plan.csv ligne 2, colonne territoire: territoire « Vallée de l'Ariège » non déclaré dans " \
           f"{conf.resolve() / 'settings.toml'} : ajoutez-y un bloc [[territoire]]" in result.err
    assert 'id = "vallee-de-l-ariege"' in result.err and "[territoire.chef_de_projet]" in result.err
    assert "ARI-01" not in vigie(capsys, conf, "plan", "show").out
    monkeypatch.setenv("PASSE_TEST", "un mot de passe assez long")
    refused = vigie(capsys, conf, "user", "add", "ines", "--role", "chef_de_projet",
                    "--territoire", "vallee-de-l-ariege", "--password-env", "PASSE_TEST")
    assert refused.code == 1 and "[[territoire]]" in refused.err


def test_once_declared_as_hinted_the_territory_imports_gets_a_user_and_a_chef_letter(
    capsys: pytest.CaptureFixture[str], conf: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = conf / "settings.toml"
    settings.write_text(settings.read_text("utf-8") + BLOCK, "utf-8")
    imported = vigie(capsys, conf, "plan", "import", str(plan_file))
    assert imported.code == 0, imported.err
    assert "ARI-01" in vigie(capsys, conf, "plan", "show").out
    monkeypatch.setenv("PASSE_TEST", "un mot de passe assez long")
    user = vigie(capsys, conf, "user", "add", "ines", "--role", "chef_de_projet",
                 "--territoire", "vallee-de-l-ariege", "--password-env", "PASSE_TEST")
    assert user.code == 0, user.err
    store = Store.open(load_config(conf, source_kinds()).database_url)
    store.upsert_opportunity(opportunity("nouvel-appel", source="mte"), NOW)  # a new call this week
    store.close()
    digest = vigie(capsys, conf, "digest", "--dry-run")
    assert digest.code == 0, digest.err
    previews = [p.name for p in (conf / "var" / "outbox" / "apercu").rglob("*")]
    assert any("chef-vallee-de-l-ariege_ines.rouger@example.org" in name for name in previews), previews


def test_a_declared_territory_without_a_chef_email_is_flagged_at_import(
    capsys: pytest.CaptureFixture[str], conf: Path, plan_file: Path
) -> None:
    settings = conf / "settings.toml"
    block = BLOCK.split("[territoire.chef_de_projet]")[0]
    settings.write_text(settings.read_text("utf-8") + block, "utf-8")
    imported = vigie(capsys, conf, "plan", "import", str(plan_file))
    assert imported.code == 0, imported.err
    assert "Territoire « vallee-de-l-ariege » sans adresse de chef de projet" in imported.out
