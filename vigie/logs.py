"""Logging: one line per event with key=value context (handlers are configured only here)."""

from __future__ import annotations

import logging


def setup_logging(verbose: bool) -> None:
    """Warnings by default, everything with -v."""
    level = logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for noisy in ("scrapy", "twisted", "urllib3", "filelock", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING if verbose else logging.ERROR)
