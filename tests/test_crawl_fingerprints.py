"""Fingerprints of items as first found, "seen unchanged" markers, and the status a source states (pure)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from scrapy.http import Request

from crawlers.fingerprints import SeenUnchanged, item_fingerprint, record_key, seen_unchanged
from crawlers.items import RawItem
from crawlers.registry import spider_class
from models.config.schema import SourceConfig
from models.records import status_as_of
from models.vocab import Recurrence, Status
from offline_crawl import crawl_offline

CARD = RawItem(source="s", position=3, url="https://ex.org/appels/aap-1/", title="AAP 1", close_dates=["2027-01-15"])
BPI = SourceConfig(slug="bpifrance", kind="bpifrance", url="https://www.bpifrance.fr/nos-appels-a-projets-concours")
BPI_DATA = Path(__file__).parent / "data" / "sources" / "bpifrance"


def test_the_fingerprint_ignores_the_rank_but_not_the_content_the_kind_or_the_options() -> None:
    base = item_fingerprint(CARD, "bpifrance", {})
    assert item_fingerprint(replace(CARD, position=9), "bpifrance", {}) == base
    assert item_fingerprint(replace(CARD, close_dates=["2027-01-22"]), "bpifrance", {}) != base
    assert item_fingerprint(CARD, "dge", {}) != base
    assert item_fingerprint(CARD, "bpifrance", {"detail_pages": False}) != base


def test_an_item_without_id_is_known_by_its_canonical_url() -> None:
    assert record_key(CARD) == "https://ex.org/appels/aap-1"
    assert seen_unchanged(CARD, "f", {"https://ex.org/appels/aap-1": "f"}) == SeenUnchanged("https://ex.org/appels/aap-1", "f")
    assert seen_unchanged(CARD, "f", {"https://ex.org/appels/aap-1": "autre"}) is None
    assert seen_unchanged(CARD, "f", {}) is None


def test_a_spider_told_what_it_knows_asks_for_no_detail_page_of_an_unchanged_card() -> None:
    first = crawl_offline(spider_class("bpifrance")(source=BPI), BPI_DATA, Request(BPI.url))
    known = {record_key(item): item.fingerprint for item in first.items if item.fingerprint}
    known.pop("appel-a-projets-premiere-usine")
    again = crawl_offline(spider_class("bpifrance")(source=BPI, known=known), BPI_DATA, Request(BPI.url))
    details = [url for url, _ in again.fetched if "/nos-appels-a-projets-concours/" in url]
    # The card left out of `known`, and the one whose detail page failed last time (no fingerprint kept).
    assert sorted(url.rsplit("/", 1)[-1] for url in details) == ["appel-a-projets-premiere-usine", "prix-pepite-tremplin-2027"]
    assert {type(i).__name__ for i in again.items} == {"SeenUnchanged", "RawItem"}
    assert len(again.items) == len(first.items)


DAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("open_date", "close_dates", "recurrence", "stated", "expected"),
    [
        (None, [], None, None, Status.UNKNOWN),
        (None, [], None, Status.UPCOMING, Status.UPCOMING),  # "À venir" without dates
        (None, [date(2027, 3, 1)], None, Status.UPCOMING, Status.UPCOMING),
        (None, [date(2026, 11, 1)], None, Status.UPCOMING, Status.CLOSED),  # its deadline passed anyway
        (date(2026, 10, 1), [date(2027, 3, 1)], None, Status.UPCOMING, Status.OPEN),  # dates known: they decide
        (None, [date(2027, 3, 1)], None, Status.CLOSED, Status.CLOSED),  # "Clos" wins over a future date
        (None, [], Recurrence.PERMANENTE, Status.CLOSED, Status.CLOSED),
        (date(2027, 1, 1), [], None, None, Status.UPCOMING),
        (None, [], Recurrence.PERMANENTE, None, Status.PERMANENT),
    ],
)
def test_the_status_a_source_states_is_honoured_when_its_dates_cannot_say_otherwise(
    open_date: date | None, close_dates: list[date], recurrence: Recurrence | None, stated: Status | None,
    expected: Status,
) -> None:
    assert status_as_of(open_date, close_dates, recurrence, DAY, stated) == expected
