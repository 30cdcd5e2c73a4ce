"""The demo plays the chef de projet: a stated rule, applied through `Store.review` as `vigie review` does.

Only what the chef de projet accepted goes into the porteurs' letters (review_required, as configured):
the demo accepts the best matches of each fiche-action in the review queue and leaves the others there, for
whoever explores the demo afterwards (`vigie review list`, the web app).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from models.store import Store
from models.store.web_queue import review_filter
from models.vocab import ReviewStatus
from vigie.demo.folder import DEMO_REVIEWER

ACCEPT_PER_FICHE = 2


@dataclass(frozen=True)
class Waiting:
    """A match in the review queue."""

    id: int
    fiche_id: str
    score: float


@dataclass(frozen=True)
class DemoReviews:
    """The review queue after matching, and what the demo's chef de projet decided."""

    waiting: int
    """Matches « à relire » once matched (what `vigie review list` showed)."""
    fiches: int
    """Fiches-actions those matches are for."""
    accepted: int
    left: int
    """Still « à relire » afterwards."""


def waiting_reviews(store: Store, threshold: float, as_of: date) -> list[Waiting]:
    """The review queue, best first: the one definition of « à relire » (`vigie review list`, the web app)."""
    rows = store.queue_rows(review_filter(threshold), as_of)
    return [Waiting(row["id"], row["fiche_id"], row["score"]) for row in rows]


def demo_decisions(waiting: Sequence[Waiting], per_fiche: int = ACCEPT_PER_FICHE) -> list[int]:
    """Ids to accept: the `per_fiche` best of each fiche-action; the others are left to review."""
    accept: list[int] = []
    taken: Counter[str] = Counter()
    for item in sorted(waiting, key=lambda w: -w.score):
        if taken[item.fiche_id] < per_fiche:
            accept.append(item.id)
            taken[item.fiche_id] += 1
    return accept


def play_chef(store: Store, threshold: float, as_of: date, at: datetime) -> DemoReviews:
    """Decide on the queue by the demo's rule, each decision recorded like `vigie review accept`'s."""
    waiting = waiting_reviews(store, threshold, as_of)
    accept = demo_decisions(waiting)
    for match_id in accept:
        store.review(match_id, ReviewStatus.ACCEPTED, DEMO_REVIEWER, at)
    return DemoReviews(len(waiting), len({w.fiche_id for w in waiting}), len(accept), len(waiting) - len(accept))
