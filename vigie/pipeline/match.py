"""Score the stored calls against the stored plan and keep the results (reviews are preserved)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import matcher
from matcher.analysis import TextAnalyzer
from matcher.semantic import CachedEncoder, Encoder, SpacyEncoder
from models.config import VigieConfig
from models.records import MatchResult, OpportunityData
from models.store import Store
from vigie.pipeline.clock import utcnow


@dataclass(frozen=True)
class RankedMatch:
    """A match result with its rank among the fiche's eligible calls and the call itself."""

    result: MatchResult
    rank: int | None
    opportunity: OpportunityData


def sync_config_plan(config: VigieConfig, store: Store) -> None:
    """Porteurs and fiches written in config/porteurs/*.toml join the stored plan."""
    store.import_plan(config.plan, utcnow())


_ENCODER: Encoder | None = None


def default_encoder() -> Encoder:
    """The semantic encoder of real runs: spaCy word vectors, cached by text for the process."""
    global _ENCODER
    if _ENCODER is None:
        _ENCODER = CachedEncoder(SpacyEncoder())
    return _ENCODER


def match_stored(
    config: VigieConfig, store: Store, as_of: date, analyzer: TextAnalyzer | None = None, encoder: Encoder | None = None
) -> list[RankedMatch]:
    """Match every stored fiche against every call not closed as of the day (one per cross-source group).

    Without an analyzer the real ones run (spaCy lemmas and word vectors); a test passing a fake
    analyzer gets no semantic signal unless it passes an encoder too.
    """
    if analyzer is None and encoder is None:
        encoder = default_encoder()
    sync_config_plan(config, store)
    plan = store.plan()
    # One record per call: a call listed by several sources is matched (and proposed) once.
    calls = [data for _, data in store.canonical_opportunities(as_of=as_of, include_closed=False)]
    porteurs = {p.id: p for p in plan.porteurs}
    results = matcher.match(calls, plan.fiches, porteurs, config.profiles, config.synonyms,
                            config.settings.matching, as_of, analyzer=analyzer, encoder=encoder)
    ranks = matcher.rank(results)
    store.save_matches(results, ranks, utcnow())
    by_key = {(c.source, c.source_id): c for c in calls}
    return [RankedMatch(r, ranks.get((r.fiche_id, r.source, r.source_id)), by_key[(r.source, r.source_id)])
            for r in results]


def select_for_display(
    matches: list[RankedMatch], threshold: float, top: int, include_all: bool, fiche_id: str | None
) -> list[RankedMatch]:
    """What `vigie match` shows: per fiche, eligible calls above the threshold (top N), or every pair."""
    chosen = [m for m in matches if fiche_id in (None, m.result.fiche_id)]
    if not include_all:
        chosen = [m for m in chosen if m.result.eligible and m.result.score >= threshold
                  and m.rank is not None and m.rank <= top]
    return sorted(chosen, key=lambda m: (m.result.fiche_id, -m.result.score))
