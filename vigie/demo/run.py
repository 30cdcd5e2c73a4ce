"""Run the demo: serve the mirror on 127.0.0.1, crawl it, import the demo plan, match, play the chef de projet's
review, write the letters of what was accepted."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from models.config import VigieConfig, load_config
from models.plan import read_plan
from models.store import ImportReport, Store
from notifier import iso_week
from vigie.context import source_kinds
from vigie.demo.chef import DemoReviews, play_chef
from vigie.demo.folder import DemoFolder, prepare_directory
from vigie.demo.server import rebase_sources, serve_site, unmirror
from vigie.pipeline.clock import utcnow
from vigie.pipeline.crawl import SourceOutcome, crawl_all
from vigie.pipeline.digest import DigestOutcome
from vigie.pipeline.weekly import run_weekly
from vigie.pipeline.match import RankedMatch, match_stored

DEMO_AS_OF = date(2026, 11, 23)
"""The mirror's calls are dated around this Monday; the demo runs as of it unless --as-of says otherwise."""
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
    reviews: DemoReviews
    digests: list[DigestOutcome]
    week: str
    as_of: date
    folder: DemoFolder
    config: VigieConfig
    secret_key: str
    """The random key of this run (web.secret_key_env): it signed the letters' personal links, and `vigie serve`
    needs it to open them and to sign its sessions."""


def demo_config(config_dir: Path, base_url: str) -> VigieConfig:
    """The demo's config with its sources pointed at the local mirror and no politeness delay (the mirror is
    our own server on loopback; real sites keep the configured delay). Review stays as configured: required."""
    return on_mirror(load_config(config_dir, source_kinds()), base_url)


def on_mirror(config: VigieConfig, base_url: str, **crawl: object) -> VigieConfig:
    """`config` with its sources pointed at a local mirror and no politeness delay (`crawl`: more [crawl]
    settings)."""
    settings = config.settings.model_copy(update={
        "crawl": config.settings.crawl.model_copy(update={"download_delay": 0, **crawl})})
    return config.model_copy(update={"sources": rebase_sources(config.sources, base_url), "settings": settings})


@contextmanager
def secret_key_set(name: str, key: str) -> Iterator[None]:
    """The environment variable `name` holds `key` within the block (letters then carry the contacts' personal
    links), and is put back as it was after."""
    before = os.environ.get(name)
    os.environ[name] = key
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def run_demo(directory: Path, as_of: date, say: Callable[[str], None] = print, reset: bool = False,
             rerun: str = "--reinitialiser") -> DemoReport:
    """The whole pipeline on the mirror; returns what happened. `reset` allows erasing an earlier demo someone
    worked in (`rerun`: the command to say so, named when refusing)."""
    folder = prepare_directory(directory, reset, rerun)
    config_dir = folder.config_dir
    if folder.erased:
        say(f"Démo précédente réinitialisée ; effacé : {' ; '.join(folder.erased)}.")
    elif folder.replaced:
        say("Démo précédente remplacée : rien n'y avait été fait depuis (ni revue, ni compte, ni réglage).")
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
    say("Appariement des fiches-actions aux appels…")
    matches = match_stored(config, store, as_of)
    say("Revue : la démo joue le chef de projet…")
    reviews = play_chef(store, config.settings.matching.threshold, as_of, utcnow())
    week = iso_week(as_of)
    say(f"Lettres de la semaine {week}…")
    secret_key = secrets.token_urlsafe(32)
    with secret_key_set(config.settings.web.secret_key_env, secret_key):
        digests = run_weekly(config, store, week, as_of, send=True)
    store.close()
    return DemoReport(directory, config_dir, base_url, config.database_url, crawl, plan_report, matches,
                      reviews, digests, week, as_of, folder, config, secret_key)
