"""The learning gate: with reviews of several territories, a model goes into service only if it ranks each
territory it never saw better than the score in service; a learnt model only adjusts that score, within bounds."""

from __future__ import annotations

import re

import numpy as np

from matcher.learning import CONTENT, FEATURES, fit, served_scores
from matcher.learning_gate import FicheQueue, ranking_precision, train
from models.display import decimal
from tests.learning_world import one_territory, review_world

DEADLINE, TITLE = FEATURES.index("deadline"), FEATURES.index("title_overlap")


def distant_deadlines(x: np.ndarray) -> np.ndarray:
    """A chef de projet who accepts only calls closing far away, whatever their content."""
    return (x[:, DEADLINE] > 0.6).astype(int)


def best_two_by_content(x: np.ndarray) -> np.ndarray:
    """A chef de projet who accepts the two calls of best content score."""
    accepted = np.zeros(len(x), dtype=int)
    accepted[np.argsort(-x[:, CONTENT])[:2]] = 1
    return accepted


def title_words(x: np.ndarray) -> np.ndarray:
    """Every chef de projet accepts the calls whose title holds the fiche's words."""
    return (x[:, TITLE] > 0.5).astype(int)


def test_a_model_that_ranks_a_territory_it_never_saw_worse_is_refused_though_same_territory_controls_keep_it():
    reviews = review_world({"vosges": (12, distant_deadlines), "gers": (3, best_two_by_content)}, seed=1)
    # Control reviews drawn from the territories it trained on (one territory's rule) would keep it...
    assert train(one_territory(reviews), None, 20).kept
    # ...but left out in turn, each territory is ranked worse than by the score in service.
    report = train(reviews, None, 20)
    assert report.model is not None and not report.kept and report.held_out < report.previous
    expected = (f"modèle écarté : sur le territoire laissé de côté, il classe moins bien que le score en service "
                f"({decimal(report.held_out)} contre {decimal(report.previous)})")
    assert report.message.startswith(expected), report.message
    assert "2 territoires laissés de côté tour à tour, 15 fiches de contrôle" in report.message


def test_a_model_that_ranks_every_left_out_territory_better_is_kept():
    reviews = review_world({"vosges": (5, title_words), "gers": (5, title_words), "finistere": (4, title_words)})
    report = train(reviews, None, 20)
    assert report.kept and report.held_out > report.previous
    assert re.match(r"modèle gardé : sur le territoire laissé de côté, il classe mieux que le score en service "
                    r"\(0,\d\d contre 0,\d\d\)", report.message), report.message


def test_a_fiche_is_judged_on_its_whole_ranking_where_a_call_nobody_reviewed_above_an_acceptance_counts_against():
    x = np.zeros((3, len(FEATURES)))
    x[:, CONTENT] = [0.6, 0.5, 0.4]  # never reviewed, accepted, rejected
    queue = FicheQueue("gers", x, np.ones(3), np.asarray([-1, 1, 0]), ())
    assert ranking_precision(queue, np.ones(3, dtype=bool), None, 0.5) == 0.5
    assert ranking_precision(queue, np.asarray([False, True, True]), None, 0.5) == 1.0
    queue.multiplier[1] = 0.5  # the call's exclusions count as in production
    assert ranking_precision(queue, np.asarray([False, True, True]), None, 0.5) == 0.5


def test_a_learnt_model_never_lifts_a_poorly_scored_call_above_a_well_scored_one():
    reviews = review_world({"vosges": (6, title_words), "gers": (6, title_words)})
    model = fit(reviews.x, reviews.y)
    calls = np.tile(reviews.x.mean(axis=0), (2, 1))
    calls[:, CONTENT], calls[:, TITLE] = [0.5, 0.2], [0.0, 1.0]  # well scored without the words; poor with them
    probability = model.scores(calls)
    assert probability[1] > probability[0]  # the model alone would put the poor call first
    served = served_scores(calls, model, 0.5)
    assert served[0] > served[1] and 0.75 * 0.5 <= served[0] <= 1.25 * 0.5


def test_with_one_territory_a_quarter_of_the_reviews_is_the_control():
    reviews = one_territory(review_world({"vosges": (8, title_words)}))
    report = train(reviews, None, 20)
    assert report.kept and "sur les revues de contrôle (un quart des revues, choisi par empreinte)" in report.message
