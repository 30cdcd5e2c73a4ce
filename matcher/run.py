"""One scored run: signal arrays, fused scores, ranks, and `MatchResult`s built only for the pairs asked for.

Quoted reasons (shared terms, sentence pair) cost the most, so they are built only for the pairs worth
showing: eligible, score above zero, and in the fiche's `top_n` or at/above the threshold within its
`explain_top` best. Every pair keeps its criteria, score and profile reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from models.config.schema import MatchingConfig
from models.records import FicheActionData, MatchResult, OpportunityData, PorteurData, Reason

from matcher.affinity import ProfileRun
from matcher.calibration import calibrate, calibration_features
from matcher.call_exclusion_effect import ExclusionEffect, no_exclusion
from matcher.corpus import Corpus
from matcher.grid import EligibilityGrid
from matcher.lexical import Bm25
from matcher.reasons import profile_reasons, sentence_reason, term_reason
from matcher.thesaurus import sector_reasons
from matcher.unknown_applicants import unknown_applicants

Pair = tuple[FicheActionData, PorteurData]


@dataclass
class Signals:
    """Signal arrays (rows: fiches, columns: calls), each in [0, 1]."""

    lexical: np.ndarray
    profile: np.ndarray
    has_profile: np.ndarray
    """Per fiche: whether a profile is attached (otherwise the profile signal takes no part)."""
    semantic: np.ndarray | None

    def fused(self, matching: MatchingConfig) -> np.ndarray:
        """Weighted mean of the active signals, rounded to 4 decimals."""
        w = matching.weights
        total = w.lexical * self.lexical + w.profile * self.profile * self.has_profile[:, None]
        weight = np.full(len(self.lexical), w.lexical) + w.profile * self.has_profile
        if self.semantic is not None:
            total = total + w.semantic * self.semantic
            weight = weight + w.semantic
        fused = np.divide(total, weight[:, None], out=np.zeros_like(total), where=weight[:, None] > 0)
        return np.round(fused, 4)


class ScoredRun:
    """Everything one matching run computed; results are materialised on demand."""

    def __init__(self, calls: list[OpportunityData], pairs: list[Pair], matching: MatchingConfig, corpus: Corpus,
                 bm25: Bm25, grid: EligibilityGrid, signals: Signals, hits: ProfileRun,
                 exclusions: ExclusionEffect | None = None) -> None:
        self.calls, self.pairs, self.matching = calls, pairs, matching
        self.corpus, self.bm25, self.grid, self.signals = corpus, bm25, grid, signals
        self.profile_run = hits
        self.hits, self.attached = hits.calls, hits.attached
        self.exclusions = exclusions or no_exclusion(self.shape)
        """Exclusions written in the calls: a multiplier of every final score (calibrated, or reranked)."""
        self.unknown = unknown_applicants(calls, grid.porteur_criteria, grid.porteur_of)
        """Calls that do not say who may apply: a multiplier of every final score (matcher.unknown_applicants)."""
        self.fused = signals.fused(matching)
        """The fused score, before calibration."""
        self.content = calibrate(self.calibration_features(), matching.calibration)
        """The content score before the calls' exclusions: what a reranker or other territories' decisions move."""
        self.scores = self._excluded(self.content)
        self.eligible = grid.mask
        self.ranks = self._ranks(eligible=True)
        self.ineligible_ranks = self._ranks(eligible=False)
        self.neighbours = np.zeros(self.shape)
        """What other territories decided on each call for similar fiches (matcher.neighbours), in [-1, 1]."""
        self.decision_reasons: dict[tuple[int, int], list[Reason]] = {}
        """Reasons of the pairs that decisions of other territories moved."""

    def rerank(self, scores: np.ndarray) -> None:
        """Replace the fused scores (by a learnt reranker's), apply the calls' exclusions and rank again."""
        self.scores = self._excluded(np.asarray(scores, dtype=np.float64).reshape(self.shape))
        self.ranks = self._ranks(eligible=True)
        self.ineligible_ranks = self._ranks(eligible=False)

    def calibration_features(self) -> np.ndarray:
        """What the calibration reads of every pair (matcher.calibration): shape (fiches, calls, features)."""
        return calibration_features(self.fused, self.bm25, self.corpus.fiches.bags())

    def _excluded(self, scores: np.ndarray) -> np.ndarray:
        """Scores with the calls' exclusions applied, rounded to 4 decimals."""
        return np.round(scores * self.multiplier, 4)

    @property
    def multiplier(self) -> np.ndarray:
        """What multiplies every final score: the calls' exclusions and the chance that an unknown applicant is
        admitted."""
        return self.exclusions.multiplier * self.unknown.multiplier

    @property
    def shape(self) -> tuple[int, int]:
        """(fiches, calls)."""
        return len(self.pairs), len(self.calls)

    def _ranks(self, eligible: bool) -> np.ndarray:
        """Rank of each pair within its fiche among the eligible (or the ineligible) pairs: 1 = best, 0 for the
        other kind; ties by (source, source_id)."""
        ranks = np.zeros(self.shape, dtype=np.int64)
        if not self.calls:
            return ranks
        tie = _order([(o.source, o.source_id) for o in self.calls])
        for i in range(len(self.pairs)):
            chosen = np.flatnonzero(self.eligible[i] == eligible)
            order = chosen[np.lexsort((tie[chosen], -self.scores[i, chosen]))]
            ranks[i, order] = np.arange(1, len(order) + 1)
        return ranks

    def explained(self) -> np.ndarray:
        """Pairs whose reasons quote terms and sentences."""
        m = self.matching
        shown = (self.ranks <= m.top_n) | ((self.scores >= m.threshold) & (self.ranks <= max(m.top_n, m.explain_top)))
        return self.eligible & (self.scores > 0) & (self.ranks > 0) & shown

    def kept(self) -> list[tuple[int, int]]:
        """Pairs worth storing, per fiche: the explained ones, and the `explain_top` best ineligible calls at or
        above the threshold (they stay visible to the chef de projet with their criteria)."""
        m = self.matching
        ineligible = (self.ineligible_ranks > 0) & (self.ineligible_ranks <= m.explain_top) & (self.scores >= m.threshold)
        return [(int(i), int(j)) for i, j in zip(*np.nonzero(self.explained() | ineligible))]

    def results(self, pairs: Iterable[tuple[int, int]] | None = None) -> list[MatchResult]:
        """MatchResults of the given (fiche row, call column) pairs; every pair, fiche by fiche, when None."""
        if pairs is None:
            pairs = [(i, j) for i in range(len(self.pairs)) for j in range(len(self.calls))]
        pairs, explained = list(pairs), self.explained()
        self.prepare(pairs, explained)
        return [self._result(i, j, bool(explained[i, j])) for i, j in pairs]

    def prepare(self, pairs: Iterable[tuple[int, int]], explained: np.ndarray | None = None) -> None:
        """Build in one batch the documents the reasons of these pairs quote (those explained under the current
        scores, or under `explained`)."""
        explained = self.explained() if explained is None else explained
        chosen = [(i, j) for i, j in pairs if explained[i, j]]
        self.corpus.fiches.prepare(sorted({i for i, _ in chosen}))
        self.corpus.calls.prepare(sorted({j for _, j in chosen}))

    def builder(self) -> Callable[[int, int], MatchResult]:
        """Builds the MatchResult of one (fiche row, call column) pair as `results` would under the current scores
        (which pairs are explained is computed once, here): for results built one at a time, when read."""
        explained = self.explained()
        return lambda i, j: self._result(i, j, bool(explained[i, j]))

    def rank_of(self, i: int, j: int) -> int | None:
        """Rank of a pair among its fiche's eligible calls (None when ineligible)."""
        return int(self.ranks[i, j]) or None

    def _result(self, i: int, j: int, explain: bool) -> MatchResult:
        fiche, porteur = self.pairs[i]
        call = self.calls[j]
        criteria = self.grid.criteria(i, j)
        return MatchResult.model_construct(
            fiche_id=fiche.id, porteur_id=porteur.id, source=call.source, source_id=call.source_id,
            score=float(self.scores[i, j]), eligible=bool(self.eligible[i, j]), eligibility=criteria,
            reasons=[*self.exclusions.reasons(i, j), *self.unknown.reasons(i, j), *self._reasons(i, j, explain),
                     *self.decision_reasons.get((i, j), [])],
        )

    def _reasons(self, i: int, j: int, explain: bool) -> list[Reason]:
        profiles = self.profile_run.pair(i, j)
        if not explain:
            return profile_reasons(profiles)
        shared = self.bm25.contributions(self.corpus.fiches[i].bag, j)
        reasons = [term_reason(float(self.signals.lexical[i, j]), shared, self.corpus.calls[j]) if shared else None]
        reasons.extend(sector_reasons(shared, self.corpus.fiches[i], self.corpus.calls[j]))
        reasons.extend(profile_reasons(profiles))
        if shared:
            reasons.append(sentence_reason(self.corpus.fiches[i], self.corpus.calls[j], self.bm25.idf))
        return [r for r in reasons if r is not None]



def _order(keys: list[tuple[str, str]]) -> np.ndarray:
    """Position of each key in sorted order."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    position = np.empty(len(keys), dtype=np.int64)
    position[order] = np.arange(len(keys))
    return position
