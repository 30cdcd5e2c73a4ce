"""What a call's own exclusions do to its pairs: when the fiche is about a subject the call excludes (« hors
biomasse » and a fiche about a wood boiler), the pair's score is multiplied by `matching.call_exclusion_factor`
and the pair says why.

A fiche is about an excluded subject when its term bag — the same lemma keys BM25 reads, synonym expansions
included (« chaudière bois » brings « chaufferie biomasse ») — holds every content key of the subject.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from models.records import Reason

from matcher.call_exclusions import CallExclusion
from matcher.corpus import Corpus

FEATURE = "exclusion_appel"
"""Feature name of the reason (the web page labels it)."""


@dataclass(frozen=True)
class ExclusionEffect:
    """Every call's exclusions, the pairs they hit and the multiplier of every pair (rows: fiches, columns: calls)."""

    found: list[list[CallExclusion]]
    """Exclusions of each call."""
    hits: list[dict[int, list[CallExclusion]]]
    """Per fiche row: call column → the exclusions of that call the fiche is about."""
    multiplier: np.ndarray
    """1 for a pair untouched, `factor` for a pair whose fiche is about something its call excludes."""
    factor: float

    def fired(self, i: int, j: int) -> list[CallExclusion]:
        """Exclusions of call j that fiche i is about."""
        return self.hits[i].get(j, [])

    def reasons(self, i: int, j: int) -> list[Reason]:
        """One reason per exclusion that bears on the pair."""
        weight = round(self.factor - 1.0, 3)
        return [Reason(feature=FEATURE, weight=weight, evidence=evidence(e)) for e in self.fired(i, j)]


def evidence(exclusion: CallExclusion) -> str:
    """« L'appel exclut « biomasse » (« … hors biomasse … ») et la fiche en parle »."""
    return f"L'appel exclut « {exclusion.subject} » (« {exclusion.quote} ») et la fiche en parle"


def exclusion_effect(corpus: Corpus, factor: float) -> ExclusionEffect:
    """Find each call's exclusions and the fiches they hit; the multiplier array of every pair."""
    found = [list(form.exclusions) for form in corpus.calls.compact]
    rows_of = _rows_by_key(corpus, {k for exclusions in found for e in exclusions for k in e.keys})
    hits: list[dict[int, list[CallExclusion]]] = [defaultdict(list) for _ in range(len(corpus.fiches))]
    multiplier = np.ones((len(corpus.fiches), len(corpus.calls)))
    for j, exclusions in enumerate(found):
        for exclusion in exclusions:
            rows = set.intersection(*(rows_of[k] for k in exclusion.keys))
            for i in rows:
                hits[i][j].append(exclusion)
                multiplier[i, j] = factor
    return ExclusionEffect(found, [dict(h) for h in hits], multiplier, factor)


def no_exclusion(shape: tuple[int, int], factor: float = 1.0) -> ExclusionEffect:
    """An effect that changes nothing (a run scored without looking for exclusions)."""
    return ExclusionEffect([[] for _ in range(shape[1])], [{} for _ in range(shape[0])], np.ones(shape), factor)


def _rows_by_key(corpus: Corpus, keys: set[str]) -> dict[str, set[int]]:
    """Fiche rows whose term bag holds each key."""
    rows: dict[str, set[int]] = {k: set() for k in keys}
    for i, bag in enumerate(corpus.fiches.bags()):
        for key in keys.intersection(bag):
            rows[key].add(i)
    return rows
