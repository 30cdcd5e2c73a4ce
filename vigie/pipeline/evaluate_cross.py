"""Learning across territories, simulated on a labelled set: what each territory's fiches would be proposed
once the chefs de projet of the other territories have decided. Nothing is stored.

    found = cross_territory_rankings(calls, plan, grades, config.profiles, config.synonyms,
                                     config.settings.matching, as_of, analyzer=None, encoder=None)
    found.content["F01"]       # call source_ids, best first, eligible calls only: the content score alone
    found.neighbours["F01"]    # the content score moved by the other territories' decisions (no model)
    found.learned["F01"]       # what production ranks by once it learnt from those decisions (see below)
    found.cold["F01"]          # the same where nobody elsewhere decided (neighbour signal at 0)
    found.fitted["F01"]        # the model fitted on those decisions, used whether the gate kept it or not
    found.eligible["F01"]      # calls the hard filters keep for the fiche (for matcher.evaluation.score_system)
    found.notes["vosges"]      # per territory, in French: decisions heard and what training said

Inputs: `calls` (OpportunityData), `plan` (PlanData: porteurs with their `territoire`, fiches), `grades`
({(fiche_id, source_id): 0–3}, as `vigie eval` reads them; only labelled fiches are scored). For each
territory T: decisions = the grades of the other territories' fiches (grade ≥ 2 accepted, 0 rejected, 1 left
out; an ungraded call among a fiche's `queue_top` first by content score counts as 0, as a chef de projet
would have rejected it in the queue); T's fiches are scored with the neighbour signal (`found.neighbours`), and a ranker is trained on those
decisions with the neighbour feature computed as at scoring — each training fiche hears only territories
other than its own, and nobody hears T. Exactly as in production (`vigie learn`, matcher.learning_gate), the
ranker is used only if there are at least `min_reviews` decisions (default `matching.min_reviews_for_learning`)
and it beats the score in service on the control fiches (each other territory left out in turn); otherwise
`found.learned` repeats `found.neighbours`. T's own grades are never seen while its fiches are ranked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from matcher.analysis import TextAnalyzer
from matcher.engine import MatchEngine
from matcher.evaluation import RELEVANT, Grades
from matcher.learning import NEIGHBOURS, features, ranked_scores, served_scores
from matcher.learning_gate import review_set, train
from matcher.neighbours import Decision, neighbour_signal
from matcher.pipeline import fiche_pairs
from matcher.run import ScoredRun
from matcher.semantic import Encoder
from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig
from models.records import OpportunityData, PlanData
from vigie.pipeline.shared_decisions import fiche_texts

Rankings = dict[str, list[str]]
"""Fiche id → call source_ids, best first."""


@dataclass
class CrossRankings:
    """Per-fiche rankings of the labelled fiches under three scores (see the module docstring)."""

    content: Rankings = field(default_factory=dict)
    neighbours: Rankings = field(default_factory=dict)
    learned: Rankings = field(default_factory=dict)
    cold: Rankings = field(default_factory=dict)
    """`learned` with the neighbour signal at 0 everywhere: a call nobody elsewhere reviewed."""
    fitted: Rankings = field(default_factory=dict)
    """The model fitted on the other territories' decisions whatever the gate said (none: too few decisions)."""
    eligible: dict[str, set[str]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    """Territory id → what it heard and whether a ranker was learnt for it."""


def other_decisions(grades: Grades, territory_of: Mapping[str, str], territory: str,
                    proposed: Mapping[str, Sequence[str]] | None = None) -> list[Decision]:
    """The grades of the other territories' fiches as decisions (≥ 2 accepted, 0 rejected, 1 left out); a call
    `proposed` to a fiche (its queue) without a grade counts as grade 0, rejected."""
    graded = dict(grades)
    for fiche, shown in (proposed or {}).items():
        for call in shown:
            graded.setdefault((fiche, call), 0)
    return [Decision(f, territory_of[f], call, grade >= RELEVANT) for (f, call), grade in sorted(graded.items())
            if f in territory_of and territory_of[f] != territory and grade != 1]


def cross_territory_rankings(
    calls: Sequence[OpportunityData], plan: PlanData, grades: Grades, profiles: Mapping[str, ProfileConfig],
    synonyms: SynonymsConfig, matching: MatchingConfig, as_of: date, analyzer: TextAnalyzer | None = None,
    encoder: Encoder | None = None, min_reviews: int | None = None, queue_top: int | None = None,
) -> CrossRankings:
    """Rank every labelled fiche as its territory would see it, having heard only the other territories.
    `queue_top` (default `matching.top_n`; 0: none): the ungraded calls among a fiche's first ones by content
    score count as rejected — what its chef de projet saw in the queue and turned down."""
    labelled = {f for f, _ in grades}
    pairs = [p for p in fiche_pairs(plan.fiches, {p.id: p for p in plan.porteurs}) if p[0].id in labelled]
    run = MatchEngine(analyzer, encoder).score(calls, pairs, profiles, synonyms, matching, as_of)
    territory_of = {f.id: p.territoire for f, p in pairs}
    found = CrossRankings(content=rankings(run, range(len(pairs))), eligible=_eligible(run))
    top = matching.top_n if queue_top is None else queue_top
    proposed = {f: shown[:top] for f, shown in found.content.items()}
    minimum = min_reviews or matching.min_reviews_for_learning
    for territory in sorted(set(territory_of.values())):
        rows = [i for i, (f, _) in enumerate(pairs) if territory_of[f.id] == territory]
        decisions = other_decisions(grades, territory_of, territory, proposed)
        _hear(run, decisions)
        found.neighbours.update(rankings(run, rows))
        learned, cold, fitted, note = _learn(run, decisions, minimum)
        for scores, into in ((learned, found.learned), (cold, found.cold), (fitted, found.fitted)):
            if scores is not None:
                run.rerank(scores)
                into.update(rankings(run, rows))
        found.notes[territory] = f"{len(decisions)} décision(s) entendue(s) ; {note}"
    return found


def _hear(run: ScoredRun, decisions: list[Decision]) -> None:
    """Give the run the neighbour signal of these decisions and rank it by the content score moved by it."""
    texts = fiche_texts(run.pairs)
    m = run.matching
    heard = neighbour_signal(texts, texts, [c.source_id for c in run.calls], decisions, m.neighbours, m.neighbour_floor)
    run.neighbours = heard.signal
    run.rerank(ranked_scores(run, None, m.neighbour_boost))


def _learn(run: ScoredRun, decisions: list[Decision], minimum: int
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, str]:
    """Scores (before the calls' exclusions) by production's rule once it trained on the decisions — the model if
    the gate keeps it, else the content score moved by the neighbour signal —, the same with the signal at 0 (cold
    start), and the fitted model's whatever the gate said (None when nothing was fitted)."""
    source = {c.source_id: c.source for c in run.calls}
    reviewed = {(d.fiche_id, source[d.call], d.call): d.accepted for d in decisions if d.call in source}
    report = train(review_set(run, reviewed), None, minimum)
    model, alpha = (report.model if report.kept else None), run.matching.neighbour_boost
    silent = features(run)
    silent[..., NEIGHBOURS] = 0.0
    fitted = None if report.model is None else ranked_scores(run, report.model, alpha)
    return ranked_scores(run, model, alpha), served_scores(silent, model, alpha), fitted, report.message


def rankings(run: ScoredRun, rows: Sequence[int]) -> Rankings:
    """Eligible calls of each row's fiche by the run's current scores, best first (ties by source_id), as
    `vigie eval` ranks Vigie."""
    ids, scores = [c.source_id for c in run.calls], run.scores
    found = {}
    for i in rows:
        eligible = [j for j in range(len(ids)) if run.eligible[i, j]]
        found[run.pairs[i][0].id] = [ids[j] for j in sorted(eligible, key=lambda j: (-scores[i, j], ids[j]))]
    return found


def _eligible(run: ScoredRun) -> dict[str, set[str]]:
    return {f.id: {c.source_id for j, c in enumerate(run.calls) if run.eligible[i, j]}
            for i, (f, _) in enumerate(run.pairs)}
