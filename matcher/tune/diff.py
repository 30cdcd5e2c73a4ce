"""Compare the rankings of two scored runs over the same calls and fiches: what enters, leaves or crosses.

A pair is *shown* when it is eligible, within its fiche's top N and at or above the threshold — what
`vigie match` lists and what the digests draw from. The diff lists every pair whose top-N membership,
threshold side or eligibility changed, with its score and rank before → after.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matcher.run import ScoredRun

ENTERS = "entre"
LEAVES = "sort"
MOVES = "bouge"


@dataclass(frozen=True)
class PairState:
    """A pair as one run sees it."""

    score: float
    rank: int | None
    """Rank among the fiche's eligible calls (None when ineligible)."""
    eligible: bool
    in_top: bool
    """Eligible and rank ≤ top N."""
    above: bool
    """Eligible and score ≥ threshold."""

    @property
    def shown(self) -> bool:
        """In the top N and at or above the threshold."""
        return self.in_top and self.above


@dataclass(frozen=True)
class PairChange:
    """One pair whose place changed between the reference run and the current one."""

    fiche_id: str
    porteur_id: str
    source: str
    source_id: str
    title: str
    before: PairState
    after: PairState
    reasons: list[str] = field(default_factory=list)

    @property
    def movement(self) -> str:
        """entre (now shown), sort (no longer shown) or bouge (crossed one line but not both)."""
        if self.after.shown != self.before.shown:
            return ENTERS if self.after.shown else LEAVES
        return MOVES

    @property
    def crossings(self) -> list[str]:
        """The lines crossed, in French."""
        b, a = self.before, self.after
        found = []
        if b.eligible != a.eligible:
            found.append("devient éligible" if a.eligible else "devient inéligible")
        if b.in_top != a.in_top:
            found.append("entre dans le top N" if a.in_top else "sort du top N")
        if b.above != a.above:
            found.append("passe au-dessus du seuil" if a.above else "passe sous le seuil")
        return found


@dataclass(frozen=True)
class Positions:
    """Per-pair arrays of one run (rows: fiches, columns: calls)."""

    scores: np.ndarray
    ranks: np.ndarray
    eligible: np.ndarray
    in_top: np.ndarray
    above: np.ndarray

    @classmethod
    def of(cls, run: ScoredRun) -> Positions:
        """Top N and threshold taken from the run's own matching settings."""
        m = run.matching
        eligible = run.eligible
        in_top = eligible & (run.ranks > 0) & (run.ranks <= m.top_n)
        return cls(run.scores, run.ranks, eligible, in_top, eligible & (run.scores >= m.threshold))

    def state(self, i: int, j: int) -> PairState:
        """One pair's state."""
        rank = int(self.ranks[i, j]) or None
        return PairState(round(float(self.scores[i, j]), 4), rank, bool(self.eligible[i, j]),
                         bool(self.in_top[i, j]), bool(self.above[i, j]))


def changed_pairs(before: ScoredRun, after: ScoredRun) -> list[tuple[int, int]]:
    """(row, column) of the pairs whose eligibility, top-N membership or threshold side changed."""
    _check_aligned(before, after)
    a, b = Positions.of(before), Positions.of(after)
    mask = (a.eligible != b.eligible) | (a.in_top != b.in_top) | (a.above != b.above)
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(mask))]


def pair_changes(before: ScoredRun, after: ScoredRun, reasons: dict[tuple[int, int], list[str]] | None = None
                 ) -> list[PairChange]:
    """Every changed pair, by porteur, fiche, then movement (entries first) and best score."""
    a, b = Positions.of(before), Positions.of(after)
    changes = []
    for i, j in changed_pairs(before, after):
        fiche, porteur = after.pairs[i]
        call = after.calls[j]
        changes.append(PairChange(fiche.id, porteur.id, call.source, call.source_id, call.title,
                                  a.state(i, j), b.state(i, j), (reasons or {}).get((i, j), [])))
    order = {ENTERS: 0, LEAVES: 1, MOVES: 2}
    return sorted(changes, key=lambda c: (c.porteur_id, c.fiche_id, order[c.movement], -c.after.score, c.source_id))


def summary(changes: list[PairChange]) -> dict[str, int]:
    """Counts: entre, sort, bouge, and the fiches touched."""
    counts = {ENTERS: 0, LEAVES: 0, MOVES: 0}
    for change in changes:
        counts[change.movement] += 1
    counts["fiches"] = len({c.fiche_id for c in changes})
    return counts


def _check_aligned(before: ScoredRun, after: ScoredRun) -> None:
    """Both runs must score the same calls against the same fiches, in the same order."""
    same_calls = [(o.source, o.source_id) for o in before.calls] == [(o.source, o.source_id) for o in after.calls]
    same_fiches = [f.id for f, _ in before.pairs] == [f.id for f, _ in after.pairs]
    if not (same_calls and same_fiches):
        raise ValueError("les deux appariements ne portent pas sur les mêmes appels et fiches-actions")
