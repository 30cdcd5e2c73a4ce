"""Decisions of other territories in a match run: read from the database, heard through `matcher.neighbours`,
given to the run as its `neighbours` signal, its reasons and its scores.

    shared = load_shared(store, pairs, withheld_territories(config))
    apply_shared(run, shared, reranker)       # instead of run.rerank(reranker.scores(features(run)))

Every territory of one database hears the others, unless `[matching] share_decisions = false` (nobody hears
anything) or a territory says `partage_decisions = false` in its `[[territoire]]` block (its own decisions
are heard by nobody; it still hears the others').
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from matcher.learning import Reranker, ranked_scores
from matcher.neighbours import Decision, FicheText, Neighbours, fiche_text, neighbour_signal, shareable
from matcher.reasons import decision_reasons
from matcher.run import Pair, ScoredRun
from models.config import VigieConfig
from models.store import Store


@dataclass(frozen=True)
class SharedDecisions:
    """What a run needs to hear other territories."""

    pool: list[FicheText]
    """Every fiche of the plan (and porteur profiles) with its territory and text."""
    decisions: list[Decision]
    """Accepted or rejected pairs of the territories that share theirs, by canonical call."""
    groups: dict[tuple[str, str], int] = field(default_factory=dict)
    """(source, source_id) → canonical call id."""
    names: dict[str, str] = field(default_factory=dict)
    """Territory id → display name, for the reasons."""


def withheld_territories(config: VigieConfig) -> set[str]:
    """Territories whose `[[territoire]]` block says `partage_decisions = false`."""
    return {t.id for t in config.settings.territoire if not t.partage_decisions}


def fiche_texts(pairs: Sequence[Pair]) -> list[FicheText]:
    """Each fiche with its porteur's territory and the text its similarity is computed on."""
    return [FicheText(fiche.id, porteur.territoire, fiche_text(fiche)) for fiche, porteur in pairs]


def load_shared(store: Store, pairs: Sequence[Pair], withheld: Iterable[str] = ()) -> SharedDecisions:
    """The stored decisions other territories may hear, and the fiches (`pairs`: every fiche of the plan)."""
    decisions = [Decision(f, t, call, accepted) for f, t, call, accepted in store.shared_decisions()]
    names = {t.id: t.nom for t in store.plan().territories}
    return SharedDecisions(fiche_texts(pairs), shareable(decisions, withheld), store.call_groups(), names)


def call_keys(run: ScoredRun, groups: dict[tuple[str, str], int]) -> list[Hashable]:
    """The canonical call of each column (the call itself when it is not stored)."""
    return [groups.get((o.source, o.source_id), (o.source, o.source_id)) for o in run.calls]


def hear(run: ScoredRun, shared: SharedDecisions) -> Neighbours:
    """The neighbour signal of every pair of the run (nothing when the deployment does not share decisions)."""
    m = run.matching
    decisions = shared.decisions if m.share_decisions else []
    return neighbour_signal(fiche_texts(run.pairs), shared.pool, call_keys(run, shared.groups), decisions,
                            m.neighbours, m.neighbour_floor)


def apply_shared(run: ScoredRun, shared: SharedDecisions | None, reranker: Reranker | None) -> Neighbours | None:
    """Give the run its neighbour signal and reasons, then rank it by the reranker or the boosted content score
    (`learning.ranked_scores`). Without `shared`, only the reranker applies, as before decisions were shared."""
    heard = hear(run, shared) if shared is not None else None
    if heard is not None:
        run.neighbours = heard.signal
        run.decision_reasons = {pair: decision_reasons(ev, shared.names) for pair, ev in heard.evidence.items()}
    if reranker is not None or (heard is not None and heard.evidence):
        run.rerank(ranked_scores(run, reranker, run.matching.neighbour_boost))
    return heard
