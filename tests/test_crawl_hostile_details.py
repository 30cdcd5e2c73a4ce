"""The calls a crawl dropped, each with its reason: `vigie sources --details` and the web sources page, after a
real `vigie crawl` of an Opendatasoft page with bad records (tests/test_crawl_hostile.py serves it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clirun import run_cli
from models.config import load_config
from models.store import CrawlCounts, Store, WebQueries
from models.store.sources import MAX_DROPPED_REASONS
from test_crawl_hostile import AS_OF, site  # noqa: F401, F811 - fixture
from test_web_world import SECRET, login, password_hash
from vigie.context import source_kinds
from vigie.defaults import copy_example_config
from vigie.pipeline.crawl_dropped import dropped_report
from vigie.web import create_app

SOURCE = """[[source]]
slug = "idf"
kind = "opendatasoft"
url = "{site}/ods"
[source.options]
dataset = "aides"
page_size = 10
geo = ["REG-11"]
"""
REASONS = [
    "item 2 (sans titre) : enregistrement « aide-2 » : champ « nom_de_l_aide_de_la_demarche » : texte attendu, "
    "reçu un objet",
    "item 3 (sans titre) : enregistrement n° 3 : objet JSON attendu, reçu un nombre",
    "date invalide « 31/02/2027 » (clôture)",
    "reçu « javascript:alert(1) »",
    "item 7 (Aide [red]rouge[/red] & co) : date invalide « <script>alert(1)</script> » (ouverture)",
]


@pytest.fixture(scope="module")
def crawled(site: str, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """A configuration whose only source is the hostile Opendatasoft page (the tests crawl it with `vigie crawl`)."""
    conf = tmp_path_factory.mktemp("details") / "conf"
    copy_example_config(conf)
    settings = conf / "settings.toml"
    text = settings.read_text("utf-8").replace("download_delay = 1.0", "download_delay = 0")
    settings.write_text(text.replace("retries = 2", "retries = 0"), "utf-8")
    (conf / "sources.toml").write_text(SOURCE.format(site=site), "utf-8")
    return conf


def cli(capsys: pytest.CaptureFixture[str], conf: Path, *args: str) -> str:
    result = run_cli(capsys, "--config", str(conf), "--as-of", AS_OF.isoformat(), *args)
    assert result.code == 0, result.out + result.err
    return " ".join(result.out.split())


def test_sources_details_lists_each_dropped_call_with_its_reason(
    crawled: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    crawl = cli(capsys, crawled, "crawl", "idf")
    details = cli(capsys, crawled, "sources", "--details")
    verbose = cli(capsys, crawled, "-v", "crawl", "idf")
    assert "vigie sources --details" in crawl and "idf : 5 appels écartés – item 2 (sans titre)" in verbose
    assert "idf : 5 appels écartés lors de la collecte du " in details
    assert [r for r in REASONS if " ".join(r.split()) not in details] == [], details


@pytest.fixture
def client(crawled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[TestClient]:
    cli(capsys, crawled, "crawl", "idf")
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    config = load_config(crawled, source_kinds())
    store = Store.open(config.database_url)
    if WebQueries(store).user("lea") is None:
        store.add_user("lea", password_hash(), "lecteur", [], datetime(2026, 11, 23, tzinfo=UTC))
    with TestClient(create_app(config, store, lambda: AS_OF)) as test_client:
        yield test_client
    store.close()


def test_the_sources_page_lists_each_dropped_call_with_its_reason(client: TestClient) -> None:
    login(client, "lea")
    page = client.get("/sources").text
    section = page[page.index("<h2>Appels écartés</h2>"):]
    assert re.search(r"idf : 5 appels écartés lors de la collecte du \d\d/\d\d/\d{4}", section)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section and "<script>alert" not in section
    assert all(reason.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in section
               for reason in REASONS)


def test_a_run_keeps_the_first_reasons_and_counts_them_all(store: Store) -> None:
    day = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    store.record_crawl("idf", "opendatasoft", day, day, CrawlCounts(dropped=2), None, dropped_reasons=["ancienne"])
    reasons = [f"item {n} : date invalide" for n in range(MAX_DROPPED_REASONS + 5)]
    store.record_crawl("idf", "opendatasoft", day, day, CrawlCounts(dropped=len(reasons)), None,
                       dropped_reasons=reasons)
    report = dropped_report("idf", store.last_runs()["idf"])
    assert (report.count, report.reasons[0], len(report.reasons)) == (len(reasons), "item 0 : date invalide", 200)
    assert report.hidden == "… et 5 autres, raisons non conservées"
