"""End to end, twice: the API sources of the demo mirror crawled, their pages edited, crawled again — the
second crawl records each typed change, and `vigie changes` lists them.

Between the crawls (Aides-territoires): one deadline postponed, another advanced, the ceiling of a third
raised, a permanent guichet gone; (EU Funding & Tenders) a new relève; (appelsprojetsrecherche.fr) a call
gone before its deadline.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from clirun import run_cli
from models.changes import ChangeType
from models.store import Store
from test_crawl_twice import AS_OF, configured, edit_pages, site  # noqa: F401 - fixture
from vigie.demo.server import MirrorServer
from vigie.pipeline.crawl import crawl_all

T = ChangeType


def edit_at(page: dict) -> None:
    """One deadline postponed, another advanced, a ceiling raised, the permanent guichet gone."""
    first, second, permanent = page["results"][:3]
    first["submission_deadline"] = "2027-02-26"
    second["submission_deadline"] = "2027-03-01"
    first["subvention_comment"] = first["subvention_comment"].replace("100 000", "150 000")
    page["results"].remove(permanent)


@pytest.fixture
def crawled_twice(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:  # noqa: F811
    monkeypatch.setenv("VIGIE_AIDES_TERRITOIRES_KEY", "cle-de-test")
    server = MirrorServer(site)
    config = configured(tmp_path, server.start())
    try:
        store = Store.open(config.database_url)
        crawl_all(config, store, [], AS_OF)
        assert store.call_changes() == []  # a first crawl finds calls, not changes
        edit_pages(site, edit_at)
        crawl_all(config, store, [], date(2026, 11, 24))
    finally:
        server.stop()
    return store


def test_a_second_crawl_records_each_typed_change(crawled_twice: Store) -> None:
    found = {(c.source, c.source_id, c.change.type, str(c.change.before), str(c.change.after))
             for c in crawled_twice.call_changes()}
    assert found == {
        ("aides-territoires", "171001", T.DEADLINE_POSTPONED, "2027-01-15", "2027-02-26"),
        ("aides-territoires", "171001", T.AMOUNT_CHANGED, "{'min': None, 'max': 100000.0}",
         "{'min': None, 'max': 150000.0}"),
        ("aides-territoires", "172010", T.DEADLINE_ADVANCED, "2027-03-31", "2027-03-01"),
        ("aides-territoires", "171003", T.CLOSED_EARLY, "None", "retire"),
        ("eu-funding-tenders", "LIFE-2027-CET-LOCAL", T.NEW_RELEVE, "None", "2028-02-10"),
        ("appels-projets-recherche", "aapg-2027", T.CLOSED_EARLY, "2027-01-14", "retire"),
    }
    assert {c.detected_on for c in crawled_twice.call_changes()} == {date(2026, 11, 24)}


def test_vigie_changes_lists_them_for_scripts_and_for_people(crawled_twice: Store, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--config", str(tmp_path / "conf"), "--as-of", "2026-11-25", "changes", "--source", "aides-territoires")
    items = json.loads(run_cli(capsys, *base, "--format", "json").out)
    assert [(i["source_id"], i["type"], i["detected_on"]) for i in items] == [
        ("171001", "deadline_postponed", "2026-11-24"), ("171001", "amount_changed", "2026-11-24"),
        ("172010", "deadline_advanced", "2026-11-24"), ("171003", "closed_early", "2026-11-24")]
    table = " ".join(run_cli(capsys, *base).out.split())
    assert "31/03/2027 →" in table and "avancée" in table
    assert "4 changement(s) détecté(s) depuis le 18/11/2026." in table
