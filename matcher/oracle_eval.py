"""`vigie eval --facts`: the systems judged against eligibility written down by a person (matcher.oracle).

Two questions, kept apart: how well does each system rank the calls that are truly open to the porteur (every
ranking cut to the reference eligible set: relevance alone), and what does Vigie propose end to end, with its own
eligibility verdicts (a call the facts exclude brings nothing and counts as ineligible in the top 10)?
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from matcher.comparison import VIGIE, Comparison, vigie_rankings
from matcher.evaluation import Grades, SystemScores, rank_by_scores, score_system
from matcher.oracle import CallFacts, Disagreement, disagreements, eligible, verdicts

TOP = 10
SCORE_ALONE = f"{VIGIE} (score seul)"
END_TO_END = f"{VIGIE} avec sa propre éligibilité, de bout en bout"


@dataclass(frozen=True)
class OracleReport:
    """Figures against the reference eligibility."""

    ranking: list[SystemScores]
    """Vigie's score and each baseline, every ranking cut to the calls the facts leave open."""
    end_to_end: SystemScores
    disagreements: list[Disagreement]
    ineligible_in_top: int
    """Calls the facts exclude, summed over Vigie's top 10 of every judged fiche."""
    fiches_with_ineligible: int
    calls_without_facts: int


def reference_sets(comparison: Comparison, facts: Mapping[str, CallFacts], as_of: date) -> dict[str, set[str]]:
    """Per judged fiche, the calls its porteur may apply to according to the facts."""
    calls = sorted({r.source_id for r in comparison.results})
    return {fiche: {c for c in calls if eligible(verdicts(facts.get(c), porteur, as_of))}
            for fiche, porteur in comparison.porteur_of.items()}


def scores_alone(comparison: Comparison) -> dict[str, list[str]]:
    """Vigie's calls per fiche by score only, eligible or not (its eligibility set aside)."""
    scored: dict[str, tuple[list[str], list[float]]] = {}
    for r in comparison.results:
        ids, values = scored.setdefault(r.fiche_id, ([], []))
        ids.append(r.source_id)
        values.append(r.score)
    return {f: rank_by_scores(ids, values) for f, (ids, values) in scored.items()}


def oracle_report(comparison: Comparison, grades: Grades, facts: Mapping[str, CallFacts], as_of: date) -> OracleReport:
    """Rankings on the reference eligible set, Vigie end to end, and Vigie's verdicts against the facts."""
    reference = reference_sets(comparison, facts, as_of)
    ranking = [score_system(SCORE_ALONE, scores_alone(comparison), grades, reference, filtered=True)]
    ranking += [score_system(name, rankings, grades, reference, filtered=True)
                for name, rankings in comparison.rankings.items()]
    proposals = vigie_rankings(comparison.results)
    end_to_end = score_system(END_TO_END, proposals, grades, reference)
    judged = [(r.eligibility, verdicts(facts.get(r.source_id), comparison.porteur_of[r.fiche_id], as_of))
              for r in comparison.results if r.fiche_id in comparison.porteur_of]
    outside = {f: [c for c in calls[:TOP] if c not in reference.get(f, set())] for f, calls in proposals.items()}
    missing = {r.source_id for r in comparison.results} - set(facts)
    return OracleReport(ranking, end_to_end, disagreements(judged), sum(len(v) for v in outside.values()),
                        sum(bool(v) for v in outside.values()), len(missing))
