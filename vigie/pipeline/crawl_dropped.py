"""The calls a source's last crawl dropped, with their reasons: for `vigie sources --details` and the web page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from models import display
from models.config import SourceConfig
from models.tables import CrawlRun


@dataclass(frozen=True)
class DroppedReport:
    """What one source's last crawl dropped."""

    slug: str
    finished_at: datetime | None
    """When the run ended (None: the crawl just done)."""
    count: int
    """Calls dropped (all of them, even past the reasons kept)."""
    reasons: tuple[str, ...]
    """French reason per dropped call, as kept with the run."""

    @property
    def headline(self) -> str:
        """« 2 appels écartés lors de la collecte du 23/11/2026 » (without the day for the crawl just done)."""
        noun = "appel écarté" if self.count == 1 else "appels écartés"
        if self.finished_at is None:
            return f"{self.count} {noun}"
        return f"{self.count} {noun} lors de la collecte du {display.short_date(self.finished_at.date())}"

    @property
    def hidden(self) -> str | None:
        """The line for the reasons not kept (« … et 3 autres, raisons non conservées »), or None."""
        rest = self.count - len(self.reasons)
        if rest <= 0:
            return None
        if rest == 1:
            return "… et 1 autre, raison non conservée"
        return f"… et {rest} autres, raisons non conservées"


def dropped_report(slug: str, run: CrawlRun | None) -> DroppedReport | None:
    """The report of a source's last run, or None when it dropped nothing (or never ran)."""
    if run is None or not run.dropped:
        return None
    return DroppedReport(slug, run.finished_at, run.dropped, tuple(run.dropped_reasons or ()))


def dropped_reports(sources: Sequence[SourceConfig], runs: dict[str, CrawlRun]) -> list[DroppedReport]:
    """The reports of the configured sources whose last run dropped calls, in configuration order."""
    reports = (dropped_report(source.slug, runs.get(source.slug)) for source in sources)
    return [report for report in reports if report is not None]
