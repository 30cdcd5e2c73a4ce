"""`vigie crawl` as a whole: one source down never stops the others and loses nothing already stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from mirror_copy import example_config

from models.config import VigieConfig
from models.store import Store
from vigie.demo.server import rebase_sources, serve_site
from vigie.pipeline.crawl import crawl_all

AS_OF = date(2026, 11, 23)
KEPT = ["occitanie", "nouvelle-aquitaine"]


@pytest.fixture
def mirrored(tmp_path: Path) -> VigieConfig:
    """The example config, two sources, pointed at the local mirror, without politeness delays."""
    return example_config(tmp_path, KEPT, download_delay=0)


def _down(config: VigieConfig, slug: str) -> VigieConfig:
    sources = [s.model_copy(update={"url": "http://127.0.0.1:9/"}) if s.slug == slug else s for s in config.sources]
    return config.model_copy(update={"sources": sources})


def test_a_source_going_down_is_recorded_and_keeps_its_calls(mirrored: VigieConfig) -> None:
    base_url, stop = serve_site()
    try:
        config = mirrored.model_copy(update={"sources": rebase_sources(mirrored.sources, base_url)})
        store = Store.open(config.database_url)
        first = crawl_all(config, store, [], AS_OF)
        stored = len(store.opportunities())
        open_before = store.opportunities(as_of=AS_OF, include_closed=False)
        second = crawl_all(_down(config, "occitanie"), store, [], AS_OF)
    finally:
        stop()
    assert [o.error for o in first] == [None, None] and stored > 0
    failed, other = second
    assert failed.slug == "occitanie" and "injoignable" in failed.error
    assert other.error is None and other.counts.unchanged > 0
    assert len(store.opportunities()) == stored
    assert store.opportunities(as_of=AS_OF, include_closed=False) == open_before
    health = {s.slug: s for s in store.sources_health()}
    assert health["occitanie"].consecutive_failures == 1
    assert health["nouvelle-aquitaine"].consecutive_failures == 0
