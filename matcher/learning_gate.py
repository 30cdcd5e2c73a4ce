"""Whether a reranker learnt from the reviews goes into service: it must rank the control fiches' calls better
than the score it would replace (pure).

    reviews = review_set(run, decisions)         # the reviewed pairs, and each reviewed fiche's eligible calls
    report = train(reviews, previous, min_reviews)

Control set:
- reviews of two territories or more: whole territories. Each territory is left out in turn, a model is fitted
  on the others' reviews and ranks the left-out territory's reviewed fiches — what a territory whose decisions
  the model never saw would get;
- reviews of one territory: about a quarter of the reviews, chosen by a hash of each pair (stable from one run
  to the next); the model is fitted on the others.
Measure: for each control fiche, every eligible call ranked (calls' exclusions applied), the average precision
of its accepted control calls — a call ranked above them that the chef de projet rejected or never saw counts
against — averaged over the control fiches. The bar is the score in service: the previous model, and in any
case the content score moved by the other territories' decisions (no model); the new model must beat both.
The model kept is then fitted on every review. The model's probability does not read the neighbour signal
(`matcher.learning.fit`), so nothing of the left-out territory's decisions reaches the model fitted without it;
its fiches' own signal hears the other territories only, as in service.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from matcher.learning import Reranker, average_precision, features, fit, review_examples, served_scores
from matcher.run import ScoredRun
from models.display import decimal

HELD_OUT_SHARE = 0.25
"""Share of the reviews kept for control when they all come from one territory."""


@dataclass(frozen=True)
class FicheQueue:
    """One reviewed fiche's eligible calls, as the gate ranks them."""

    territory: str
    x: np.ndarray
    """Features of each eligible call (matcher.learning.FEATURES)."""
    multiplier: np.ndarray
    """The calls' exclusions (what every score is multiplied by)."""
    decisions: np.ndarray
    """1 accepted, 0 rejected, -1 not reviewed."""
    keys: tuple[tuple[str, str, str], ...]
    """(fiche_id, source, source_id) of each call."""


@dataclass
class ReviewSet:
    """The reviewed pairs and the queues of their fiches."""

    x: np.ndarray
    y: np.ndarray
    keys: list[tuple[str, str, str]]
    territories: list[str]
    """Territory of each reviewed pair's fiche."""
    queues: dict[str, FicheQueue]
    """Fiche id → its eligible calls."""
    alpha: float
    """`matching.neighbour_boost`: how the neighbour signal moves the score without a model."""


@dataclass
class TrainingReport:
    """What training found: the new model, its control score and the one it had to beat."""

    model: Reranker | None
    reviews: int
    held_out: float
    """Mean average precision of the new model on the control fiches."""
    previous: float
    """The same, of the score in service (previous model or no model), whichever is higher."""
    kept: bool
    message: str


def review_set(run: ScoredRun, decisions: Mapping[tuple[str, str, str], bool]) -> ReviewSet:
    """The reviewed pairs this run scored, with the neighbour signal the run holds, and their fiches' queues."""
    x, y, _, keys = review_examples(run, decisions)
    territory = {f.id: p.territoire for f, p in run.pairs}
    array, multiplier = features(run), run.multiplier
    reviewed, queues = {k[0] for k in keys}, {}
    for i, (fiche, porteur) in enumerate(run.pairs):
        if fiche.id not in reviewed or fiche.id in queues:
            continue
        eligible = np.flatnonzero(run.eligible[i])
        calls = tuple((fiche.id, run.calls[j].source, run.calls[j].source_id) for j in eligible)
        decided = np.asarray([int(decisions[k]) if k in decisions else -1 for k in calls], dtype=int)
        queues[fiche.id] = FicheQueue(porteur.territoire, array[i, eligible], multiplier[i, eligible], decided, calls)
    return ReviewSet(x, y, keys, [territory[k[0]] for k in keys], queues, run.matching.neighbour_boost)


@dataclass(frozen=True)
class Fold:
    """Reviews to fit on, and the control calls of each control fiche."""

    training: np.ndarray
    """Mask over the reviewed pairs."""
    control: dict[str, np.ndarray]
    """Fiche id → mask over its queue: the calls it is ranked on (not those fitted on)."""


def folds(reviews: ReviewSet) -> list[Fold]:
    """One fold per territory when the reviews span two or more; else the hash-chosen quarter of the reviews."""
    territories = np.asarray(reviews.territories, dtype=object)
    if len(set(reviews.territories)) >= 2:
        return [Fold(territories != t, {f: np.ones(len(q.decisions), bool) for f, q in reviews.queues.items()
                                        if q.territory == t}) for t in sorted(set(reviews.territories))]
    held = np.asarray([_held_out(k) for k in reviews.keys], dtype=bool)
    fitted = {k for k, h in zip(reviews.keys, held) if not h}
    judged = {k[0] for k, h in zip(reviews.keys, held) if h}
    control = {f: np.asarray([k not in fitted for k in q.keys], dtype=bool) for f, q in reviews.queues.items()
               if f in judged}
    return [Fold(~held, control)]


