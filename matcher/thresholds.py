"""What the digest threshold keeps, measured on labels: for each candidate threshold, the proposals per
fiche (eligible, score at or above it, within the fiche's `top_n`), how many are off-topic, their
precision and the recall of relevant calls. It shows whoever tunes `matching.threshold` the trade-off
between the porteurs' noise and the calls they would miss. With the calibration on (matcher.calibration), scores
are probabilities of relevance, so the candidates are small probabilities as much as large ones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.records import MatchResult

from matcher.evaluation import RELEVANT, Grades

THRESHOLDS = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
TARGET_PRECISION = 0.5
"""Without review (letters go straight to porteurs): the lowest threshold at which half the proposals are relevant."""
TARGET_RECALL = 0.7
"""With review (the chef de projet reads every proposal first): the highest threshold that still proposes this share
of the relevant calls. The shipped default follows this rule, since review is on by default."""
UNREVIEWED_THRESHOLD = 0.2
"""The precision rule's threshold on the tuning sets (Gers and five other territories, probabilities learnt
without the judged territory): under it, letters sent without review carry mostly off-topic calls."""


@dataclass(frozen=True)
class ThresholdRow:
    """The digest's proposals at one threshold, over the judged fiches."""

    threshold: float
    per_fiche: float
    """Proposals per fiche."""
    off_topic_per_fiche: float
    """Of which graded 0 (or not graded)."""
    precision: float
    """Share of proposals graded ≥ 2."""
    recall: float
    """Share of the relevant eligible calls proposed."""


def proposals(results: Iterable[MatchResult], top_n: int) -> dict[str, list[tuple[str, float]]]:
    """Per fiche, its eligible calls best first (call id, score), cut to `top_n`."""
    by_fiche: dict[str, list[tuple[str, float]]] = {}
    for r in results:
        entries = by_fiche.setdefault(r.fiche_id, [])
        if r.eligible:
            entries.append((r.source_id, r.score))
    return {f: sorted(e, key=lambda p: (-p[1], p[0]))[:top_n] for f, e in by_fiche.items()}


def threshold_row(ranked: dict[str, list[tuple[str, float]]], grades: Grades, relevant: int,
                  threshold: float) -> ThresholdRow:
    """One row of the table."""
    kept = [(f, c) for f, entries in ranked.items() for c, score in entries if score >= threshold]
    good = sum(grades.get(k, 0) >= RELEVANT for k in kept)
    off = sum(grades.get(k, 0) == 0 for k in kept)
    fiches = max(len(ranked), 1)
    return ThresholdRow(threshold, len(kept) / fiches, off / fiches, good / len(kept) if kept else 0.0,
                        good / relevant if relevant else 0.0)


def threshold_table(results: Sequence[MatchResult], grades: Grades, top_n: int,
                    thresholds: Iterable[float] = THRESHOLDS) -> list[ThresholdRow]:
    """A row per threshold; recall counts the relevant calls eligible for their fiche (the reachable ones)."""
    ranked = proposals(results, top_n)
    reachable = sum(1 for r in results if r.eligible and grades.get((r.fiche_id, r.source_id), 0) >= RELEVANT)
    return [threshold_row(ranked, grades, reachable, t) for t in sorted(set(thresholds))]


def lowest_threshold(results: Sequence[MatchResult], grades: Grades, top_n: int,
                     precision: float = TARGET_PRECISION, step: float = 0.01) -> float | None:
    """The lowest threshold (a multiple of `step`) at which the proposals reach `precision`; None if none does."""
    candidates = [round(n * step, 6) for n in range(1, int(round(1 / step)))]
    rows = threshold_table(results, grades, top_n, candidates)
    return next((r.threshold for r in rows if r.per_fiche > 0 and r.precision >= precision), None)


def highest_threshold(results: Sequence[MatchResult], grades: Grades, top_n: int,
                      recall: float = TARGET_RECALL, step: float = 0.01) -> float | None:
    """The highest threshold (a multiple of `step`) whose proposals still reach `recall`; None if none does."""
    candidates = [round(n * step, 6) for n in range(1, int(round(1 / step)))]
    rows = threshold_table(results, grades, top_n, candidates)
    return next((r.threshold for r in reversed(rows) if r.recall >= recall), None)
