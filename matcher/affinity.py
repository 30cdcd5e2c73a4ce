"""Profiles follow the fiche: a profile counts for a pair only as far as the fiche itself is about it.

A profile is attached to a fiche by name (the fiche or its porteur lists it) or through the fiche's axe, and
its terms are looked for on both sides of every pair. The fiche's affinity to a profile is 1 when the profile
is named; otherwise found / (found + AFFINITY_SATURATION), where `found` is the weight of the profile's terms
in the fiche's own text (0 when it mentions none). For one pair, the profile brings

    points = shared + affinity × (call − shared)

where `call` is the profile's raw score in the call (terms found minus exclusions) and `shared` the weight of
the terms found in both texts: a term on both sides counts in full, the call's other terms and its exclusions
in proportion to the affinity. A water-reuse fiche that names no decarbonation term gets nothing from a
decarbonation call about cold storage; a cold-storage fiche that says "froid industriel" gets that term in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matcher.profiles import EXCLUSION_PENALTY, ProfileHits

AFFINITY_SATURATION = 4.0
"""Weight found in a fiche → affinity as found / (found + AFFINITY_SATURATION): one strong term (+4) gives 0.5,
as in a call."""


def affinity_of(found: float) -> float:
    """A fiche's affinity to a profile from the weight of the profile's terms found in it."""
    return found / (found + AFFINITY_SATURATION) if found > 0 else 0.0


def contribution(affinity: np.ndarray | float, call: np.ndarray | float, shared: np.ndarray | float
                 ) -> np.ndarray | float:
    """Points of one profile for pairs (scalars or arrays that broadcast): shared terms in full, the rest of
    the call's raw score in proportion to the fiche's affinity."""
    return shared + affinity * (call - shared)


@dataclass(frozen=True)
class PairProfile:
    """What one profile attached to a fiche brings to one pair."""

    profile_id: str
    affinity: float
    """The fiche's affinity to the profile (1 when named by the fiche or its porteur)."""
    shared: tuple[tuple[str, float], ...]
    """(term, weight) found in the fiche and in the call: counted in full."""
    call_only: tuple[tuple[str, float], ...]
    """(term, weight) found in the call only: counted × affinity."""
    exclusions: tuple[str, ...]
    """Exclusions that fired in the call: counted × affinity."""

    @property
    def term_points(self) -> float:
        """Points of the terms found in the call, shared ones in full, the others × affinity."""
        shared = sum(w for _, w in self.shared)
        return float(contribution(self.affinity, shared + sum(w for _, w in self.call_only), shared))

    @property
    def exclusion_points(self) -> float:
        """Points one exclusion that fired takes off (negative)."""
        return float(contribution(self.affinity, -EXCLUSION_PENALTY, 0.0))

    @property
    def points(self) -> float:
        """The profile's points for the pair: `ProfileRun.points` for one pair."""
        return self.term_points + len(self.exclusions) * self.exclusion_points


@dataclass(frozen=True)
class ProfileRun:
    """Profile hits of one matching run on both sides of every pair."""

    calls: dict[str, list[ProfileHits]]
    """Hits of each used profile in each call (column order)."""
    fiches: dict[str, list[ProfileHits]]
    """Hits of each used profile in each fiche's own text (row order); exclusions there are not used."""
    attached: list[list[str]]
    """Profiles attached to each fiche (named first, then through its axe)."""
    named: list[frozenset[str]]
    """Profiles each fiche or its porteur names."""
    floors: list[dict[str, float]] = field(default_factory=list)
    """Per fiche, the least affinity of the profiles its axe attaches (the profile's `axe_affinity`: a narrow
    axe such as foncier says by itself what its fiches are about)."""

    def affinity(self, i: int, profile_id: str) -> float:
        """Fiche row i's affinity to a profile: 1 if named, from its own text if attached by axe, else 0."""
        if profile_id in self.named[i]:
            return 1.0
        if profile_id not in self.attached[i]:
            return 0.0
        floor = self.floors[i].get(profile_id, 0.0) if self.floors else 0.0
        return max(floor, affinity_of(sum(w for _, w in self.fiches[profile_id][i].terms)))

    def has_profile(self) -> np.ndarray:
        """Per fiche: whether some attached profile concerns it (otherwise the profile signal takes no part)."""
        return np.array([any(self.affinity(i, pid) > 0 for pid in ids) for i, ids in enumerate(self.attached)],
                        dtype=bool)

    def pair(self, i: int, j: int) -> list[PairProfile]:
        """What each profile attached to fiche row i brings to call column j."""
        parts = []
        for pid in self.attached[i]:
            in_fiche = {term for term, _ in self.fiches[pid][i].terms}
            hits = self.calls[pid][j]
            shared = tuple(t for t in hits.terms if t[0] in in_fiche)
            call_only = tuple(t for t in hits.terms if t[0] not in in_fiche)
            parts.append(PairProfile(pid, self.affinity(i, pid), shared, call_only, hits.exclusions))
        return parts

    def points(self, profile_id: str) -> np.ndarray:
        """(fiches × calls) points of one profile; 0 on the fiches it does not concern (affinity 0: not attached,
        or none of its terms in the fiche, hence none shared)."""
        calls, fiches = self.calls[profile_id], self.fiches[profile_id]
        affinity = np.array([self.affinity(i, profile_id) for i in range(len(fiches))])
        rows = np.flatnonzero(affinity > 0)
        column = {t: n for n, t in enumerate(sorted({t for h in calls for t, _ in h.terms}))}
        in_call = np.zeros((len(calls), len(column)))
        for j, hits in enumerate(calls):
            in_call[j, [column[t] for t, _ in hits.terms]] = 1.0
        found = np.zeros((len(rows), len(column)))
        for n, i in enumerate(rows):
            kept = [(column[t], w) for t, w in fiches[i].terms if t in column]
            found[n, [c for c, _ in kept]] = [w for _, w in kept]
        call = np.array([h.raw for h in calls], dtype=np.float64)
        points = np.zeros((len(fiches), len(calls)))
        points[rows] = contribution(affinity[rows, None], call[None, :], found @ in_call.T)
        return points
