"""The benchmarks' synthetic inputs and figures: texts all different and of the length they claim, the load
printed beside each figure."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_common import Measure, figure  # noqa: E402
from bench_texts import synthetic_calls, synthetic_plan  # noqa: E402


def test_benchmark_calls_are_all_different_and_a_few_hundred_words_long() -> None:
    calls = synthetic_calls(400) + synthetic_calls(20, start=400)
    words = [len(f"{c.title} {c.summary} {c.description}".split()) for c in calls]
    assert len({c.description for c in calls}) == len({c.source_id for c in calls}) == 420
    assert min(words) >= 200 and max(words) <= 450


def test_benchmark_fiches_are_all_different_and_belong_to_the_plan_porteurs() -> None:
    fiches, porteurs = synthetic_plan(200)
    assert len({f.description for f in fiches}) == 200
    assert {f.porteur_id for f in fiches} <= {p.id for p in porteurs}


def test_benchmark_texts_are_the_same_from_one_run_to_the_next() -> None:
    assert synthetic_calls(5) == synthetic_calls(5)


def test_benchmark_figure_shows_the_median_each_run_and_the_load() -> None:
    line = figure("étape", [Measure(1.0, 0.5, 100.0), Measure(3.0, 2.25, 300.0), Measure(2.0, 1.0, 200.0)])
    assert line == f"étape : 2,00 s (médiane de 3 : 1,00 ; 3,00 ; 2,00), pic RSS 200 Mio — charge 0,50 à 2,25 / " \
                   f"{os.cpu_count()} cœurs"
