"""Score the stored calls against the stored plan and keep the results: only what changed is rewritten.

Every run scores every pair in memory (array operations, fast once the texts are analysed), then writes:
- every pair worth keeping whose call or fiche is new or changed (content fingerprints), or all of them when
  the matching configuration (profiles, synonyms, weights…) changed or `full` is asked;
- an unchanged pair only if its eligibility changed (a date passed), it entered or left the fiche's top N,
  or its score drifted by more than `matching.rescore_tolerance`. New calls change the idf of every term
  and each fiche's best score, so unchanged pairs drift a little: the tolerance bounds that drift.
Reviews are kept (`Store.save_matches` never touches them). A reranker learnt from the reviews
(`learn_from_reviews`, `vigie learn`) adjusts the score within bounds once it ranks control fiches better than
the score in service (matcher.learning_gate); decisions of other territories on similar fiches move the scores
(`shared_decisions`), and the pairs they move are rewritten with their reasons. The engine (analysed texts,
lemmas, vectors) lives as long as the process: `vigie run` under the scheduler re-matches in seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, partial
from typing import TypeVar

from matcher.analysis import SpacyAnalyzer, TextAnalyzer
from matcher.blocks import PAIR_BUDGET, fiche_blocks
from matcher.engine import MatchEngine
from matcher.learning_gate import TrainingReport, review_set, too_few, train
from matcher.incremental import PairKey, State, fingerprints, pair_key, pairs_to_write, stored_pairs
from matcher.run import ScoredRun
from matcher.semantic import CachedEncoder, Encoder, SpacyEncoder
from matcher.stash import AnalysisStash
from models.config import VigieConfig
from models.records import Criterion, MatchResult, OpportunityData
from models.store import Store
from models.tables import MatchModel
from vigie.pipeline.clock import today, utcnow
from vigie.pipeline.scoring import (
    MatchingSetup, StoredInputs, current_setup, load_inputs, score_blocks, score_inputs,
)
from vigie.pipeline.shared_decisions import withheld_territories

logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class RankedMatch:
    """A match result with its rank among the fiche's eligible calls and the call itself.

    The result (criteria and reasons) of a pair the run did not rewrite is built when first read: `vigie match`
    keeps tens of thousands of pairs and shows ten per fiche."""

    fiche_id: str
    score: float
    eligible: bool
    rank: int | None
    opportunity: OpportunityData
    build: Callable[[], MatchResult] = field(repr=False, compare=False)
    """Builds the result (the same fiche, score and eligibility)."""
    criteria: Callable[[], list[Criterion]] | None = field(default=None, repr=False, compare=False)
    """The result's criteria alone (without building its reasons)."""

    @cached_property
    def result(self) -> MatchResult:
        """Criteria, score and reasons of the pair."""
        return self.build()

    @property
    def eligibility(self) -> list[Criterion]:
        """The result's criteria, in display order (what the table shows of a pair)."""
        if self.criteria is None or "result" in self.__dict__:
            return self.result.eligibility
        return self.criteria()


def ranked(run: ScoredRun, i: int, j: int, build: Callable[[], MatchResult], eager: bool = False) -> RankedMatch:
    """The pair (fiche row i, call column j) of a run, its result built by `build` when first read; its criteria
    read from the run when asked, or at once (`eager`: the run is not kept)."""
    criteria = partial(_same, run.grid.criteria(i, j)) if eager else partial(run.grid.criteria, i, j)
    return RankedMatch(run.pairs[i][0].id, float(run.scores[i, j]), bool(run.eligible[i, j]), run.rank_of(i, j),
                       run.calls[j], build, criteria)


def sync_config_plan(config: VigieConfig, store: Store) -> None:
    """Porteurs and fiches written in config/porteurs/*.toml join the stored plan."""
    store.import_plan(config.plan, utcnow())


STASH_FILE = "var/cache/analyses.sqlite"
"""Where the analysed texts of the last runs are kept, relative to the configuration folder (matcher.stash)."""


def analysis_stash(config: VigieConfig) -> AnalysisStash:
    """The analysed texts kept on disk for this configuration folder: `vigie match` fills it, the full
    computation of a pair (`vigie serve`, `vigie tune explain`) reads it instead of loading spaCy."""
    return AnalysisStash(config.resolve(STASH_FILE), today())


_ENGINE: MatchEngine | None = None


