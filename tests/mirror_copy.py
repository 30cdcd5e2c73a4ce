"""A private copy of some hosts of the demo mirror, and the example configuration crawling a few of its sources."""

from __future__ import annotations

import shutil
from collections.abc import Collection, Iterable
from pathlib import Path

from models.config import VigieConfig, load_config
from vigie.context import source_kinds
from vigie.defaults import copy_example_config
from vigie.demo.server import SITE, rebase_sources


def copy_hosts(folder: Path, hosts: Iterable[str]) -> Path:
    """`folder`/site: the mirror's robots.txt and these hosts' pages, free to edit."""
    copy = folder / "site"
    copy.mkdir()
    shutil.copy(SITE / "robots.txt", copy / "robots.txt")
    for host in hosts:
        shutil.copytree(SITE / host, copy / host)
    return copy


def example_config(folder: Path, slugs: Collection[str], **crawl: object) -> VigieConfig:
    """The example configuration written to `folder`/conf, with only the sources `slugs` and `crawl` settings."""
    copy_example_config(folder / "conf")
    config = load_config(folder / "conf", source_kinds())
    settings = config.settings.model_copy(update={"crawl": config.settings.crawl.model_copy(update=crawl)})
    sources = [s for s in config.sources if s.slug in slugs]
    return config.model_copy(update={"sources": sources, "settings": settings})


def mirrored_config(folder: Path, base_url: str, slugs: Collection[str], **crawl: object) -> VigieConfig:
    """`example_config` with its sources on the mirror at `base_url`, crawled without delay nor retry."""
    config = example_config(folder, slugs, download_delay=0, retries=0, **crawl)
    return config.model_copy(update={"sources": rebase_sources(config.sources, base_url)})
