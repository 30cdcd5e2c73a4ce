"""`kill -9` of `vigie crawl` in the middle of a source, then a rerun: nothing stored twice, nothing lost,
the sources' health right. A real `vigie crawl` process (and its scrapy child) against a local mirror that
serves the listings, then stalls on Bpifrance's detail pages until the crawl is killed."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from killproc import group_members, kill_group, run_vigie, start_vigie, wait_for
from test_territories_e2e import DATA
from vigie.demo.server import SITE, MirrorServer

DETAIL = "/www.bpifrance.fr/nos-appels-a-projets-concours/"


class StallingMirror(MirrorServer):
    """The demo mirror; while `stall` is set, detail pages under DETAIL hang until `release` (or 60 s)."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.stall, self.stalled, self.release = threading.Event(), threading.Event(), threading.Event()
        mirror, base = self, self._httpd.RequestHandlerClass

        class Handler(base):  # type: ignore[misc, valid-type]
            def _answer(self, with_body: bool) -> None:
                if mirror.stall.is_set() and urlsplit(self.path).path.startswith(DETAIL):
                    mirror.stalled.set()
                    mirror.release.wait(60)
                try:
                    super()._answer(with_body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the crawl was killed while this page hung

        self._httpd.RequestHandlerClass = Handler


@pytest.fixture
def mirror() -> Iterator[StallingMirror]:
    server = StallingMirror(SITE)
    server.start()
    yield server
    server.release.set()
    server.stop()


@pytest.fixture
def conf(tmp_path: Path, mirror: StallingMirror) -> Path:
    """Two shared sources (a CSV, then Bpifrance's listing + detail pages) pointed at the mirror."""
    shutil.copytree(DATA, tmp_path / "conf")
    sources = tmp_path / "conf" / "sources.toml"
    sources.write_text(sources.read_text("utf-8").replace("https://", f"{mirror.base_url}/"), "utf-8")
    return tmp_path / "conf"


def stored(conf: Path) -> dict[str, list[tuple[int, str, str]]]:
    """(id, source_id, title) of the stored calls, per source."""
    with sqlite3.connect(conf / "var" / "vigie.db") as db:
        rows = db.execute("select id, source, source_id, title from opportunity order by id").fetchall()
    result: dict[str, list[tuple[int, str, str]]] = {}
    for row_id, source, source_id, title in rows:
        result.setdefault(source, []).append((row_id, source_id, title))
    return result


def health(conf: Path) -> dict[str, tuple[int, bool, int]]:
    """Per source: (consecutive failures, has a last success, crawl runs recorded)."""
    with sqlite3.connect(conf / "var" / "vigie.db") as db:
        runs = dict(db.execute("select source, count(*) from crawlrun group by source").fetchall())
        rows = db.execute("select slug, consecutive_failures, last_success_at from source").fetchall()
    return {slug: (failures, success is not None, runs.get(slug, 0)) for slug, failures, success in rows}


def test_a_crawl_killed_mid_source_then_rerun_stores_nothing_twice_and_loses_nothing(
    conf: Path, mirror: StallingMirror, tmp_path: Path,
) -> None:
    log = tmp_path / "crawl.log"
    mirror.stall.set()
    crawl = start_vigie(conf, "--as-of", "2026-11-23", "crawl", log=log)
    wait_for(mirror.stalled.is_set, 120, "aucune page d'appel Bpifrance demandée")
    assert len(group_members(crawl.pid)) >= 2, "la collecte devrait tourner dans un processus scrapy enfant"
    kill_group(crawl)
    assert not group_members(crawl.pid), "un processus de la collecte a survécu au kill -9"
    before = stored(conf)
    assert before.get("mte") and not before.get("bpifrance"), log.read_text("utf-8")
    assert health(conf) == {"mte": (0, True, 1)}  # the killed source left no half-recorded run

    mirror.stall.clear()
    mirror.release.set()
    assert run_vigie(conf, "--as-of", "2026-11-23", "crawl", log=log) == 0, log.read_text("utf-8")
    after = stored(conf)
    assert after["mte"] == before["mte"]  # same rows, same ids: nothing lost, nothing stored again
    assert len(after["bpifrance"]) >= 3
    for rows in after.values():
        assert len({r[1] for r in rows}) == len(rows) and len({r[2] for r in rows}) == len(rows)
    assert health(conf) == {"mte": (0, True, 2), "bpifrance": (0, True, 1)}
