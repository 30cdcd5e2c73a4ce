"""Ranking metrics and label parsing of `vigie eval`, on hand-computed cases."""

from __future__ import annotations

import math

import pytest

from matcher.evaluation import (
    ineligible_share, ndcg_at, parse_grades, precision_at, recall_at, reciprocal_rank, score_system,
)

GRADES = {"a": 3, "b": 2, "c": 1}


@pytest.mark.parametrize(
    ("ranking", "expected"),
    [
        (["a", "b", "c"], 1.0),
        (["x", "y"], 0.0),
        (["b", "a", "c"], (3 + 7 / math.log2(3) + 1 / 2) / (7 + 3 / math.log2(3) + 1 / 2)),
    ],
    ids=["ideal order", "nothing relevant", "best two swapped"],
)
def test_ndcg_rewards_graded_calls_near_the_top(ranking, expected):
    assert ndcg_at(ranking, GRADES) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("metric", "ranking", "expected"),
    [
        (lambda r: recall_at(r, GRADES, k=2), ["a", "x", "b"], 0.5),
        (lambda r: recall_at(r, GRADES, k=20), ["x", "c", "b", "a"], 1.0),
        (lambda r: precision_at(r, GRADES, k=5), ["a", "c", "b", "x", "y"], 0.4),
        (lambda r: reciprocal_rank(r, GRADES), ["x", "c", "b"], 1 / 3),
        (lambda r: reciprocal_rank(r, GRADES), ["x", "c"], 0.0),
    ],
    ids=["recall cut at k", "recall counts grade 2 and 3 only", "p@5 ignores grade 1", "mrr first grade 2",
         "mrr zero without relevant"],
)
def test_relevance_metrics_count_grades_of_two_and_more(metric, ranking, expected):
    assert metric(ranking) == pytest.approx(expected)


def test_ineligible_share_looks_at_the_first_ten_only():
    ranking = ["bad1", "ok1", "bad2", *[f"ok{i}" for i in range(2, 12)], "bad3"]
    assert ineligible_share(ranking, {f"ok{i}" for i in range(12)}) == pytest.approx(0.2)


def test_an_ineligible_call_brings_no_gain_even_with_a_high_grade():
    grades = {("f", "a"): 3, ("f", "b"): 2}
    scores = score_system("s", {"f": ["a", "b"]}, grades, {"f": {"b"}})
    assert scores.per_fiche["f"]["ndcg@10"] < 1.0
    filtered = score_system("s", {"f": ["a", "b"]}, grades, {"f": {"b"}}, filtered=True)
    assert filtered.per_fiche["f"]["ndcg@10"] == pytest.approx(1.0)


def test_fiches_without_relevant_eligible_call_are_not_judged():
    scores = score_system("s", {"f": ["a"], "g": ["a"]}, {("f", "a"): 3, ("g", "a"): 1}, {"f": {"a"}, "g": {"a"}})
    assert list(scores.per_fiche) == ["f"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"fiche_id": "F1", "source_id": "a", "grade": "x"}, "ligne 2 : note « x » invalide"),
        ({"fiche_id": "F1", "source_id": "a", "grade": "4"}, "une note de 0 à 3"),
        ({"fiche_id": "", "source_id": "a", "grade": "1"}, "fiche_id, source_id"),
    ],
    ids=["not a number", "out of range", "missing fiche"],
)
def test_bad_label_rows_are_named_by_line(row, message):
    with pytest.raises(ValueError, match=message):
        parse_grades([row])
