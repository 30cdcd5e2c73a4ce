"""Crawl processes forked from a warm server (crawlers/child.py): time limit, crash report, environment."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from crawlers import crawl_source
from crawlers.child import run_child
from crawlers.preload import component_paths, reactor_free
from models.config.schema import CrawlConfig, SourceConfig

AS_OF = date(2026, 11, 23)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP server on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def write_job(folder: Path, source: SourceConfig, crawl: CrawlConfig) -> Path:
    job = folder / "job.json"
    job.write_text(json.dumps({"source": source.model_dump(mode="json"), "crawl": crawl.model_dump(mode="json"),
                               "cache_dir": str(folder / "cache"), "as_of": AS_OF.isoformat(), "known": {}}), "utf-8")
    return job


def test_a_crawl_process_past_its_time_limit_is_killed(tmp_path: Path, silent_server: str) -> None:
    source = SourceConfig(slug="lent", kind="rss", url=f"{silent_server}/flux.xml")
    crawl = CrawlConfig(obey_robots=False, download_delay=0, retries=0, timeout_seconds=60)
    outcome = run_child(write_job(tmp_path, source, crawl), tmp_path / "out.jsonl", timeout=3)
    assert outcome.timed_out and outcome.exit_code == -9


def test_a_crawl_process_that_crashes_reports_its_error_stream(tmp_path: Path) -> None:
    job = tmp_path / "job.json"
    job.write_text("{pas du JSON", "utf-8")
    outcome = run_child(job, tmp_path / "out.jsonl", timeout=60)
    assert not outcome.timed_out and outcome.exit_code == 1
    assert "JSONDecodeError" in outcome.stderr


def test_a_crawl_process_sees_the_environment_of_the_moment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crawl = CrawlConfig(obey_robots=False, download_delay=0, retries=0, timeout_seconds=5)
    first = tmp_path / "first"
    first.mkdir()
    run_child(write_job(first, SourceConfig(slug="x", kind="rss", url="http://127.0.0.1:9/f.xml"), crawl),
              first / "out.jsonl", timeout=60)  # the server is now running, with the environment of before
    monkeypatch.setenv("VIGIE_TEST_CLE_AT", "cle-de-test")
    source = SourceConfig(slug="at", kind="aides_territoires", url="http://127.0.0.1:9/api",
                          options={"api_key_env": "VIGIE_TEST_CLE_AT"})
    result = crawl_source(source, crawl, tmp_path / "cache", AS_OF)
    assert result.error is not None and "VIGIE_TEST_CLE_AT" not in result.error


def test_the_warm_up_imports_no_reactor_and_the_crawl_components() -> None:
    paths = list(component_paths())
    assert reactor_free()
    assert "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware" in paths
    assert "crawlers.pipelines.NormalisePipeline" in paths
    assert not any(".s3." in p or ".ftp." in p for p in paths)


def test_the_server_outlives_a_crawl_process_that_crashed(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{}", "utf-8")
    assert run_child(broken, tmp_path / "broken.jsonl", timeout=60).exit_code == 1
    crawl = CrawlConfig(obey_robots=False, download_delay=0, retries=0, timeout_seconds=5)
    job = write_job(tmp_path, SourceConfig(slug="x", kind="rss", url="http://127.0.0.1:9/f.xml"), crawl)
    outcome = run_child(job, tmp_path / "out.jsonl", timeout=60)
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert outcome.exit_code == 0 and lines[-1]["type"] == "summary" and lines[-1]["error"]


PROGRAM = '''import sys
sys.path.insert(0, {root!r})
with open({marks!r}, "a") as marks:
    marks.write("lancé\\n")  # what a heavy program (the vigie script) does at import: here, visible


def main():
    import json
    from pathlib import Path
    from crawlers.child import run_child
    for n in range(2):
        job = Path({folder!r}) / f"job{{n}}.json"
        job.write_text("{{}}")
        print(run_child(job, Path({folder!r}) / f"out{{n}}.jsonl", 60).exit_code)


if __name__ == "__main__":
    main()
'''


def test_crawl_processes_do_not_run_the_program_that_started_vigie_again(tmp_path: Path) -> None:
    import subprocess
    import sys

    marks, program = tmp_path / "marks.txt", tmp_path / "programme"  # no .py: like the `vigie` script
    root = str(Path(__file__).resolve().parent.parent)
    program.write_text(PROGRAM.format(root=root, marks=str(marks), folder=str(tmp_path)), "utf-8")
    done = subprocess.run([sys.executable, str(program)], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["1", "1"], done.stderr[-2000:]  # both crawls ran (and failed on "{}")
    assert marks.read_text("utf-8").splitlines() == ["lancé"]
