"""One way to score the stored calls: what `vigie match`, `vigie learn` and `vigie tune` read and compute.

    inputs = load_inputs(store, as_of, withheld_territories(config))
    run = score_inputs(engine, inputs, current_setup(config), stash=analysis_stash(config))

The calls not closed as of the day (one per cross-source group), every fiche of the plan with its porteur (and a
pseudo-fiche per porteur without fiche), the engine, then other territories' decisions and the reranker in
service. `match_stored` stores this run; a diff, an explanation or a profile on trial (`vigie.tune.bench`) scores
the same inputs under other setups, so their numbers are the stored ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from matcher.engine import MatchEngine
from matcher.learning import Reranker
from matcher.pipeline import fiche_pairs
from matcher.run import Pair, ScoredRun
from matcher.stash import AnalysisStash
from models.config import VigieConfig
from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig
from models.records import OpportunityData
from models.store import Store
from models.tables import MatchModel
from vigie.pipeline.shared_decisions import SharedDecisions, apply_shared, load_shared


@dataclass(frozen=True)
class MatchingSetup:
    """What the matcher reads from the configuration: [matching], profiles, synonyms."""

    matching: MatchingConfig
    profiles: dict[str, ProfileConfig]
    synonyms: SynonymsConfig
    label: str
    """Where it comes from, for people: "configuration actuelle", "référence du 23/11/2026 (camille)"…"""


def current_setup(config: VigieConfig) -> MatchingSetup:
    """The setup of the configuration in use."""
    return MatchingSetup(config.settings.matching, dict(config.profiles), config.synonyms, "configuration actuelle")


@dataclass(frozen=True)
class StoredInputs:
    """What scoring reads from the store, loaded once, scored under one setup or several."""

    as_of: date
    """The day the calls are taken as of (status, eligibility dates)."""
    stored: list[tuple[int, OpportunityData]]
    """The calls with their stored ids."""
    pairs: list[Pair]
    """Every fiche with its porteur, then a pseudo-fiche for each porteur without fiche."""
    model: MatchModel | None
    """The reranker in service, if any."""
    shared: SharedDecisions
    """The decisions other territories may hear."""

    @property
    def calls(self) -> list[OpportunityData]:
        """The calls, in column order."""
        return [data for _, data in self.stored]

    @property
    def reranker(self) -> Reranker | None:
        """The reranker in service, ready to score."""
        return Reranker(**self.model.model) if self.model is not None else None


def load_inputs(store: Store, as_of: date, withheld: Iterable[str] = (), include_closed: bool = False
                ) -> StoredInputs:
    """The stored calls (not closed as of the day, unless `include_closed`), plan, reranker and shared decisions;
    `withheld`: territories that do not share their decisions."""
    plan = store.plan()
    stored = store.canonical_opportunities(as_of=as_of, include_closed=include_closed)
    pairs = fiche_pairs(plan.fiches, {p.id: p for p in plan.porteurs})
    return StoredInputs(as_of, stored, pairs, store.active_match_model(), load_shared(store, pairs, withheld))


def score_inputs(engine: MatchEngine, inputs: StoredInputs, setup: MatchingSetup, pairs: list[Pair] | None = None,
                 stash: AnalysisStash | None = None, rerank: bool = True) -> ScoredRun:
    """Every pair (or the given fiche pairs) scored under a setup, then moved by other territories' decisions and,
    with `rerank`, by the reranker in service: the scores `vigie match` stores. `stash`: analysed texts on disk."""
    with engine.stashed(stash):
        run = engine.score(inputs.calls, inputs.pairs if pairs is None else pairs, setup.profiles, setup.synonyms,
                           setup.matching, inputs.as_of)
    apply_shared(run, inputs.shared, inputs.reranker if rerank else None)
    return run


def score_blocks(engine: MatchEngine, inputs: StoredInputs, setup: MatchingSetup, blocks: Sequence[range],
                 stash: AnalysisStash | None = None) -> Iterator[tuple[range, ScoredRun]]:
    """`score_inputs` of each block of fiches (rows of `inputs.pairs`, matcher.blocks) in turn, within one use of
    the stash: the caller keeps what it needs of a block's run before asking for the next."""
    with engine.stashed(stash):
        for rows in blocks:
            yield rows, score_inputs(engine, inputs, setup, inputs.pairs[rows.start:rows.stop])
