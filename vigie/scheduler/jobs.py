"""The scheduled jobs: plain functions `(config_dir, as_of, …) -> French summary line`.

Each reads the configuration afresh (an edit of settings.toml or sources.toml counts from the next run),
opens the store, does its work, closes the store. A failure raises: VigieError for an expected one
(the runner records its French line), SQLAlchemy errors when the database is away (the runner retries).
The soak test calls them directly with an accelerated clock (`as_of`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path

from models import display
from models.config import VigieConfig, load_config
from models.display import SEND_OUTCOME_LABELS
from models.errors import VigieError
from models.store import Store
from notifier import iso_week
from vigie.context import source_kinds
from vigie.pipeline.crawl import SourceOutcome, crawl_one, select_sources
from vigie.pipeline.match import learn_from_reviews, match_stored
from vigie.pipeline.retention import purge
from vigie.pipeline.weekly import run_weekly
from vigie.scheduler.deadlinks import check_links


class JobFailed(VigieError):
    """The job ran but did not do its work (a source failed): recorded, not retried."""


@contextmanager
def opened(config_dir: str | Path) -> Iterator[tuple[VigieConfig, Store]]:
    """The validated configuration and its store, closed afterwards."""
    config = load_config(Path(config_dir), source_kinds())
    store = Store.open(config.database_url)
    try:
        yield config, store
    finally:
        store.close()


def crawl_job(config_dir: str | Path, as_of: date, slug: str) -> str:
    """Crawl one source (in its own process, with its time limit), then re-match what changed."""
    with opened(config_dir) as (config, store):
        [(source, skipped)] = select_sources(config, store, [slug])
        if skipped:
            return f"{slug} : non collectée ({skipped})"
        outcome = crawl_one(config, store, source, as_of)
        if outcome.error:
            raise JobFailed("collecte en échec", slug, outcome.error)
        if outcome.skipped:  # not configured yet (an API key missing): nothing new to match
            return crawl_line(outcome)
        matches = match_stored(config, store, as_of)
        return f"{crawl_line(outcome)} ; appariement : {len(matches)} correspondances retenues"


def crawl_line(outcome: SourceOutcome) -> str:
    """`slug : 2 nouveaux, 1 modifiés, 5 inchangés, 0 clos` (or why it was not crawled)."""
    if outcome.skipped:
        return f"{outcome.slug} : {outcome.skipped}"
    c = outcome.counts
    return f"{outcome.slug} : {c.new} nouveaux, {c.changed} modifiés, {c.unchanged} inchangés, {c.closed} clos"


def digest_job(config_dir: str | Path, as_of: date) -> str:
    """Send the week's digests (porteurs, then chefs de projet): exactly once per contact and week."""
    with opened(config_dir) as (config, store):
        week = iso_week(as_of)
        outcomes = run_weekly(config, store, week, as_of, send=True)
    counts = Counter(o.status for o in outcomes)
    detail = ", ".join(f"{n} {display.label(status, SEND_OUTCOME_LABELS)}"
                       for status, n in sorted(counts.items())) or "aucune lettre"
    if counts.get("failed") or counts.get("pending"):
        raise JobFailed("lettres non envoyées", week, detail)
    return f"semaine {week} : {detail}"


def retrain_job(config_dir: str | Path, as_of: date) -> str:
    """Learn from the chef de projet's reviews; the model is kept only if it does better."""
    with opened(config_dir) as (config, store):
        report = learn_from_reviews(config, store, as_of)
    return report.message


def dead_links_job(config_dir: str | Path, as_of: date) -> str:
    """Check the links of the stored calls still open (politely, one request at a time)."""
    with opened(config_dir) as (config, store):
        report = check_links(config, store, as_of)
    return report.summary()


def purge_job(config_dir: str | Path, as_of: date) -> str:
    """Forget raw payloads and crawl history older than [retention] (never a call, a match or a review), ages
    counted from the job's day (as every other job), not from the machine's clock."""
    with opened(config_dir) as (config, store):
        report = purge(config, store, datetime.combine(as_of, time(), tzinfo=UTC))
    return (f"{report.raw_payloads} données brutes vidées, {report.crawl_runs} collectes effacées, "
            f"{report.outbox_files} fichiers de la boîte d'envoi supprimés")


JOBS: dict[str, Callable[..., str]] = {
    "crawl": crawl_job,
    "digest": digest_job,
    "retrain": retrain_job,
    "dead_links": dead_links_job,
    "purge": purge_job,
}
"""JobSpec.kind → function."""
