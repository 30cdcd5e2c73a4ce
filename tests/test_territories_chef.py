"""One person animating two territories (a Région's service) gets each territory's digest, exactly once."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import NOW
from factories import opportunity
from models.config import load_config
from models.store import CrawlCounts, Store
from notifier import iso_week
from test_territories_e2e import AS_OF, DATA
from vigie.context import source_kinds
from vigie.pipeline.weekly import run_weekly

SHARED = "service.industrie@region.example.org"


def test_a_chef_of_two_territories_gets_both_digests_once_each(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "conf")
    settings = tmp_path / "conf" / "settings.toml"
    text = settings.read_text("utf-8")
    for email in ("camille.dufour@region.example.org", "hugo.laborde@region.example.org"):
        text = text.replace(email, SHARED)
    settings.write_text(text, "utf-8")
    config = load_config(tmp_path / "conf", source_kinds())
    store = Store.open(config.database_url)
    store.import_plan(config.plan, NOW)
    store.upsert_opportunity(opportunity("chaleur", source="mte"), NOW)
    for _ in range(config.settings.crawl.failure_alert_after):  # a failing shared source: news for both chefs
        store.record_crawl("bpifrance", "bpifrance", NOW, NOW, CrawlCounts(), "panne")
    week = iso_week(AS_OF)
    first = [o for o in run_weekly(config, store, week, AS_OF, send=True) if not o.porteur_id]
    second = [o for o in run_weekly(config, store, week, AS_OF, send=True) if not o.porteur_id]
    assert [(o.recipient, o.status) for o in first] == [(SHARED, "written"), (SHARED, "written")]
    assert len({o.paths[0] for o in first}) == 2
    assert [o.status for o in second] == ["already_sent", "already_sent"]
    store.close()
