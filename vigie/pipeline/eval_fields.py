"""Crawl a corpus of source pages with the shipped configuration and judge every fact against its `expected.csv`.

A corpus folder holds `site/<host>/<path>` (a mirror of the real sites, served on 127.0.0.1 as the demo's is),
`expected.csv` (facts written by hand from the pages alone, crawlers/field_accuracy.py) and `SET.toml`
(`as_of`: the corpus's day; `usage`: « reglage » when it was used to develop, « ecart » when never).
The crawl runs exactly as `vigie crawl` does, into a throwaway SQLite database: nothing the user stores is
touched.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crawlers.field_accuracy import FieldReport, compare, read_expected
from models.config import VigieConfig
from models.errors import VigieError
from models.store import Store
from vigie.demo.run import DEMO_AT_KEY, on_mirror
from vigie.demo.server import serve_site, unmirror
from vigie.pipeline.crawl import SourceOutcome, crawl_all

USAGES = {"reglage": "jeu de réglage (servi à corriger les collecteurs)",
          "ecart": "jeu tenu à l'écart (jamais servi à corriger les collecteurs)"}


@dataclass(frozen=True)
class CorpusRun:
    """A corpus crawled and judged."""

    report: FieldReport
    outcomes: list[SourceOutcome]
    as_of: date
    usage: str


def corpus_day(folder: Path) -> tuple[date, str]:
    """(as_of, usage) of a corpus, from its SET.toml."""
    path = folder / "SET.toml"
    if not path.is_file():
        raise VigieError("corpus illisible", str(folder), "SET.toml absent (as_of = « AAAA-MM-JJ », usage)")
    try:
        table = tomllib.loads(path.read_text("utf-8"))
        return date.fromisoformat(str(table["as_of"])), str(table.get("usage", "reglage"))
    except (KeyError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise VigieError("corpus illisible", str(path), f"as_of manquant ou invalide ({exc})") from exc


def run_corpus(config: VigieConfig, folder: Path, as_of: date | None = None) -> CorpusRun:
    """Crawl `folder/site` with every configured source and judge the records against `folder/expected.csv`."""
    day, usage = corpus_day(folder)
    day = as_of or day
    expected = read_expected(folder / "expected.csv")
    if not (folder / "site").is_dir():
        raise VigieError("corpus illisible", str(folder), "dossier site/ absent")
    with tempfile.TemporaryDirectory(prefix="vigie-champs-") as scratch:
        records, outcomes = _crawl(config, folder / "site", Path(scratch), day)
    return CorpusRun(compare(expected, records, day), outcomes, day, usage)


def _crawl(config: VigieConfig, site: Path, scratch: Path, day: date) -> tuple[list, list[SourceOutcome]]:
    base_url, stop = serve_site(site)
    os.environ.setdefault(*DEMO_AT_KEY)
    try:
        mirrored = on_mirror(config, base_url, http_cache_dir=str(scratch / "httpcache"), recheck_after_days=0)
        settings = mirrored.settings.model_copy(update={"database_url": f"sqlite:///{scratch / 'champs.db'}"})
        local = mirrored.model_copy(update={"settings": settings})
        store = Store.open(local.database_url)
        try:
            outcomes = crawl_all(local, store, [], day, transform=unmirror(base_url))
            records = [record for _, record in store.opportunities(include_closed=True)]
        finally:
            store.close()
    finally:
        stop()
    return records, outcomes
