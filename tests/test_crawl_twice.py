"""End to end, twice: the API sources served by the mirror on 127.0.0.1, crawled, edited, crawled again.

Between the crawls: a moved deadline and a new call (Aides-territoires), a new relève
(EU Funding & Tenders, 2-stage call), a removed call (appelsprojetsrecherche.fr).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from mirror_copy import copy_hosts, mirrored_config

from models.config import VigieConfig
from models.store import Store
from vigie.demo.server import MirrorServer
from vigie.pipeline.crawl import SourceOutcome, crawl_all

AS_OF = date(2026, 11, 23)
SLUGS = ["aides-territoires", "appels-projets-recherche", "eu-funding-tenders"]
HOSTS = ["aides-territoires.beta.gouv.fr", "www.appelsprojetsrecherche.fr", "api.tech.ec.europa.eu"]
AT_PAGE = "aides-territoires.beta.gouv.fr/api/aids.page-1.json"
APR_PAGE = "www.appelsprojetsrecherche.fr/ajax/search-call-for-proposals.page-1.json"
EU_PAGE = "api.tech.ec.europa.eu/search-api/prod/rest/search.page-1.json"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A private copy of the API hosts of the demo mirror, free to edit."""
    return copy_hosts(tmp_path, HOSTS)


def configured(tmp_path: Path, base_url: str) -> VigieConfig:
    return mirrored_config(tmp_path, base_url, SLUGS)


def edit(path: Path, change: Callable[[dict], None]) -> None:
    payload = json.loads(path.read_text("utf-8"))
    change(payload)
    path.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")


def add_eu_releve(page: dict) -> None:
    """A second stage for the third EU call."""
    page["results"][2]["metadata"]["deadlineDate"].append("2028-02-10T17:00:00.000+0100")


def drop_aapg_2027(page: dict) -> None:
    """The appelsprojetsrecherche.fr card of aapg-2027 gone from the list."""
    cards = page["call_for_proposals"].split('<div class="col">')
    page["call_for_proposals"] = '<div class="col">'.join(c for c in cards if "aapg-2027" not in c)


def edit_pages(site: Path, at: Callable[[dict], None]) -> None:
    """`at` on the Aides-territoires page; a new relève (EU) and a call removed (appelsprojetsrecherche.fr)."""
    edit(site / AT_PAGE, at)
    edit(site / EU_PAGE, add_eu_releve)
    edit(site / APR_PAGE, drop_aapg_2027)


def edit_fixtures(site: Path) -> None:
    def at(page: dict) -> None:
        page["results"][0]["submission_deadline"] = "2027-02-26"
        new = dict(page["results"][2], id=179999, slug="z-nouvelle-aide", url="/aides/z-nouvelle-aide/",
                   name="Formation aux métiers de l'industrie du futur", origin_url=None, application_url=None)
        page["results"].append(new)

    edit_pages(site, at)


def counts(outcomes: list[SourceOutcome]) -> dict[str, tuple[int, int, int, int, str | None]]:
    return {o.slug: (o.counts.new, o.counts.unchanged, o.counts.changed, o.counts.closed, o.error) for o in outcomes}


def test_a_second_crawl_after_edits_reports_new_unchanged_changed_and_closed_calls(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VIGIE_AIDES_TERRITOIRES_KEY", "cle-de-test")
    server = MirrorServer(site)
    config = configured(tmp_path, server.start())
    try:
        store = Store.open(config.database_url)
        first = crawl_all(config, store, [], AS_OF)
        edit_fixtures(site)
        second = crawl_all(config, store, [], AS_OF)
    finally:
        server.stop()
    assert counts(first) == {
        "aides-territoires": (4, 0, 0, 0, None), "appels-projets-recherche": (4, 0, 0, 0, None),
        "eu-funding-tenders": (3, 0, 0, 0, None),
    }
    assert counts(second) == {
        "aides-territoires": (1, 3, 1, 0, None), "appels-projets-recherche": (0, 3, 0, 1, None),
        "eu-funding-tenders": (0, 2, 1, 0, None),
    }
    changes = {(d.source, d.source_id): store.history(i) for i, d in store.opportunities()}
    moved = changes[("aides-territoires", "171001")][-1]
    assert (moved.kind, moved.changed_fields, moved.before) == ("changed", ["close_dates"], {"close_dates": ["2027-01-15"]})
    relève = changes[("eu-funding-tenders", "LIFE-2027-CET-LOCAL")][-1]
    assert (relève.kind, relève.before) == ("changed", {"close_dates": ["2027-09-18"]})
    assert [e.kind for e in changes[("appels-projets-recherche", "aapg-2027")]] == ["new", "closed"]
    assert [e.kind for e in changes[("aides-territoires", "179999")]] == ["new"]


def test_without_its_key_aides_territoires_is_not_configured_rather_than_failing(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VIGIE_AIDES_TERRITOIRES_KEY", raising=False)
    config = configured(tmp_path, "http://127.0.0.1:9")
    store = Store.open(config.database_url)
    [outcome] = crawl_all(config, store, ["aides-territoires"], AS_OF)
    assert (outcome.error, outcome.skipped) == (
        None, "non configurée : clé d'API absente : définir la variable d'environnement VIGIE_AIDES_TERRITOIRES_KEY"
    )
    [health] = store.sources_health()
    assert (health.consecutive_failures, health.last_error) == (0, None)
    assert health.unconfigured_reason.startswith("clé d'API absente")
    assert store.failing_sources(threshold=1) == []
