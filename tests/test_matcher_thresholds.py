"""The threshold table of `vigie eval`: proposals, noise, precision and recall per candidate threshold."""

from __future__ import annotations

from models.records import MatchResult

from matcher.thresholds import lowest_threshold, threshold_table


def result(fiche: str, call: str, score: float, eligible: bool = True) -> MatchResult:
    return MatchResult(fiche_id=fiche, porteur_id="p", source="s", source_id=call, score=score, eligible=eligible)


RESULTS = [
    result("F1", "a", 0.9), result("F1", "b", 0.5), result("F1", "c", 0.25), result("F1", "z", 0.95, eligible=False),
    result("F2", "a", 0.3), result("F2", "d", 0.1),
]
GRADES = {("F1", "a"): 3, ("F1", "c"): 2, ("F2", "d"): 2, ("F1", "z"): 3}


def test_raising_the_threshold_trades_recall_for_precision() -> None:
    low, high = threshold_table(RESULTS, GRADES, top_n=10, thresholds=[0.2, 0.4])
    assert (low.per_fiche, low.off_topic_per_fiche) == (2.0, 1.0)  # F1: a b c ; F2: a
    assert (round(low.precision, 2), round(low.recall, 2)) == (0.5, round(2 / 3, 2))
    assert (high.per_fiche, high.precision, round(high.recall, 2)) == (1.0, 0.5, round(1 / 3, 2))


def test_ineligible_calls_are_never_proposed_nor_expected() -> None:
    (row,) = threshold_table(RESULTS, GRADES, top_n=10, thresholds=[0.0])
    assert row.per_fiche == 2.5 and row.recall == 1.0  # z (ineligible) is neither kept nor missed


def test_top_n_caps_the_proposals_of_each_fiche() -> None:
    (row,) = threshold_table(RESULTS, GRADES, top_n=1, thresholds=[0.0])
    assert row.per_fiche == 1.0 and row.precision == 0.5


def many_results() -> tuple[list[MatchResult], dict[tuple[str, str], int]]:
    """Ten fiches of thirty calls, scores spread over [0, 1], the best-scored calls more often relevant."""
    import random

    rng = random.Random(11)
    results, grades = [], {}
    for f in range(10):
        for c in range(30):
            score = rng.random()
            results.append(result(f"F{f}", f"c{c}", round(score, 4), eligible=rng.random() > 0.1))
            if rng.random() < score ** 2:
                grades[f"F{f}", f"c{c}"] = rng.choice([2, 3])
    return results, grades


def test_the_table_is_monotone_in_the_threshold() -> None:
    results, grades = many_results()
    rows = threshold_table(results, grades, top_n=10)
    assert [r.threshold for r in rows] == sorted(r.threshold for r in rows)
    for low, high in zip(rows, rows[1:]):
        assert high.per_fiche <= low.per_fiche and high.off_topic_per_fiche <= low.off_topic_per_fiche
        assert high.recall <= low.recall
    assert rows[0].per_fiche > rows[-1].per_fiche  # the thresholds really filter


def test_the_lowest_threshold_reaching_the_target_precision() -> None:
    results, grades = many_results()
    found = lowest_threshold(results, grades, top_n=30, precision=0.6)
    assert found is not None and found > 0.1
    below, at = threshold_table(results, grades, top_n=30, thresholds=[round(found - 0.01, 2), found])
    assert at.precision >= 0.6 > below.precision
    assert lowest_threshold(results, grades, top_n=30, precision=1.01) is None