def _held_out(key: tuple[str, str, str]) -> bool:
    digest = hashlib.sha1("\x1f".join(key).encode()).digest()
    return digest[0] < 256 * HELD_OUT_SHARE


def ranking_precision(queue: FicheQueue, mask: np.ndarray, model: Reranker | None, alpha: float) -> float | None:
    """Average precision of the accepted calls among the masked calls of a fiche ranked by `model` (None: no
    model); None when none of them was accepted."""
    labels = (queue.decisions[mask] == 1).astype(int)
    if not labels.any():
        return None
    scores = np.round(served_scores(queue.x[mask], model, alpha) * queue.multiplier[mask], 4)
    return average_precision(labels, scores)


@dataclass(frozen=True)
class Comparison:
    """Mean average precision over the control fiches: new model, previous model (if any), no model."""

    new: float
    previous: float | None
    unlearnt: float
    fiches: int

    @property
    def bar(self) -> float:
        return max(self.unlearnt, self.previous if self.previous is not None else self.unlearnt)


def compare(reviews: ReviewSet, previous: Reranker | None) -> Comparison | None:
    """Fit on each fold's training reviews and rank its control fiches; None when no fold can be judged."""
    found: list[tuple[float, float | None, float]] = []
    for fold in folds(reviews):
        y = reviews.y[fold.training]
        if len(set(y.tolist())) < 2:
            continue
        model = fit(reviews.x[fold.training], y)
        for fiche, mask in fold.control.items():
            queue, a = reviews.queues[fiche], reviews.alpha
            unlearnt = ranking_precision(queue, mask, None, a)
            if unlearnt is not None:
                before = ranking_precision(queue, mask, previous, a) if previous is not None else None
                found.append((ranking_precision(queue, mask, model, a), before, unlearnt))
    if not found:
        return None
    new, before, unlearnt = (np.asarray(column, dtype=float) for column in zip(*found))
    return Comparison(float(new.mean()), None if previous is None else float(before.mean()), float(unlearnt.mean()),
                      len(found))


def train(reviews: ReviewSet, previous: Reranker | None, min_reviews: int) -> TrainingReport:
    """Judge the model on the control set (see the module docstring), then fit it on every review; it goes into
    service only if it ranks the control fiches better than the score in service."""
    count = len(reviews.y)
    if count < min_reviews:
        return too_few(count, min_reviews)
    comparison = compare(reviews, previous) if len(set(reviews.y.tolist())) == 2 else None
    if comparison is None:
        return TrainingReport(None, count, 0.0, 0.0, False,
                              "il faut des acceptations et des rejets, à l'apprentissage comme au contrôle")
    kept = comparison.new > comparison.bar
    model = fit(reviews.x, reviews.y)
    return TrainingReport(model, count, comparison.new, comparison.bar, kept, verdict(comparison, kept, reviews))


def too_few(count: int, min_reviews: int) -> TrainingReport:
    """Nothing learnt: fewer reviews than `min_reviews`."""
    return TrainingReport(None, count, 0.0, 0.0, False,
                          f"pas assez de revues pour apprendre : {count} sur {min_reviews} nécessaires")


def verdict(comparison: Comparison, kept: bool, reviews: ReviewSet) -> str:
    """What training decided and why, in French."""
    territories = len(set(reviews.territories))
    where = ("sur le territoire laissé de côté" if territories >= 2
             else "sur les revues de contrôle (un quart des revues, choisi par empreinte)")
    rival = ("le score en service" if comparison.previous is None
             else "le modèle en service" if comparison.previous >= comparison.unlearnt else "le score sans modèle")
    worse = comparison.new < comparison.bar
    how = "classe mieux" if kept else ("classe moins bien" if worse else "ne classe pas mieux")
    places = 2 if decimal(comparison.new) != decimal(comparison.bar) else 3
    figures = f"({decimal(comparison.new, places)} contre {decimal(comparison.bar, places)})"
    detail = (f"{territories} territoires laissés de côté tour à tour" if territories >= 2 else "un seul territoire")
    return (f"modèle {'gardé' if kept else 'écarté'} : {where}, il {how} que {rival} {figures} — "
            f"précision moyenne des acceptations dans le classement de chaque fiche, {detail}, "
            f"{comparison.fiches} fiche{'s' if comparison.fiches > 1 else ''} de contrôle")
