"""`vigie crawl` and `vigie run` tell monitoring the truth: 0 without a failed source, 6 when some failed,
7 when all failed, and a last French line that says how many. Crawls run for real against the demo
mirror on 127.0.0.1; a failing source points at a closed port."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from clirun import run_cli
from models.store import CrawlCounts
from test_territories_e2e import DATA
from vigie.demo.server import serve_site
from vigie.pipeline.crawl import SourceOutcome
from vigie.pipeline.crawl_verdict import ALL_FAILED, SOME_FAILED, crawl_verdict

AS_OF = ("--as-of", "2026-11-23")
CSV_PATH = "www.data.gouv.fr/fr/datasets/r/catalogue-aides-transition-ecologique.csv"
DOWN = "http://127.0.0.1:9/catalogue.csv"


def outcome(slug: str, error: str | None = None, skipped: str | None = None) -> SourceOutcome:
    return SourceOutcome(slug, CrawlCounts(), error, skipped)


@pytest.mark.parametrize(
    "outcomes, code, line",
    [
        ([outcome("a"), outcome("b")], 0, "2 sources collectées, aucune en échec."),
        ([outcome("a"), outcome("b", "injoignable")], SOME_FAILED, "1 source sur 2 en échec : b."),
        ([outcome("a", "x"), outcome("b", "y")], ALL_FAILED, "2 sources sur 2 en échec (toutes) : a, b."),
        ([outcome("a", "x"), outcome("at", skipped="non configurée : clé")], ALL_FAILED,
         "1 source sur 1 en échec (toutes ; 1 source non collectée) : a."),
        ([outcome("at", skipped="non configurée : clé")], 0, "Aucune source collectée (1 source non collectée)."),
    ],
    ids=["all-ok", "some-failed", "all-failed", "skipped-is-no-failure", "nothing-crawled"],
)
def test_the_verdict_counts_failed_sources_among_those_crawled(
    outcomes: list[SourceOutcome], code: int, line: str
) -> None:
    verdict = crawl_verdict(outcomes)
    assert (verdict.code, verdict.line) == (code, line)


@pytest.fixture
def mirror() -> Iterator[str]:
    base_url, stop = serve_site()
    yield base_url
    stop()


def config_with(tmp_path: Path, sources: dict[str, str]) -> Path:
    """The two-territory test config whose sources are CSV catalogues at these URLs (slug → URL)."""
    conf = tmp_path / "conf"
    shutil.copytree(DATA, conf)
    blocks = [f'[[source]]\nslug = "{slug}"\nkind = "dispositif_aide_csv"\nurl = "{url}"\n'
              for slug, url in sources.items()]
    (conf / "sources.toml").write_text("\n".join(blocks), "utf-8")
    return conf


def crawl(capsys: pytest.CaptureFixture[str], conf: Path, *command: str):  # noqa: ANN201
    return run_cli(capsys, "--config", str(conf), *AS_OF, *command)


def last_line(out: str) -> str:
    return out.strip().splitlines()[-1]


def test_a_crawl_without_failure_exits_0_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mirror: str
) -> None:
    conf = config_with(tmp_path, {"mte": f"{mirror}/{CSV_PATH}"})
    result = crawl(capsys, conf, "crawl")
    assert result.code == 0, result.out + result.err
    assert last_line(result.out) == "1 source collectée, aucune en échec."


def test_a_crawl_with_one_source_down_exits_6_and_names_it_last(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mirror: str
) -> None:
    conf = config_with(tmp_path, {"mte": f"{mirror}/{CSV_PATH}", "catalogue-panne": DOWN})
    result = crawl(capsys, conf, "crawl")
    assert result.code == SOME_FAILED == 6, result.out + result.err
    assert last_line(result.out) == "1 source sur 2 en échec : catalogue-panne."


def test_a_crawl_where_every_source_failed_exits_7(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    conf = config_with(tmp_path, {"panne-1": DOWN, "panne-2": DOWN.replace(":9/", ":9/autre/")})
    result = crawl(capsys, conf, "crawl")
    assert result.code == ALL_FAILED == 7, result.out + result.err
    assert last_line(result.out) == "2 sources sur 2 en échec (toutes) : panne-1, panne-2."


def test_run_still_writes_the_letters_then_exits_6_when_a_source_failed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mirror: str
) -> None:
    conf = config_with(tmp_path, {"mte": f"{mirror}/{CSV_PATH}", "catalogue-panne": DOWN})
    result = crawl(capsys, conf, "run")
    assert result.code == SOME_FAILED, result.out + result.err
    assert "Appariement :" in result.out and "Lettres de la semaine" in result.out
    assert last_line(result.out) == "Collecte : 1 source sur 2 en échec : catalogue-panne."
