"""Ranking quality against graded labels: nDCG@10, Recall@20, P@5, MRR, ineligible share of the top 10.

Pure functions over rankings (lists of call ids, best first) and labels ({(fiche_id, call_id): grade 0–3});
the baselines that Vigie is compared with live in `matcher.baselines`. A call that no label names has
grade 0. Every system is judged on the same eligible set: a call that the hard filters reject for the
fiche (wrong beneficiary, territory, closed…) brings no gain, since the porteur cannot apply to it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean

RELEVANT = 2
"""Grade from which a call counts as relevant for Recall@20, P@5 and MRR."""
METRICS = ("ndcg@10", "recall@20", "p@5", "mrr", "ineligible@10")

Grades = Mapping[tuple[str, str], int]


def dcg(gains: Sequence[int]) -> float:
    """Discounted cumulative gain with exponential gains (2^grade − 1)."""
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at(ranking: Sequence[str], grades: Mapping[str, int], k: int = 10) -> float:
    """nDCG@k of one ranking; the ideal ranking orders every graded call of the candidate set."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(c, 0) for c in ranking[:k]]) / ideal if ideal else 0.0


def recall_at(ranking: Sequence[str], grades: Mapping[str, int], k: int = 20) -> float:
    """Share of the relevant calls (grade ≥ 2) found in the first k."""
    relevant = {c for c, g in grades.items() if g >= RELEVANT}
    return len(relevant & set(ranking[:k])) / len(relevant) if relevant else 0.0


def precision_at(ranking: Sequence[str], grades: Mapping[str, int], k: int = 5) -> float:
    """Share of relevant calls among the first k."""
    return sum(grades.get(c, 0) >= RELEVANT for c in ranking[:k]) / k


def reciprocal_rank(ranking: Sequence[str], grades: Mapping[str, int]) -> float:
    """1 / rank of the first relevant call (0 when none)."""
    return next((1 / n for n, c in enumerate(ranking, start=1) if grades.get(c, 0) >= RELEVANT), 0.0)


def ineligible_share(ranking: Sequence[str], eligible: set[str], k: int = 10) -> float:
    """Share of the first k that the hard filters reject."""
    top = ranking[:k]
    return sum(c not in eligible for c in top) / len(top) if top else 0.0


@dataclass
class SystemScores:
    """Per-fiche metrics of one system."""

    name: str
    per_fiche: dict[str, dict[str, float]] = field(default_factory=dict)

    def mean(self, metric: str, fiches: Sequence[str] | None = None) -> float:
        """Average of a metric over fiches (all judged fiches by default)."""
        chosen = [f for f in (fiches if fiches is not None else self.per_fiche) if f in self.per_fiche]
        return fmean(self.per_fiche[f][metric] for f in chosen) if chosen else 0.0


def score_system(
    name: str,
    rankings: Mapping[str, Sequence[str]],
    grades: Grades,
    eligible: Mapping[str, set[str]],
    filtered: bool = False,
) -> SystemScores:
    """Metrics of one system's rankings (fiche → calls, best first, as the system would show them).

    An ineligible call has gain 0 whatever its label: the porteur cannot apply. `filtered` first drops
    the ineligible calls from the ranking (relevance alone, on the eligible set). Fiches with no relevant
    eligible call are not judged (their nDCG is undefined).
    """
    scores = SystemScores(name)
    for fiche, ranking in rankings.items():
        allowed = eligible.get(fiche, set())
        fiche_grades = {c: g for (f, c), g in grades.items() if f == fiche and c in allowed and g > 0}
        if not any(g >= RELEVANT for g in fiche_grades.values()):
            continue
        kept = [c for c in ranking if c in allowed] if filtered else list(ranking)
        scores.per_fiche[fiche] = {
            "ndcg@10": ndcg_at(kept, fiche_grades), "recall@20": recall_at(kept, fiche_grades),
            "p@5": precision_at(kept, fiche_grades), "mrr": reciprocal_rank(kept, fiche_grades),
            "ineligible@10": ineligible_share(kept, allowed),
        }
    return scores


def rank_by_scores(call_ids: Sequence[str], scores: Sequence[float]) -> list[str]:
    """Call ids best first; ties broken by id so that results never depend on input order."""
    order = sorted(range(len(call_ids)), key=lambda j: (-scores[j], call_ids[j]))
    return [call_ids[j] for j in order]


def parse_grades(rows: Sequence[Mapping[str, str]]) -> dict[tuple[str, str], int]:
    """Labels from CSV rows `fiche_id,source_id,grade`; raises ValueError naming the bad row (1-based, header = 1)."""
    grades: dict[tuple[str, str], int] = {}
    for number, row in enumerate(rows, start=2):
        fiche, call = (row.get("fiche_id") or "").strip(), (row.get("source_id") or "").strip()
        grade = row.get("grade")
        try:
            value = int(str(grade).strip())
        except ValueError:
            raise ValueError(f"ligne {number} : note « {grade} » invalide (entier de 0 à 3 attendu)") from None
        if not fiche or not call or not 0 <= value <= 3:
            raise ValueError(f"ligne {number} : fiche_id, source_id et une note de 0 à 3 sont attendus")
        grades[fiche, call] = value
    return grades
