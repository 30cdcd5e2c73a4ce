"""Agreement between two labellers who graded the same set independently (`vigie eval --accord A B`).

Every pair that either labeller graded counts; a pair one of them left out has grade 0 from that one (as for the
evaluation itself, where an ungraded call is not relevant).
"""

from __future__ import annotations

from dataclasses import dataclass

from sklearn.metrics import cohen_kappa_score

from matcher.evaluation import RELEVANT, Grades


@dataclass(frozen=True)
class Agreement:
    """How much two labellers agree."""

    pairs: int
    """Pairs graded by at least one of them."""
    kappa: float
    """Cohen's κ with quadratic weights on the grades 0–3 (1: perfect, 0: chance)."""
    raw: float
    """Share of pairs with the same grade."""
    relevant_kappa: float
    """Cohen's κ on relevant (grade ≥ 2) or not."""
    only_a: int
    """Pairs graded by the first labeller only."""
    only_b: int


def agreement(a: Grades, b: Grades) -> Agreement:
    """κ and raw agreement over the union of graded pairs (a missing pair counts as 0)."""
    pairs = sorted(set(a) | set(b))
    first, second = [a.get(p, 0) for p in pairs], [b.get(p, 0) for p in pairs]
    if not pairs:
        return Agreement(0, 0.0, 0.0, 0.0, 0, 0)
    raw = sum(x == y for x, y in zip(first, second)) / len(pairs)
    return Agreement(len(pairs), _kappa(first, second, "quadratic"), raw,
                     _kappa([x >= RELEVANT for x in first], [y >= RELEVANT for y in second], None),
                     len(set(a) - set(b)), len(set(b) - set(a)))


def _kappa(first: list, second: list, weights: str | None) -> float:
    """κ, or 1.0 when both labellers gave one and the same value everywhere (scikit-learn answers nan)."""
    if len(set(first) | set(second)) == 1:
        return 1.0
    return float(cohen_kappa_score(first, second, weights=weights, labels=sorted(set(first) | set(second))))
