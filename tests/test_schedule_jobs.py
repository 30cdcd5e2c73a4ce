"""The job functions on their own: a hung source is killed and recorded; dead links are found politely."""

from __future__ import annotations

import socket
import threading
import time
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from models.store import Store
from tests.factories import opportunity
from tests.schedule_world import csv_source, write_config
from vigie.scheduler.jobs import JobFailed, crawl_job, dead_links_job, purge_job

AS_OF = date(2026, 11, 24)


@pytest.fixture
def hung_server() -> str:
    """A server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()
    for connection in held:
        connection.close()


def test_a_hung_source_is_killed_at_its_time_limit_and_recorded_on_the_source(tmp_path: Path, hung_server: str) -> None:
    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url, csv_source("lente", f"{hung_server}/aides.csv"),
                          timeout=120, process_timeout=10)
    started = time.monotonic()
    with pytest.raises(JobFailed) as failure:
        crawl_job(folder, AS_OF, "lente")
    assert time.monotonic() - started < 30
    assert str(failure.value) == "collecte en échec: lente: délai dépassé : collecte arrêtée après 10 s"
    [health] = Store.open(db_url).sources_health()
    assert (health.slug, health.consecutive_failures) == ("lente", 1)
    assert health.last_error == "délai dépassé : collecte arrêtée après 10 s"


class Site(BaseHTTPRequestHandler):
    """/ok 200, /gone 404, /no-head 405 to HEAD and 200 to GET, /moved → /ok, /prive/ forbidden by robots.txt."""

    seen: list[tuple[str, str, str]] = []

    def do_HEAD(self) -> None:  # noqa: N802
        self.answer("HEAD")

    def do_GET(self) -> None:  # noqa: N802
        self.answer("GET")

    def answer(self, method: str) -> None:
        Site.seen.append((method, self.path, self.headers.get("User-Agent", "")))
        body = b"User-agent: *\nDisallow: /prive/\n" if self.path == "/robots.txt" else b"ok"
        status = {"/gone": 404, "/no-head": 405 if method == "HEAD" else 200, "/moved": 301}.get(self.path, 200)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method == "GET":
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_the_dead_link_check_records_each_open_calls_link_and_obeys_robots_txt(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url)
    store = Store.open(db_url)
    for path in ("ok", "gone", "no-head", "moved", "prive/x"):
        store.upsert_opportunity(opportunity(path.replace("/", "-"), url=f"{base}/{path}"), datetime(2026, 11, 20, tzinfo=UTC))
    store.upsert_opportunity(opportunity("old", url=f"{base}/gone", close_dates=[date(2026, 1, 1)]),
                             datetime(2026, 11, 20, tzinfo=UTC))
    try:
        message = dead_links_job(folder, AS_OF)
    finally:
        server.shutdown()
    assert message == "4 liens vérifiés, 1 morts, 1 bloqués par robots.txt, 0 reportés (délai)"
    checks = {c.url.removeprefix(base): (c.ok, c.status_code, c.error) for c in store.link_checks().values()}
    assert checks == {"/ok": (True, 200, None), "/gone": (False, 404, "réponse HTTP 404"), "/no-head": (True, 200, None),
                      "/moved": (True, 200, None)}
    assert ("GET", "/no-head") in {(m, p) for m, p, _ in Site.seen}
    assert all(agent.startswith("Vigie/") and "mailto:" in agent for _, _, agent in Site.seen)
    assert store.link_counts(AS_OF).dead == 1 and store.link_counts(AS_OF).unchecked == 1


def test_the_purge_job_forgets_old_crawl_runs_but_keeps_each_sources_last(tmp_path: Path) -> None:
    from models.store import CrawlCounts

    db_url = f"sqlite:///{tmp_path}/v.db"
    folder = write_config(tmp_path / "conf", db_url)
    store = Store.open(db_url)
    for day in (datetime(2024, 1, 5, tzinfo=UTC), datetime(2024, 2, 5, tzinfo=UTC)):  # older than 365 days
        store.record_crawl("csv", "dispositif_aide_csv", day, day, CrawlCounts(), None)
    message = purge_job(folder, AS_OF)
    assert "1 collectes effacées" in message and store.count_crawl_runs() == 1


def test_the_purge_job_counts_ages_from_its_own_day_not_from_the_machines_clock(tmp_path: Path) -> None:
    """An outbox letter 60 days older than the job's day stays (kept 90 days), whatever the machine's date."""
    import os

    folder = write_config(tmp_path / "conf", f"sqlite:///{tmp_path}/v.db")
    letter = folder / "var" / "outbox" / "2026-W39" / "lettre.eml"
    letter.parent.mkdir(parents=True)
    letter.write_text("Subject: essai\n\n.")
    written = datetime(2026, 9, 25, tzinfo=UTC).timestamp()
    os.utime(letter, (written, written))
    message = purge_job(folder, AS_OF)
    assert "0 fichiers de la boîte d'envoi supprimés" in message and letter.exists()
    purge_job(folder, date(2027, 1, 4))  # 101 days after it was written
    assert not letter.exists()
