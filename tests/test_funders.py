"""One display name per funder: the alias table (funders.toml), its validation, and the ALL-CAPS tidying."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.config import check_config, load_config
from models.funders import FunderNames, funder_key, tidy_case
from vigie.context import source_kinds
from vigie.defaults import copy_example_config, embedded_config_dir

LONG_ADEME = "AGENCE DE L ENVIRONNEMENT ET DE LA MAITRISE DE L ENERGIE (ADEME)"


@pytest.fixture
def shipped_names() -> FunderNames:
    """The alias table of the example configuration (what `vigie init` copies)."""
    directory = embedded_config_dir()
    from models.config.report import ProblemReport
    from models.config.schema import FundersConfig

    report = ProblemReport(directory)
    funders = report.load(directory / "funders.toml", FundersConfig)
    assert funders is not None and report.lines == []
    return FunderNames.from_table(funders.table())


def test_the_key_folds_case_accents_and_punctuation() -> None:
    assert funder_key("Agence de l'Environnement et de la Maîtrise de l'Énergie") == funder_key(
        "AGENCE DE L ENVIRONNEMENT ET DE LA MAITRISE DE L ENERGIE")
    assert funder_key("  Région  Île-de-France ") == "region ile de france"


def test_the_shipped_table_gives_one_name_to_the_spellings_of_the_demo(shipped_names: FunderNames) -> None:
    assert shipped_names.display_all(["ADEME", LONG_ADEME]) == ["ADEME"]
    assert shipped_names.display("BPIFRANCE") == shipped_names.display("Bpifrance") == "Bpifrance"
    assert shipped_names.display("REGION OCCITANIE") == "Région Occitanie"
    assert shipped_names.display("Direction générale des Entreprises (DGE)") == "Direction générale des entreprises (DGE)"


def test_a_trailing_acronym_in_parentheses_finds_its_funder() -> None:
    names = FunderNames.from_table([("ADEME", [])])
    assert names.display("Agence de la transition écologique (ADEME)") == "ADEME"
    assert names.display("Agence régionale (ARB)") == "Agence régionale (ARB)"


@pytest.mark.parametrize("found,shown", [
    ("REGION BRETAGNE", "Région Bretagne"),
    ("CONSEIL DEPARTEMENTAL DU GERS", "Conseil Départemental du Gers"),
    ("AGENCE DE L EAU ADOUR-GARONNE", "Agence de l'Eau Adour-Garonne"),
    ("CCI OCCITANIE", "CCI Occitanie"),
    ("CAISSE DES DEPOTS (CDC)", "Caisse des Dépôts (CDC)"),
    ("CEREMA", "CEREMA"),  # a single word in capitals is an acronym
    ("INCa", "INCa"),  # not ALL-CAPS: as found
    ("  Région   Grand Est ", "Région Grand Est"),
])
def test_a_funder_without_alias_is_shown_as_found_its_capitals_tidied(found: str, shown: str) -> None:
    assert FunderNames().display(found) == shown == tidy_case(found)


def test_filters_offer_each_funder_once_and_find_every_spelling(shipped_names: FunderNames) -> None:
    found = ["ADEME", LONG_ADEME, "BPIFRANCE", "Bpifrance", "REGION BRETAGNE"]
    assert shipped_names.present(found) == ["ADEME", "Bpifrance", "Région Bretagne"]
    assert shipped_names.spellings("ADEME", found) == ["ADEME", LONG_ADEME]
    assert shipped_names.spellings("bpifrance", found) == ["BPIFRANCE", "Bpifrance"]


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    copy_example_config(tmp_path / "config")
    return tmp_path / "config"


def test_the_shipped_alias_table_is_loaded_with_the_configuration(config_dir: Path) -> None:
    config = load_config(config_dir, source_kinds())
    assert ("ADEME", ["Agence de l'environnement et de la maîtrise de l'énergie", "Agence de la transition écologique",
                      "ADEME - Agence de la transition écologique"]) in config.funders.table()


def test_without_funders_toml_names_are_shown_as_found(config_dir: Path) -> None:
    (config_dir / "funders.toml").unlink()
    assert load_config(config_dir, source_kinds()).funders.table() == []


@pytest.mark.parametrize("text,problem", [
    ('[[financeur]]\nnom = "ADEME"\n\n[[financeur]]\nnom = "Bpifrance"\nalias = ["Ademe"]\n',
     "config/funders.toml: financeur[2].alias[1]: « Ademe » désigne déjà « ADEME » (financeur[1])"),
    ('[[financeur]]\nnom = "ADEME"\nalias = ["« … »"]\n',
     "config/funders.toml: financeur[1].alias[1]: « « … » » ne contient ni lettre ni chiffre"),
    ('[[financeur]]\nnom = "ADEME"\naliases = ["x"]\n', "config/funders.toml: financeur[1].aliases: clé inconnue"),
    ('[[financeur]]\nalias = ["x"]\n', "config/funders.toml: financeur[1].nom:"),
])
def test_a_bad_alias_table_is_reported_with_file_and_key(config_dir: Path, text: str, problem: str) -> None:
    (config_dir / "funders.toml").write_text(text, encoding="utf-8")
    problems = check_config(config_dir, source_kinds())
    assert any(line.startswith(problem) for line in problems), problems
