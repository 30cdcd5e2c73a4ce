"""One scored run: signal arrays, fused scores, ranks, and `MatchResult`s built only for the pairs asked for.

Quoted reasons (shared terms, sentence pair) cost the most, so they are built only for the pairs worth
showing: eligible, score above zero, and in the fiche's `top_n` or at/above the threshold within its
`explain_top` best. Every pair keeps its criteria, score and profile reasons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from models.config.schema import MatchingConfig
from models.records import FicheActionData, MatchResult, OpportunityData, PorteurData, Reason

from matcher.corpus import Corpus
from matcher.grid import EligibilityGrid
from matcher.lexical import Bm25
from matcher.profiles import ProfileHits
from matcher.reasons import profile_reasons, sentence_reason, term_reason

Pair = tuple[FicheActionData, PorteurData]
ProfileRun = tuple[dict[str, list[ProfileHits]], list[list[str]]]
"""Hits of each used profile in each call, and the profiles attached to each fiche."""


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
                 bm25: Bm25, grid: EligibilityGrid, signals: Signals, hits: ProfileRun) -> None:
        self.calls, self.pairs, self.matching = calls, pairs, matching
        self.corpus, self.bm25, self.grid, self.signals = corpus, bm25, grid, signals
        self.hits, self.attached = hits
        self.scores = signals.fused(matching)
        self.eligible = grid.mask
        self.ranks = self._ranks(eligible=True)
        self.ineligible_ranks = self._ranks(eligible=False)

    def rerank(self, scores: np.ndarray) -> None:
        """Replace the fused scores (by a learnt reranker's) and rank again."""
        self.scores = np.asarray(scores, dtype=np.float64).reshape(self.shape)
        self.ranks = self._ranks(eligible=True)
        self.ineligible_ranks = self._ranks(eligible=False)

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
            pairs = ((i, j) for i in range(len(self.pairs)) for j in range(len(self.calls)))
        explained = self.explained()
        return [self._result(i, j, bool(explained[i, j])) for i, j in pairs]

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
            reasons=self._reasons(i, j, explain),
        )

    def _reasons(self, i: int, j: int, explain: bool) -> list[Reason]:
        hits = [self.hits[pid][j] for pid in self.attached[i]]
        if not explain:
            return profile_reasons(hits)
        shared = self.bm25.contributions(self.corpus.fiches[i].bag, j)
        reasons = [term_reason(float(self.signals.lexical[i, j]), shared, self.corpus.calls[j]) if shared else None]
        reasons.extend(profile_reasons(hits))
        if shared:
            reasons.append(sentence_reason(self.corpus.fiches[i], self.corpus.calls[j], self.bm25.idf))
        return [r for r in reasons if r is not None]



def _order(keys: list[tuple[str, str]]) -> np.ndarray:
    """Position of each key in sorted order."""
    order = sorted(range(len(keys)), key=keys.__getitem__)
    position = np.empty(len(keys), dtype=np.int64)
    position[order] = np.arange(len(keys))
    return position
