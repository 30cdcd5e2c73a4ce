"""A re-crawl of an unchanged site is cheap: cards found as last time fetch no detail page and are stored as
unchanged; a changed card is read in full again; a detail page that fails is a warning, read again next time.

Real crawl processes against a private copy of the demo mirror on 127.0.0.1 (requests counted by the server).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from factories import opportunity
from mirror_copy import copy_hosts, mirrored_config

from models.config import VigieConfig
from models.store import Store
from vigie.demo.server import MirrorServer
from vigie.pipeline.crawl import SourceOutcome, crawl_all

AS_OF = date(2026, 11, 23)
SLUGS = ["bpifrance", "dge", "appels-projets-recherche", "nouvelle-aquitaine"]
HOSTS = ["www.bpifrance.fr", "www.entreprises.gouv.fr", "www.appelsprojetsrecherche.fr", "les-aides.nouvelle-aquitaine.fr"]
BPI_LISTING = "www.bpifrance.fr/nos-appels-a-projets-concours.html"
DGE_DETAIL = ("www.entreprises.gouv.fr/espace-entreprises/appels-a-projets-et-appels-a-manifestation-d-interet/"
              "grands-projets-0.html")
DETAIL_PREFIXES = ("/www.bpifrance.fr/nos-appels-a-projets-concours/",
                   "/www.entreprises.gouv.fr/espace-entreprises/appels-a-projets-et-appels-a-manifestation-d-interet/")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A private copy of four hosts of the demo mirror, free to edit."""
    return copy_hosts(tmp_path, HOSTS)


def configured(tmp_path: Path, base_url: str, recheck_after_days: int = 28) -> VigieConfig:
    return mirrored_config(tmp_path, base_url, SLUGS, recheck_after_days=recheck_after_days)


def detail_requests(server: MirrorServer, since: int) -> list[str]:
    return [path for path, _ in server.requests[since:] if path.startswith(DETAIL_PREFIXES)]


def counts(outcomes: list[SourceOutcome]) -> dict[str, tuple[int, int, int, int, int]]:
    return {o.slug: (o.counts.new, o.counts.unchanged, o.counts.changed, o.counts.closed, o.warnings) for o in outcomes}


def test_an_unchanged_site_is_re_crawled_without_detail_pages_and_a_changed_card_is_read_again(
    site: Path, tmp_path: Path
) -> None:
    (site / DGE_DETAIL).unlink()  # answered 404: the call is kept from its card, with a warning
    server = MirrorServer(site)
    config = configured(tmp_path, server.start())
    try:
        store = Store.open(config.database_url)
        first = crawl_all(config, store, [], AS_OF)
        first_details = len(detail_requests(server, 0))
        mark = len(server.requests)
        second = crawl_all(config, store, [], AS_OF)
        second_details = detail_requests(server, mark)
        listing = site / BPI_LISTING
        listing.write_text(listing.read_text("utf-8").replace("05/01/2027 au 02/04/2027", "05/01/2027 au 09/04/2027"))
        mark = len(server.requests)
        third = crawl_all(config, store, ["bpifrance"], AS_OF)
        third_details = detail_requests(server, mark)
    finally:
        server.stop()
    assert first_details == 7
    assert counts(first) == {"bpifrance": (4, 0, 0, 0, 0), "dge": (3, 0, 0, 0, 1),
                             "appels-projets-recherche": (4, 0, 0, 0, 0), "nouvelle-aquitaine": (7, 0, 0, 0, 0)}
    # Only the detail page that failed is asked again (still missing: a warning again).
    assert [p.rsplit("/", 1)[-1] for p in second_details] == ["grands-projets-0"]
    assert counts(second) == {"bpifrance": (0, 4, 0, 0, 0), "dge": (0, 3, 0, 0, 1),
                              "appels-projets-recherche": (0, 4, 0, 0, 0), "nouvelle-aquitaine": (0, 7, 0, 0, 0)}
    assert [o.error for o in second] == [None] * 4
    assert len(third_details) == 1 and third_details[0].endswith("/concours-dinnovation-i-nov-vague-ndeg18")
    assert counts(third) == {"bpifrance": (0, 3, 1, 0, 0)}


def test_with_recheck_after_zero_days_every_detail_page_is_read_again(site: Path, tmp_path: Path) -> None:
    server = MirrorServer(site)
    config = configured(tmp_path, server.start(), recheck_after_days=0)
    try:
        store = Store.open(config.database_url)
        crawl_all(config, store, ["bpifrance"], AS_OF)
        mark = len(server.requests)
        [again] = crawl_all(config, store, ["bpifrance"], AS_OF)
        details = detail_requests(server, mark)
    finally:
        server.stop()
    assert (len(details), again.counts.unchanged) == (4, 4)


def test_a_call_seen_unchanged_keeps_its_stated_status_and_its_deadline_still_closes_it(store: Store) -> None:
    """The store recomputes the status of a call it did not receive again, as of the crawl day."""
    seen = datetime(2026, 11, 23, 6, tzinfo=timezone.utc)
    upcoming = opportunity("a-venir", source="s", open_date=None, close_dates=[], stated_status="upcoming")
    ending = opportunity("fin", source="s", close_dates=[date(2026, 11, 30)])
    store.store_crawl("s", [upcoming, ending], seen, AS_OF, complete=True, fingerprints={"a-venir": "f1", "fin": "f2"})
    assert store.crawl_fingerprints("s") == {"a-venir": "f1", "fin": "f2"}
    later = counts_of(store.store_crawl("s", [], seen, date(2026, 12, 7), complete=True, unchanged=["a-venir", "fin"]))
    statuses = {d.source_id: d.status.value for _, d in store.opportunities()}
    assert (later, statuses) == ((0, 2, 0, 1), {"a-venir": "upcoming", "fin": "closed"})


def counts_of(c) -> tuple[int, int, int, int]:  # noqa: ANN001
    return (c.new, c.unchanged, c.changed, c.closed)
