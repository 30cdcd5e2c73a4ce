"""Which jobs exist and when: sources by kind (API daily, HTML weekly), per-source override, cron slots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from models.config import load_config
from tests.schedule_world import csv_source, write_config
from vigie.context import source_kinds
from vigie.scheduler.plan import PARIS, fire_times, job_specs, last_fire_time

HTML = '[[source]]\nslug = "dge"\nkind = "dge"\nurl = "https://www.entreprises.gouv.fr/aap"\n\n'


def specs_of(tmp_path: Path, sources: str) -> dict[str, tuple[str, str]]:
    folder = write_config(tmp_path / "conf", "sqlite:///var/v.db", sources)
    return {s.id: (s.kind, s.cron) for s in job_specs(load_config(folder, source_kinds()))}


def test_api_sources_are_crawled_daily_html_ones_weekly_plus_digest_retrain_links_and_purge(tmp_path: Path) -> None:
    specs = specs_of(tmp_path, csv_source("csv", "https://example.org/a.csv") + HTML)
    assert specs == {
        "crawl:csv": ("crawl", "0 6 * * *"), "crawl:dge": ("crawl", "0 5 * * mon"),
        "digest": ("digest", "0 8 * * mon"), "retrain": ("retrain", "0 3 * * sun"),
        "dead_links": ("dead_links", "0 4 * * sat"), "purge": ("purge", "30 4 * * *"),
    }


def test_a_source_schedule_in_sources_toml_overrides_its_kind_default(tmp_path: Path) -> None:
    specs = specs_of(tmp_path, csv_source("csv", "https://example.org/a.csv", schedule="30 7 * * 1-5"))
    assert specs["crawl:csv"] == ("crawl", "30 7 * * 1-5")


def test_a_disabled_source_has_no_job(tmp_path: Path) -> None:
    specs = specs_of(tmp_path, csv_source("csv", "https://example.org/a.csv").replace("url", "enabled = false\nurl"))
    assert "crawl:csv" not in specs


def test_a_late_run_answers_the_latest_cron_time_before_it() -> None:
    tuesday = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    assert last_fire_time("0 8 * * mon", tuesday) == datetime(2026, 11, 23, 8, 0, tzinfo=PARIS)
    assert last_fire_time("0 6 * * *", tuesday) == datetime(2026, 11, 24, 6, 0, tzinfo=PARIS)
    assert last_fire_time("*/5 * * * *", tuesday) == datetime(2026, 11, 24, 10, 30, tzinfo=PARIS)


def test_a_run_exactly_on_time_answers_its_own_slot() -> None:
    monday = datetime(2026, 11, 23, 8, 0, tzinfo=PARIS)
    assert last_fire_time("0 8 * * mon", monday) == monday


def test_eight_weeks_hold_eight_weekly_and_fifty_six_daily_fire_times_across_the_dst_change() -> None:
    start = datetime(2027, 3, 1, tzinfo=PARIS)  # summer time starts on 28/03/2027
    end = start + timedelta(weeks=8)
    daily = list(fire_times("0 6 * * *", start, end))
    assert len(list(fire_times("0 8 * * mon", start, end))) == 8
    assert len(daily) == 56 and {d.hour for d in daily} == {6}
