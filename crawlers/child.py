"""Crawl processes: one fresh process per crawl, forked from a server that has already imported scrapy.

Scrapy's reactor cannot restart, so each crawl needs a process of its own; starting Python and
importing scrapy and its components costs about a second, most of an unchanged re-crawl. The
standard library's forkserver (multiprocessing) starts one clean server process per Vigie process,
which imports `crawlers.server` (hence `crawlers.preload`) once; every crawl is then a fork of it: its own process, its own
reactor, its own memory, killed on time-out like any child. The server is a fresh interpreter (not a
fork of a threaded scheduler) and exits with its parent.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PRELOAD = ["crawlers.server"]
"""What the server imports when it starts (scrapy, the crawl components; see crawlers/server.py)."""
_announced: set[str] = set()
"""Spider modules the coming crawls need (see `announce`): imported by the server too, when it starts."""


@dataclass(frozen=True)
class ChildOutcome:
    """How a crawl process ended."""

    exit_code: int | None
    """0 on success; negative: killed by that signal."""
    timed_out: bool
    stderr: str
    """What the process wrote on its error stream (scrapy's warnings, a traceback)."""


def announce(modules: Iterable[str]) -> None:
    """Modules the coming crawls will import (their spiders): the server imports them once if it has not
    started yet; otherwise each crawl imports its own (a few hundredths of a second)."""
    _announced.update(modules)


def _context() -> Any:
    """The forkserver context, told what its server should import (taken into account when it starts)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([*PRELOAD, *sorted(_announced)])
    return context


def run_child(job: Path, output: Path, timeout: float) -> ChildOutcome:
    """Run `crawlers.process` on `job` in a new process; kill it after `timeout` seconds."""
    errors = job.with_name("stderr.txt")
    process = _context().Process(
        target=child_main, args=(str(job), str(output), str(errors), dict(os.environ), os.getcwd()),
        name="vigie-crawl",
    )
    process.start()
    process.join(timeout)
    timed_out = process.is_alive()
    if timed_out:
        process.kill()
        process.join()
    stderr = errors.read_text("utf-8", errors="replace") if errors.exists() else ""
    return ChildOutcome(process.exitcode, timed_out, stderr)


def child_main(job: str, output: str, errors: str, environ: dict[str, str], cwd: str) -> None:
    """In the crawl process: the parent's environment and directory (the server's may be older), the error
    stream to a file, then the crawl."""
    os.environ.clear()
    os.environ.update(environ)
    os.chdir(cwd)
    descriptor = os.open(errors, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(descriptor, 2)
    os.close(descriptor)
    from crawlers.process import main

    sys.exit(main([job, output]))
