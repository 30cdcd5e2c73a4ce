"""Vigie against the baselines on one labelled set, in one run: same calls, same fiches, same eligible set."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig
from models.records import FicheActionData, MatchResult, OpportunityData, PorteurData

from matcher.analysis import TextAnalyzer
from matcher.baselines import BASELINES, call_text, fiche_text
from matcher.evaluation import Grades, SystemScores, rank_by_scores, score_system
from matcher.engine import MatchEngine
from matcher.pipeline import fiche_pairs
from matcher.run import ScoredRun
from matcher.semantic import Encoder

VIGIE = "Vigie"
ON_ELIGIBLE = "∩ éligibles"
"""Suffix of a baseline whose ranking is first cut to the eligible calls: relevance alone."""


@dataclass
class Comparison:
    """Scores of every system, and each judged fiche's axe (for per-axe figures)."""

    systems: list[SystemScores]
    axes: dict[str, str]
    results: list[MatchResult]
    run: ScoredRun | None = None
    """The matching run behind `results` (signals, calibration features), every fiche and pseudo-fiche."""
    porteur_of: dict[str, PorteurData] = field(default_factory=dict)
    """Judged fiche id → its porteur."""
    rankings: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Baseline name → fiche id → every call, best first."""

    def fiches_of_axe(self, axe: str) -> list[str]:
        """Fiche ids of one axe."""
        return [f for f, a in self.axes.items() if a == axe]

    def best_reference(self, axe: str, restricted: bool) -> SystemScores:
        """The baseline with the best nDCG@10 on one axe, ranking every call or cut to the eligible ones."""
        fiches = self.fiches_of_axe(axe)
        chosen = [s for s in self.systems[1:] if s.name.endswith(ON_ELIGIBLE) == restricted]
        return max(chosen, key=lambda s: (s.mean("ndcg@10", fiches), s.mean("recall@20", fiches)))


def vigie_rankings(results: Sequence[MatchResult]) -> dict[str, list[str]]:
    """Vigie's proposals per fiche: eligible calls only, best first (what the digest could show)."""
    by_fiche: dict[str, list[MatchResult]] = {}
    for r in results:
        by_fiche.setdefault(r.fiche_id, [])
        if r.eligible:
            by_fiche[r.fiche_id].append(r)
    return {f: [r.source_id for r in sorted(rs, key=lambda r: (-r.score, r.source_id))] for f, rs in by_fiche.items()}


def eligible_sets(results: Sequence[MatchResult]) -> dict[str, set[str]]:
    """Per fiche, the calls its hard filters keep."""
    sets: dict[str, set[str]] = {}
    for r in results:
        sets.setdefault(r.fiche_id, set())
        if r.eligible:
            sets[r.fiche_id].add(r.source_id)
    return sets


def compare(
    calls: Sequence[OpportunityData],
    fiches: Sequence[FicheActionData],
    porteurs: Mapping[str, PorteurData],
    profiles: Mapping[str, ProfileConfig],
    synonyms: SynonymsConfig,
    matching: MatchingConfig,
    as_of: date,
    grades: Grades,
    analyzer: TextAnalyzer | None = None,
    encoder: Encoder | None = None,
) -> Comparison:
    """Match with Vigie, score with each baseline, judge all of them on the labelled fiches."""
    labelled = {f for f, _ in grades}
    judged = [f for f in fiches if f.id in labelled]
    run = MatchEngine(analyzer, encoder).score(calls, fiche_pairs(judged, porteurs), profiles, synonyms, matching, as_of)
    results = [r for r in run.results() if r.fiche_id in labelled]
    eligible = eligible_sets(results)
    systems = [score_system(VIGIE, vigie_rankings(results), grades, eligible)]
    call_ids = [c.source_id for c in calls]
    queries, documents = [fiche_text(f) for f in judged], [call_text(c) for c in calls]
    filtered: list[SystemScores] = []
    every: dict[str, dict[str, list[str]]] = {}
    for name, baseline in BASELINES.items():
        matrix = baseline(queries, documents)
        rankings = every[name] = {f.id: rank_by_scores(call_ids, list(matrix[i])) for i, f in enumerate(judged)}
        systems.append(score_system(name, rankings, grades, eligible))
        filtered.append(score_system(f"{name} {ON_ELIGIBLE}", rankings, grades, eligible, filtered=True))
    systems.extend(filtered)
    axes = {f.id: (f.axe.value if f.axe else "—") for f in judged}
    return Comparison(systems, axes, results, run, {f.id: porteurs[f.porteur_id] for f in judged}, every)