def default_engine() -> MatchEngine:
    """The engine of real runs (spaCy lemmas and word vectors), kept for the life of the process."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = MatchEngine(SpacyAnalyzer(), CachedEncoder(SpacyEncoder()))
    return _ENGINE


def default_encoder() -> Encoder:
    """The semantic encoder of real runs: spaCy word vectors, cached by text for the process."""
    encoder = default_engine().encoder
    assert encoder is not None
    return encoder


def match_stored(
    config: VigieConfig, store: Store, as_of: date, analyzer: TextAnalyzer | None = None,
    encoder: Encoder | None = None, full: bool = False, every_pair: bool = False, pair_budget: int = PAIR_BUDGET,
) -> list[RankedMatch]:
    """Match every stored fiche against every call not closed as of the day (one per cross-source group),
    store what changed, and return the pairs worth keeping (`every_pair`: all of them, for `--all`).

    The fiches are scored by blocks of at most `pair_budget` pairs (matcher.blocks), each block stored before the
    next is scored; with several blocks, the result of a pair (its reasons) is built when read, by scoring its
    block again (`BlockScorer`), so that memory follows the block, not the plan.
    Without an analyzer the real ones run (spaCy lemmas and word vectors); a test passing a fake
    analyzer gets no semantic signal unless it passes an encoder too.
    """
    engine = default_engine() if analyzer is None and encoder is None else MatchEngine(analyzer, encoder)
    sync_config_plan(config, store)
    withheld = withheld_territories(config)
    inputs, setup = load_inputs(store, as_of, withheld), current_setup(config)
    extra = (f"modèle {inputs.model.id}" if inputs.model else "") + "".join(f" sans {t}" for t in sorted(withheld))
    digests = fingerprints(setup.matching, inputs.calls, inputs.pairs, config.profiles, config.synonyms, extra)
    known = Known(store.match_states(), store.match_fingerprints(), full)
    blocks = fiche_blocks(len(inputs.pairs), len(inputs.calls), pair_budget)
    again = BlockScorer(engine, inputs, setup) if len(blocks) > 1 else None
    found: list[RankedMatch] = []
    for rows, run in score_blocks(engine, inputs, setup, blocks, analysis_stash(config)):
        found.extend(_store_block(run, store, digests, known, every_pair, again, rows))
    store.save_match_fingerprints(digests, utcnow())
    return found


@dataclass(frozen=True)
class Known:
    """What the database held before this run: each stored pair's state, the fingerprints, and whether every kept
    pair is to be written again (`full`)."""

    states: dict[PairKey, State]
    fingerprints: dict[tuple[str, str], str]
    full: bool


def _store_block(run: ScoredRun, store: Store, digests: dict[tuple[str, str], str], known: Known, every_pair: bool,
                 again: BlockScorer | None, rows: range) -> list[RankedMatch]:
    """Store what changed among one block's pairs; its pairs worth keeping (every pair: `every_pair`)."""
    kept = set(run.kept())
    candidates = sorted(kept | set(stored_pairs(run, known.states)))
    to_write = pairs_to_write(run, candidates, digests, known.fingerprints, known.states, known.full)
    # Pairs moved by other territories' decisions: their reasons follow the latest decisions.
    to_write = sorted(set(to_write) | (set(run.decision_reasons) & set(candidates)))
    written = run.results(to_write)
    store.save_matches(written, {pair_key(run, i, j): r for i, j in to_write if (r := run.rank_of(i, j))}, utcnow())
    logger.info("appariement enregistré fiches=%d paires=%d écrites=%d", len(rows), len(candidates), len(written))
    shown = [(i, j) for i in range(run.shape[0]) for j in range(run.shape[1])] if every_pair else sorted(kept)
    if again is not None:  # this block's run and results are let go: a result is built again when read
        return [ranked(run, i, j, partial(again.result, rows, i, j), eager=True) for i, j in shown]
    by_pair = dict(zip(to_write, written))
    build = run.builder()  # the pairs not rewritten: their results are built when read
    return [ranked(run, i, j, partial(build, i, j) if (r := by_pair.get((i, j))) is None else partial(_same, r))
            for i, j in shown]


class BlockScorer:
    """Builds the result of a pair of a block already stored by scoring that block again (the same inputs give the
    same run); the last block scored is kept, so reading results fiche by fiche scores each block once."""

    def __init__(self, engine: MatchEngine, inputs: StoredInputs, setup: MatchingSetup) -> None:
        self.engine, self.inputs, self.setup = engine, inputs, setup
        self._rows: range | None = None
        self._build: Callable[[int, int], MatchResult] | None = None

    def result(self, rows: range, i: int, j: int) -> MatchResult:
        """The result of the pair (row `i` of the block `rows`, call column `j`)."""
        if self._rows != rows or self._build is None:
            self._build = None  # let the previous block go before scoring this one
            run = score_inputs(self.engine, self.inputs, self.setup, self.inputs.pairs[rows.start:rows.stop])
            self._rows, self._build = rows, run.builder()
        return self._build(i, j)


def _same(value: T) -> T:
    return value


def learn_from_reviews(config: VigieConfig, store: Store, as_of: date, analyzer: TextAnalyzer | None = None,
                       encoder: Encoder | None = None) -> TrainingReport:
    """Train a reranker on the chefs de projet's decisions (and porteurs' answers where no chef decided:
    Store.learning_decisions); store it, active only if it ranks the control fiches
    better than the score in service (matcher.learning_gate: with reviews of several territories, each territory
    left out in turn). The next `vigie match` rewrites every pair with it."""
    decisions = store.learning_decisions()  # the chef de projet's, then porteurs' answers on matches he left
    minimum = config.settings.matching.min_reviews_for_learning
    if len(decisions) < minimum:  # say so without loading the language model
        return too_few(len(decisions), minimum)
    engine = default_engine() if analyzer is None and encoder is None else MatchEngine(analyzer, encoder)
    inputs = load_inputs(store, as_of, withheld_territories(config), include_closed=True)
    # The neighbour feature of a reviewed pair is computed as when scoring: from other territories only.
    run = score_inputs(engine, inputs, current_setup(config), rerank=False)
    report = train(review_set(run, decisions), inputs.reranker, minimum)
    if report.model is not None:
        store.save_match_model(MatchModel(trained_at=utcnow(), model=report.model.to_json(), reviews=report.reviews,
                                          held_out=report.held_out, previous=report.previous, active=report.kept))
    logger.info("apprentissage revues=%d gardé=%s", report.reviews, report.kept)
    return report


def select_for_display(
    matches: list[RankedMatch], threshold: float, top: int, include_all: bool, fiche_id: str | None
) -> list[RankedMatch]:
    """What `vigie match` shows: per fiche, eligible calls above the threshold (top N), or every pair."""
    chosen = [m for m in matches if fiche_id in (None, m.fiche_id)]
    if not include_all:
        chosen = [m for m in chosen if m.eligible and m.score >= threshold and m.rank is not None and m.rank <= top]
    return sorted(chosen, key=lambda m: (m.fiche_id, -m.score))
