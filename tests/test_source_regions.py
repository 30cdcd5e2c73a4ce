"""Regional sources: each declares its région; `vigie init --region` keeps one région's sources (and the
national ones); without it init says which are on; check-config warns about another région's source."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from clirun import run_cli
from models.geo import find_region
from vigie.source_regions import keep_region

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = tomllib.loads((ROOT / "config" / "sources.toml").read_text("utf-8"))["source"]
REGIONAL = {"idf", "occitanie", "nouvelle-aquitaine", "auvergne-rhone-alpes", "grand-est"}


def enabled(conf: Path) -> dict[str, bool]:
    sources = tomllib.loads((conf / "sources.toml").read_text("utf-8"))["source"]
    return {s["slug"]: s.get("enabled", True) for s in sources}


@pytest.mark.parametrize(
    "text, code",
    [("76", "REG-76"), ("REG-76", "REG-76"), ("reg-76", "REG-76"), ("Occitanie", "REG-76"),
     ("ile de france", "REG-11"), ("Auvergne-Rhône-Alpes", "REG-84"), ("1", "REG-01"), ("99", None), ("Gers", None)],
    ids=["insee", "cog", "lower-cog", "name", "name-without-accents", "name-with-accents", "unpadded", "unknown-code",
         "a-departement"],
)
def test_a_region_is_found_by_code_or_name(text: str, code: str | None) -> None:
    assert find_region(text) == code


def test_every_shipped_regional_source_declares_the_region_it_covers() -> None:
    regional = {s["slug"] for s in SHIPPED if s.get("region")}
    assert regional == REGIONAL
    for source in SHIPPED:
        geo = [c for c in source.get("options", {}).get("geo", []) if c.startswith("REG-")]
        assert geo in ([], [source.get("region")]), source["slug"]


def test_a_region_key_that_is_not_a_region_code_is_a_config_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli(capsys, "init", str(tmp_path / "conf"))
    sources = tmp_path / "conf" / "sources.toml"
    sources.write_text(sources.read_text("utf-8").replace('region = "REG-11"', 'region = "DEP-32"'), "utf-8")
    result = run_cli(capsys, "--config", str(tmp_path / "conf"), "check-config")
    assert result.code == 2
    assert re.search(r'sources\.toml: source\[1\]\.region: .*code région attendu.*reçu "DEP-32"', result.out)


def test_init_with_a_region_keeps_its_sources_and_the_national_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = run_cli(capsys, "init", str(tmp_path / "conf"), "--region", "76")
    assert result.code == 0, result.err
    on = enabled(tmp_path / "conf")
    assert {slug for slug in REGIONAL if on[slug]} == {"occitanie"}
    assert all(on[s["slug"]] for s in SHIPPED if not s.get("region"))
    assert "Région Occitanie (REG-76) : sources régionales actives : occitanie (Occitanie) ; désactivées : idf" in result.out
    assert "# Région Île-de-France" in (tmp_path / "conf" / "sources.toml").read_text("utf-8")  # comments kept
    check = run_cli(capsys, "--config", str(tmp_path / "conf"), "check-config")
    assert check.code == 0 and "source régionale" not in check.out


def test_init_accepts_a_region_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run_cli(capsys, "init", str(tmp_path / "conf"), "--region", "Auvergne-Rhône-Alpes").code == 0
    on = enabled(tmp_path / "conf")
    assert {slug for slug in REGIONAL if on[slug]} == {"auvergne-rhone-alpes"}


def test_an_unknown_region_copies_nothing_and_lists_the_regions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = run_cli(capsys, "init", str(tmp_path / "conf"), "--region", "Gascogne")
    assert result.code == 1
    assert "région inconnue: --region Gascogne" in result.err and "76 Occitanie" in result.err
    assert not (tmp_path / "conf").exists()


def test_init_without_a_region_says_which_regional_sources_are_on_and_how_to_choose(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = run_cli(capsys, "init", str(tmp_path / "conf"))
    assert "Sources régionales actives : idf (Île-de-France), occitanie (Occitanie), " in result.out
    assert "--region CODE (code INSEE comme 76, ou nom comme Occitanie)" in result.out


def test_check_config_warns_about_enabled_sources_of_regions_without_a_territory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run_cli(capsys, "init", str(tmp_path / "conf"))  # the example territory is in the Gers (Occitanie)
    result = run_cli(capsys, "--config", str(tmp_path / "conf"), "check-config")
    assert result.code == 0
    warned = re.findall(r"source régionale « ([a-z-]+) » active pour", result.out)
    assert warned == ["idf", "nouvelle-aquitaine", "auvergne-rhone-alpes", "grand-est"]
    assert "région d'aucun territoire déclaré (Occitanie (REG-76))" in result.out


def test_a_source_block_without_an_enabled_line_gets_one(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nslug = "bzh"\nkind = "rss"\nurl = "https://example.org/rss"\nregion = "REG-53"\n'
                    '[source.options]\nenabled = "option du type, pas la clé de la source"\n', "utf-8")
    keep_region(path, "REG-76")
    [source] = tomllib.loads(path.read_text("utf-8"))["source"]
    assert source["enabled"] is False and source["options"]["enabled"].startswith("option")
