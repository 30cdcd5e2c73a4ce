"""Outcomes of store operations (`…Result` / `…Report` records)."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.vocab import ChangeKind, UpsertOutcome


@dataclass(frozen=True)
class UpsertResult:
    """What storing one crawled record did."""

    outcome: UpsertOutcome
    opportunity_id: int
    changed_fields: list[str] = field(default_factory=list)
    events: list[ChangeKind] = field(default_factory=list)
    """History entries written (new, changed, closed, reopened)."""


@dataclass
class CrawlCounts:
    """Per-source summary of a crawl as stored."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    closed: int = 0
    reopened: int = 0
    dropped: int = 0

    def add(self, result: UpsertResult) -> None:
        """Count one upsert."""
        setattr(self, result.outcome.value, getattr(self, result.outcome.value) + 1)
        self.closed += result.events.count(ChangeKind.CLOSED)
        self.reopened += result.events.count(ChangeKind.REOPENED)


@dataclass
class ImportReport:
    """What importing a plan d'actions did, per kind of row."""

    territories_new: int = 0
    porteurs_new: int = 0
    porteurs_updated: int = 0
    porteurs_unchanged: int = 0
    contacts_new: int = 0
    fiches_new: int = 0
    fiches_updated: int = 0
    fiches_unchanged: int = 0
    updated_fiche_ids: list[str] = field(default_factory=list)
