"""The threshold table of `vigie eval`: proposals, noise, precision and recall per candidate threshold."""

from __future__ import annotations

from models.records import MatchResult

from matcher.thresholds import threshold_table


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
