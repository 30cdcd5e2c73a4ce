"""`vigie purge`: old raw payloads, crawl runs and outbox files go; calls, matches and reviews stay."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import NOW
from digestworld import example_config, filled_store
from factories import opportunity
from models.store import CrawlCounts, Store
from models.tables import Opportunity
from vigie.pipeline.retention import purge

LATER = NOW + timedelta(days=400)


def raws(store: Store) -> dict[str, object]:
    with store.session() as session:
        return {o.source_id: o.raw for o in session.query(Opportunity).all()}


def test_purge_keeps_calls_and_reviews_and_empties_only_old_history(tmp_path: Path, db_url: str) -> None:
    config = example_config(tmp_path)
    config = config.model_copy(update={"settings": config.settings.model_copy(update={"database_url": db_url})})
    store = filled_store(config, raw={"page": "ancienne"})
    store.upsert_opportunity(opportunity("aap-recent", raw={"page": "récente"}), LATER - timedelta(days=2))
    for day in (NOW, NOW + timedelta(days=1), LATER - timedelta(days=1)):
        store.record_crawl("occitanie", "opendatasoft", day, day, CrawlCounts(), None)
    store.record_crawl("vieille", "rss", NOW, NOW, CrawlCounts(), "panne")
    reviews_before = [(m.id, m.review_status) for m in store.matches()]
    assert reviews_before and reviews_before[0][1] == "accepte"

    report = purge(config, store, now=LATER)

    assert (report.raw_payloads, report.crawl_runs) == (1, 2)
    assert raws(store) == {"aap-1": None, "aap-recent": {"page": "récente"}}
    assert store.count_crawl_runs() == 2  # the recent run, and the last (only) run of "vieille"
    assert [(m.id, m.review_status) for m in store.matches()] == reviews_before
    again = purge(config, store, now=LATER)
    assert (again.raw_payloads, again.crawl_runs) == (0, 0)
    store.close()


def test_purge_deletes_old_outbox_files_only(tmp_path: Path) -> None:
    config = example_config(tmp_path)
    old, new = config.outbox / "apercu" / "old.eml", config.outbox / "new.eml"
    for path in (old, new):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    os.utime(old, (NOW.timestamp(), NOW.timestamp()))
    recent = (NOW + timedelta(days=90)).timestamp()
    os.utime(new, (recent, recent))
    store = Store.open(config.database_url)
    report = purge(config, store, now=NOW + timedelta(days=91))
    store.close()
    assert report.outbox_files == 1 and not old.exists() and new.exists()


@pytest.mark.parametrize("days", [0])
def test_zero_days_keeps_everything(tmp_path: Path, days: int) -> None:
    config = example_config(tmp_path)
    retention = config.settings.retention.model_copy(
        update={"raw_payload_days": days, "crawl_runs_days": days, "outbox_days": days})
    config = config.model_copy(update={"settings": config.settings.model_copy(update={"retention": retention})})
    store = filled_store(config, raw={"page": "ancienne"})
    store.record_crawl("occitanie", "opendatasoft", NOW, NOW, CrawlCounts(), None)
    store.record_crawl("occitanie", "opendatasoft", NOW, NOW, CrawlCounts(), None)
    report = purge(config, store, now=LATER)
    assert report == type(report)(0, 0, 0) and store.count_crawl_runs() == 2
    assert raws(store)["aap-1"] == {"page": "ancienne"}
    store.close()
