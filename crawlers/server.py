"""The crawl process server's start-up (imported there only, via crawlers/child.py's preload list).

Two things: import what every crawl needs (crawlers.preload), and keep multiprocessing from running the
program that started Vigie again in each crawl process. For a program started from a file (the
`vigie` script), multiprocessing re-executes that file in every child before calling the target, so
each crawl re-imported the whole CLI (≈ 1.5 s); the forkserver's own "__main__" preload cannot help,
since the server is not told the main path. A crawl's target lives in `crawlers.child`, never in the
main program, so the server's children skip that step. Only this server process is patched.
"""

from __future__ import annotations

from multiprocessing import spawn

import crawlers.preload  # noqa: F401 - imported for its side effect: scrapy and the crawl components


def _main_not_needed(main_path: str) -> None:
    """Stands for multiprocessing's `_fixup_main_from_path` in the crawl processes: nothing to run."""


if hasattr(spawn, "_fixup_main_from_path"):
    spawn._fixup_main_from_path = _main_not_needed
