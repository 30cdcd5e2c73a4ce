"""Run the demo: serve the mirror on 127.0.0.1, crawl it, import the demo plan, match, write digests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from models.config import VigieConfig, load_config
from models.plan import read_plan
from models.store import ImportReport, Store
from notifier import iso_week
from vigie.context import source_kinds
from vigie.defaults import copy_example_config
from vigie.demo.server import rebase_sources, serve_site, unmirror
from vigie.pipeline.clock import utcnow
from vigie.pipeline.crawl import SourceOutcome, crawl_all
from vigie.pipeline.digest import DigestOutcome
from vigie.pipeline.weekly import run_weekly
from vigie.pipeline.match import RankedMatch, match_stored

DEMO_AS_OF = date(2026, 11, 23)
"""The mirror's calls are dated around this Monday; the demo runs as of it unless --as-of says otherwise."""
MARKER = ".vigie-demo"
DEMO_AT_KEY = ("VIGIE_AIDES_TERRITOIRES_KEY", "cle-de-demonstration")
"""The mirror answers Aides-territoires' token exchange whatever the key: a stand-in key lets the demo crawl it."""


@dataclass
class DemoReport:
    """Everything the demo produced, and where."""

    directory: Path
    config_dir: Path
    base_url: str
    database_url: str
    crawl: list[SourceOutcome]
    plan: ImportReport
    matches: list[RankedMatch]
    digests: list[DigestOutcome]
    week: str
    as_of: date


def prepare_directory(directory: Path) -> Path:
    """A fresh demo folder (an earlier demo there is replaced; any other non-empty folder is refused)."""
    from models.errors import VigieError

    if directory.exists() and any(directory.iterdir()) and not (directory / MARKER).exists():
        raise VigieError("démo impossible", str(directory), "ce dossier existe et n'est pas un dossier de démo")
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    (directory / MARKER).write_text("dossier créé par « vigie demo »\n", encoding="utf-8")
    copy_example_config(directory / "config")
    return directory / "config"


def demo_config(config_dir: Path, base_url: str) -> VigieConfig:
    """The example config with its sources pointed at the local mirror, review not required, and no
    politeness delay (the mirror is our own server on loopback; real sites keep the configured delay)."""
    config = load_config(config_dir, source_kinds())
    matching = config.settings.matching.model_copy(update={"review_required": False})
    crawl = config.settings.crawl.model_copy(update={"download_delay": 0})
    settings = config.settings.model_copy(update={"matching": matching, "crawl": crawl})
    return config.model_copy(update={"sources": rebase_sources(config.sources, base_url), "settings": settings})


def run_demo(directory: Path, as_of: date, say: Callable[[str], None] = print) -> DemoReport:
    """The whole pipeline on the mirror; returns what happened."""
    config_dir = prepare_directory(directory)
    site = Path(str(resources.files("vigie.demo") / "site"))
    base_url, stop = serve_site(site)
    os.environ.setdefault(*DEMO_AT_KEY)
    say(f"Miroir des sources servi sur {base_url}")
    try:
        config = demo_config(config_dir, base_url)
        store = Store.open(config.database_url)
        crawl = crawl_all(config, store, [], as_of, on_start=lambda s: say(f"Collecte : {s.slug} ({s.kind})…"),
                          transform=unmirror(base_url))
    finally:
        stop()
    plan_file = Path(str(resources.files("vigie.demo") / "plan_actions.csv"))
    known = {t.id: t.nom for t in config.plan.territories}
    plan_report = store.import_plan(read_plan(plan_file, known), utcnow())
    matches = match_stored(config, store, as_of)
    week = iso_week(as_of)
    digests = run_weekly(config, store, week, as_of, send=True)
    store.close()
    return DemoReport(directory, config_dir, base_url, config.database_url, crawl, plan_report, matches,
                      digests, week, as_of)
