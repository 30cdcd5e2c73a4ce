"""match(): every (fiche, call) pair gets eligibility criteria, a fused relevance score and reasons."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from models.config.schema import MatchingConfig, MatchingWeights, ProfileConfig, SynonymsConfig
from models.errors import VigieError
from models.records import Criterion, FicheActionData, MatchResult, OpportunityData, PorteurData, Reason

from matcher import corpus as c
from matcher.analysis import SpacyAnalyzer, TextAnalyzer
from matcher.eligibility import (
    amount_criterion, beneficiary_criterion, calendar_criterion, is_eligible, territory_criterion,
)
from matcher.lexical import FLOOR_SHARE, Bm25, normalised_scores
from matcher.profiles import ProfileHits, ProfileScorer, attached_profiles, profile_score, profile_strings
from matcher.reasons import profile_reasons, sentence_reason, term_reason
from matcher.semantic import Encoder, semantic_matrix

logger = logging.getLogger(__name__)

Pair = tuple[FicheActionData, PorteurData]


def match(
    opportunities: Sequence[OpportunityData],
    fiches: Sequence[FicheActionData],
    porteurs: Mapping[str, PorteurData],
    profiles: Mapping[str, ProfileConfig],
    synonyms: SynonymsConfig,
    matching: MatchingConfig,
    as_of: date,
    analyzer: TextAnalyzer | None = None,
    encoder: Encoder | None = None,
) -> list[MatchResult]:
    """Score every (fiche, opportunity) pair; a porteur with no fiche is matched through a pseudo-fiche built
    from its description + mots_cles (fiche_id = f"{porteur.id}#profil"). Returns one MatchResult per pair,
    eligible or not, each with score (higher is better), eligibility criteria and reasons.

    Scores are relative to the calls given (BM25 idf and per-fiche normalisation): pass the whole
    current set of calls, not only the new ones. `encoder` fills the semantic slot (inactive when None).
    """
    pairs = fiche_pairs(fiches, porteurs)
    run = _Run(opportunities, pairs, profiles, synonyms, matching, as_of, analyzer or SpacyAnalyzer(), encoder)
    results = [result for i in range(len(pairs)) for result in run.results_for(i)]
    logger.info("appariement fiches=%d appels=%d paires=%d", len(pairs), len(opportunities), len(results))
    return results


def fiche_pairs(fiches: Sequence[FicheActionData], porteurs: Mapping[str, PorteurData]) -> list[Pair]:
    """Each fiche with its porteur, then a pseudo-fiche for every porteur that has none."""
    unknown = sorted({f.porteur_id for f in fiches if f.porteur_id not in porteurs})
    if unknown:
        raise VigieError("appariement impossible", "fiches-actions", f"porteur inconnu : {', '.join(unknown)}")
    pairs = [(f, porteurs[f.porteur_id]) for f in fiches]
    with_fiche = {f.porteur_id for f in fiches}
    pairs += [(c.pseudo_fiche(p), p) for pid, p in porteurs.items() if pid not in with_fiche]
    return pairs


def rank(results: Sequence[MatchResult]) -> dict[tuple[str, str, str], int]:
    """Rank per fiche (1 = best) among eligible results; key (fiche_id, source, source_id)."""
    by_fiche: dict[str, list[MatchResult]] = {}
    for result in results:
        if result.eligible:
            by_fiche.setdefault(result.fiche_id, []).append(result)
    ranks = {}
    for fiche_id, group in by_fiche.items():
        group.sort(key=lambda r: (-r.score, r.source, r.source_id))
        ranks.update({(fiche_id, r.source, r.source_id): n for n, r in enumerate(group, start=1)})
    return ranks


def fuse(signals: Mapping[str, float], weights: MatchingWeights) -> float:
    """Weighted mean of the active signals (a signal absent from `signals` takes no part)."""
    total = sum(getattr(weights, name) for name in signals)
    if total <= 0:
        return 0.0
    return sum(getattr(weights, name) * value for name, value in signals.items()) / total


class _Run:
    """One matching run: the analysed corpus, the index and the caches shared by every pair."""

    def __init__(self, opportunities: Sequence[OpportunityData], pairs: list[Pair],
                 profiles: Mapping[str, ProfileConfig], synonyms: SynonymsConfig, matching: MatchingConfig,
                 as_of: date, analyzer: TextAnalyzer, encoder: Encoder | None) -> None:
        self.calls, self.pairs, self.matching = list(opportunities), pairs, matching
        self.corpus = c.build_corpus(
            analyzer, [c.opportunity_fields(o) for o in opportunities], [c.fiche_fields(f) for f, _ in pairs],
            profile_strings(profiles), synonyms, c.stop_keys(matching.stop_words),
        )
        self.bm25 = Bm25([d.bag for d in self.corpus.calls])
        self.scorer = ProfileScorer(profiles, self.corpus.phrases)
        self.attached = [attached_profiles(f, p, profiles) for f, p in pairs]
        self.calendar = [calendar_criterion(o, as_of, matching.min_lead_days) for o in opportunities]
        self.semantic = _semantic(encoder, pairs, opportunities)
        self._hits: dict[tuple[str, int], ProfileHits] = {}
        self._porteur_criteria: dict[tuple[str, int], tuple[Criterion, Criterion]] = {}

    def results_for(self, i: int) -> list[MatchResult]:
        """Fiche `i` against every call.

        Quoted reasons (shared terms, sentence pair) cost the most: they are built for the pairs
        worth showing — score at or above the threshold, or among the fiche's `top_n` — while
        every pair keeps its criteria, score and profile reasons.
        """
        contributions, lexical = self._lexical_of(i)
        signals = [self._signals(i, j, lexical.get(j, 0.0)) for j in range(len(self.calls))]
        scores = [round(fuse(s, self.matching.weights), 4) for s in signals]
        best = sorted((j for j, score in enumerate(scores) if score > 0), key=lambda j: -scores[j])
        shown = set(best[: self.matching.top_n]) | {j for j in best if scores[j] >= self.matching.threshold}
        return [
            self._result(i, j, scores[j], contributions.get(j, {}) if j in shown else {}, signals[j])
            for j in range(len(self.calls))
        ]

    def _signals(self, i: int, j: int, lexical: float) -> dict[str, float]:
        signals = {"lexical": lexical}
        if self.attached[i]:
            signals["profile"] = profile_score([self._hits_of(pid, j) for pid in self.attached[i]])
        if self.semantic is not None:
            signals["semantic"] = float(self.semantic[i, j])
        return signals

    def _result(
        self, i: int, j: int, score: float, shared: dict[str, float], signals: dict[str, float]
    ) -> MatchResult:
        fiche, porteur = self.pairs[i]
        call = self.calls[j]
        criteria = [*self._porteur_criteria_of(porteur, j), self.calendar[j], amount_criterion(call, fiche)]
        hits = [self._hits_of(pid, j) for pid in self.attached[i]]
        return MatchResult(
            fiche_id=fiche.id, porteur_id=porteur.id, source=call.source, source_id=call.source_id,
            score=score, eligible=is_eligible(criteria), eligibility=criteria,
            reasons=self._reasons(i, j, shared, signals["lexical"], hits),
        )

    def _reasons(self, i: int, j: int, shared: dict[str, float], lexical: float,
                 hits: list[ProfileHits]) -> list[Reason]:
        reasons: list[Reason | None] = []
        if shared:
            reasons.append(term_reason(lexical, shared, self.corpus.calls[j]))
        reasons.extend(profile_reasons(hits))
        if shared:
            reasons.append(sentence_reason(self.corpus.fiches[i], self.corpus.calls[j], self.bm25.idf))
        return [r for r in reasons if r is not None]

    def _lexical_of(self, i: int) -> tuple[dict[int, dict[str, float]], dict[int, float]]:
        query = self.corpus.fiches[i].bag
        contributions = self.bm25.contributions(query)
        return contributions, normalised_scores(contributions, FLOOR_SHARE * self.bm25.ideal(query))

    def _hits_of(self, profile_id: str, j: int) -> ProfileHits:
        if (profile_id, j) not in self._hits:
            self._hits[profile_id, j] = self.scorer.hits(profile_id, self.corpus.calls[j])
        return self._hits[profile_id, j]

    def _porteur_criteria_of(self, porteur: PorteurData, j: int) -> tuple[Criterion, Criterion]:
        key = (porteur.id, j)
        if key not in self._porteur_criteria:
            call = self.calls[j]
            self._porteur_criteria[key] = (beneficiary_criterion(call, porteur), territory_criterion(call, porteur))
        return self._porteur_criteria[key]


def _semantic(encoder: Encoder | None, pairs: list[Pair], calls: Sequence[OpportunityData]) -> np.ndarray | None:
    if encoder is None:
        return None
    queries = [". ".join(f.text for f in c.fiche_fields(fiche) if f.text) for fiche, _ in pairs]
    documents = [". ".join(f.text for f in c.opportunity_fields(o) if f.text) for o in calls]
    return semantic_matrix(encoder, queries, documents)
