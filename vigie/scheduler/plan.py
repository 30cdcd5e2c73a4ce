"""Which jobs the scheduler runs and when: pure functions of the configuration and of the clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from models.config import SourceConfig, VigieConfig

PARIS = ZoneInfo("Europe/Paris")
HTML_KINDS = frozenset({"bpifrance", "ademe_catalogue", "dge", "banque_territoires", "aura", "grandest"})
"""Kinds that read web pages (crawled weekly by default); every other kind is an API or a feed (daily).
Kept here rather than in crawlers/registry.py: only the scheduler needs the distinction."""
LOOKBACKS = (timedelta(hours=1), timedelta(days=1), timedelta(days=8), timedelta(days=32), timedelta(days=400))


@dataclass(frozen=True)
class JobSpec:
    """One scheduled job."""

    id: str
    """`crawl:<slug>`, `digest`, `retrain`, `dead_links`."""
    kind: str
    """Which function of jobs.py runs it."""
    cron: str
    """Crontab expression, Paris time."""
    label: str
    """French name shown by `vigie status`."""
    args: dict[str, str] = field(default_factory=dict)


def source_cron(source: SourceConfig, config: VigieConfig) -> str:
    """The source's own `schedule`, else crawl_html for web-page kinds, crawl_api for the others."""
    schedule = config.settings.schedule
    if source.schedule:
        return source.schedule
    return schedule.crawl_html if source.kind in HTML_KINDS else schedule.crawl_api


def job_specs(config: VigieConfig) -> list[JobSpec]:
    """Every job: one crawl per enabled source (matching follows each), the week's digests, the
    reranker's retraining, the dead-link check, the retention purge."""
    schedule = config.settings.schedule
    crawls = [JobSpec(f"crawl:{s.slug}", "crawl", source_cron(s, config), f"collecte de {s.slug}", {"slug": s.slug})
              for s in config.sources if s.enabled]
    return crawls + [
        JobSpec("digest", "digest", schedule.digest, "lettres de la semaine"),
        JobSpec("retrain", "retrain", schedule.retrain, "réapprentissage"),
        JobSpec("dead_links", "dead_links", schedule.dead_links, "vérification des liens"),
        JobSpec("purge", "purge", schedule.purge, "purge (conservation)"),
    ]


def trigger(cron: str) -> CronTrigger:
    """The APScheduler trigger of a crontab expression, Paris time."""
    return CronTrigger.from_crontab(cron, timezone=PARIS)


def fire_times(cron: str, start: datetime, end: datetime) -> Iterator[datetime]:
    """Every fire time in [start, end)."""
    cron_trigger = trigger(cron)
    fire = cron_trigger.get_next_fire_time(None, start)
    while fire is not None and fire < end:
        yield fire
        fire = cron_trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))


def last_fire_time(cron: str, now: datetime) -> datetime | None:
    """The latest fire time at or before `now`: the slot a (possibly late) run answers."""
    for lookback in LOOKBACKS:
        times = list(fire_times(cron, now - lookback, now + timedelta(microseconds=1)))
        if times:
            return times[-1]
    return None
