"""Reviews made up for the learning gate's tests: fiches of several territories, each with its eligible calls
(random features, a content score), the best of which by content were reviewed as a territory's rule says."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from matcher.learning import CONTENT, FEATURES, NEIGHBOURS
from matcher.learning_gate import FicheQueue, ReviewSet

Rule = Callable[[np.ndarray], np.ndarray]
"""Features of a fiche's reviewed calls → 1 accepted, 0 rejected."""


def review_world(territories: Mapping[str, tuple[int, Rule]], seed: int = 5, calls: int = 20,
                 reviewed: int = 8) -> ReviewSet:
    """`territories`: territory → (number of fiches, how its chef de projet decides). Each fiche has `calls`
    eligible calls, content scores between 0.3 and 0.6 and no neighbour signal; its `reviewed` best by content
    score were reviewed, the others never seen."""
    rng = np.random.default_rng(seed)
    xs, ys, keys, owners, queues = [], [], [], [], {}
    for territory, (count, rule) in territories.items():
        for n in range(count):
            fiche = f"{territory}-{n}"
            x = rng.random((calls, len(FEATURES)))
            x[:, CONTENT], x[:, NEIGHBOURS] = rng.uniform(0.3, 0.6, calls), 0.0
            top = np.argsort(-x[:, CONTENT], kind="stable")[:reviewed]
            decisions = np.full(calls, -1)
            decisions[top] = rule(x[top])
            calls_of = tuple((fiche, "national", f"appel-{j}") for j in range(calls))
            queues[fiche] = FicheQueue(territory, x, np.ones(calls), decisions, calls_of)
            xs.append(x[top])
            ys.append(decisions[top])
            keys += [calls_of[j] for j in top]
            owners += [territory] * reviewed
    return ReviewSet(np.vstack(xs), np.concatenate(ys), keys, owners, queues, alpha=0.5)


def one_territory(reviews: ReviewSet) -> ReviewSet:
    """The same reviews, as if they all came from one territory."""
    queues = {f: FicheQueue("un", q.x, q.multiplier, q.decisions, q.keys) for f, q in reviews.queues.items()}
    return ReviewSet(reviews.x, reviews.y, reviews.keys, ["un"] * len(reviews.y), queues, reviews.alpha)
