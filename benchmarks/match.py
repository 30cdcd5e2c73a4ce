"""Matching speed as a user meets it, on synthetic data where every text is unique, with the shipped configuration
(config/: profiles, synonyms, settings), beside a TF-IDF anchor on the same texts, interleaved in one run.

    python benchmarks/match.py [--calls 5000] [--fiches 500] [--new 50] [--runs 3] [--small]

Texts: benchmarks/bench_texts.py (calls of 230 to 420 words, fiches of 70 to 170, no two equal: the analysis
is cached by content, so repeated texts would be analysed once). Each run, in this order, starts from a copy of
one prepared folder (the shipped configuration, a SQLite store holding the plan and the calls, nothing matched):
1. `vigie match` from the command line, cold: a new process (imports, configuration, spaCy), every text analysed
   (no analysis kept on disk yet), every pair scored, the results written, the table printed;
2. the anchor, in its own process: scikit-learn TF-IDF of the same texts, the sparse product fiches × calls and
   the 10 best calls of each fiche;
3. a crawl stores `--new` new calls, then `vigie match` again from the command line (a new process: analyses read
   back from disk, the new texts analysed, what changed written);
4. the anchor again, on every call (it has nothing to reuse);
5. the scheduler's path (`vigie schedule` keeps one process and its engine): in a child process, spaCy loaded,
   `match_stored` cold, the new calls stored, `match_stored` again.
Printed: for each step the median wall clock and peak RSS over the runs (each run's figure too), the ratio to
the anchor, and the load of the machine when the runs ended.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import Measure, figure, fresh_copy, machine, run_timed, vigie_command  # noqa: E402
from bench_texts import synthetic_calls, synthetic_plan  # noqa: E402
from models.records import OpportunityData, PlanData  # noqa: E402

AS_OF = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 6, tzinfo=UTC)
TOP = 10


def call_text(call: OpportunityData) -> str:
    """The words of a call the anchor reads (Vigie reads the same fields, and more facts)."""
    return "\n".join([call.title, call.summary, call.description])


def prepare(work: Path, calls: int, fiches: int, new: int) -> Path:
    """The folder every run copies (`work`/pristine: the shipped configuration in conf/, its store holding the plan
    and the calls); the anchor's texts in `work` (fiches.json, calls.json, calls-after.json with the new calls)."""
    from models.config import load_config
    from models.store import Store
    from vigie.context import source_kinds
    from vigie.defaults import copy_example_config

    conf = work / "pristine" / "conf"
    copy_example_config(conf)
    config = load_config(conf, source_kinds())
    plan_fiches, porteurs = synthetic_plan(fiches)
    store = Store.open(config.database_url)
    store.import_plan(PlanData(territories=config.plan.territories, porteurs=porteurs, fiches=plan_fiches), NOW)
    stored = synthetic_calls(calls)
    store.store_crawl("bench", stored, NOW, AS_OF, complete=True)
    store.close()
    after = stored + synthetic_calls(new, start=calls)
    (work / "fiches.json").write_text(json.dumps([f"{f.titre}\n{f.description}" for f in plan_fiches]), "utf-8")
    (work / "calls.json").write_text(json.dumps([call_text(c) for c in stored]), "utf-8")
    (work / "calls-after.json").write_text(json.dumps([call_text(c) for c in after]), "utf-8")
    return conf.parent


def add_new_calls(conf: Path, calls: int, new: int) -> None:
    """What a crawl finding `new` new calls stores (the calls numbered from `calls`)."""
    from models.config import load_config
    from models.store import Store
    from vigie.context import source_kinds

    store = Store.open(load_config(conf, source_kinds()).database_url)
    store.store_crawl("bench", synthetic_calls(new, start=calls), NOW, AS_OF, complete=False)
    store.close()


def run_anchor(fiches_file: str, calls_file: str) -> None:
    """Child process: TF-IDF (fitted on the calls), fiches × calls by a sparse product, the TOP best calls of each
    fiche; prints the seconds of that computation (the process's wall clock is measured by the parent)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    fiches = json.loads(Path(fiches_file).read_text("utf-8"))
    calls = json.loads(Path(calls_file).read_text("utf-8"))
    clock = Stages()
    vectorizer = TfidfVectorizer(sublinear_tf=True)
    call_vectors = vectorizer.fit_transform(calls)
    scores = (vectorizer.transform(fiches) @ call_vectors.T).toarray()
    best = np.argpartition(-scores, min(TOP, scores.shape[1] - 1), axis=1)[:, :TOP]
    order = np.take_along_axis(scores, best, axis=1).argsort(axis=1)[:, ::-1]
    np.take_along_axis(best, order, axis=1)
    clock.lap("compute")
    print(json.dumps(clock.laps))


def run_scheduler(conf: str, calls: int, new: int) -> None:
    """Child process: what the scheduler's process does, one engine for its life: spaCy loaded, a cold
    `match_stored`, a crawl storing new calls, `match_stored` again; prints the seconds of each step."""
    from matcher.analysis import load_french
    from models.config import load_config
    from models.store import Store
    from vigie.context import source_kinds
    from vigie.pipeline.clock import fix_today
    from vigie.pipeline.match import default_engine, match_stored

    fix_today(AS_OF)
    config = load_config(Path(conf), source_kinds())
    store = Store.open(config.database_url)
    clock = Stages()
    default_engine()
    load_french()
    clock.lap("model")
    kept = len(match_stored(config, store, AS_OF))
    clock.lap("cold")
    store.store_crawl("bench", synthetic_calls(new, start=calls), NOW, AS_OF, complete=False)
    clock.lap("crawl")
    match_stored(config, store, AS_OF)
    clock.lap("rematch")
    print(json.dumps({**clock.laps, "kept": kept}))


class Stages:
    """Wall clock and CPU seconds of successive steps of one process."""

    def __init__(self) -> None:
        self.laps: dict[str, list[float]] = {}
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        """The step `name` ends now."""
        wall, cpu = time.perf_counter(), time.process_time()
        self.laps[name] = [wall - self._wall, cpu - self._cpu]
        self._wall, self._cpu = wall, cpu


def one_run(work: Path, pristine: Path, args: argparse.Namespace, env: dict[str, str]) -> dict[str, Measure]:
    """Steps 1 to 5 of the module's docstring, in that order."""
    me = [sys.executable, __file__]
    anchor = me + ["--anchor", str(work / "fiches.json")]
    found = {}
    conf = fresh_copy(pristine, work / "run") / "conf"
    found["cold"] = run_timed(vigie_command() + ["--config", str(conf), "match"], env)
    found["anchor"] = _with_compute(run_timed(anchor + [str(work / "calls.json")]))
    add_new_calls(conf, args.calls, args.new)
    found["rematch"] = run_timed(vigie_command() + ["--config", str(conf), "match"], env)
    found["anchor-after"] = _with_compute(run_timed(anchor + [str(work / "calls-after.json")]))
    conf = fresh_copy(pristine, work / "run") / "conf"
    scheduler = run_timed(me + ["--scheduler", str(conf), "--calls", str(args.calls), "--new", str(args.new)], env)
    steps = json.loads(scheduler.output)
    found["scheduler"] = scheduler
    for step in ("model", "cold", "rematch"):
        wall, cpu = steps[step]
        found[f"scheduler-{step}"] = Measure(wall, scheduler.load, cpu=cpu, extra={"kept": steps["kept"]})
    return found


def _with_compute(measure: Measure) -> Measure:
    """The anchor's process, its computation alone in `extra`."""
    return replace(measure, extra=json.loads(measure.output))


def retained(output: str) -> str:
    """« N paires retenues » as `vigie match` printed it."""
    found = re.search(r"sur (\d+) paires retenues", output)
    return found.group(1) if found else "?"


def main() -> None:
    """Prepare the folder, run the steps `--runs` times, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--fiches", type=int, default=500)
    parser.add_argument("--new", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--small", action="store_true",
                        help="essai rapide : 200 appels × 20 fiches, 10 nouveaux, 1 essai")
    parser.add_argument("--anchor", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anchor:
        return run_anchor(*args.anchor)
    if args.scheduler:
        return run_scheduler(args.scheduler, args.calls, args.new)
    if args.small:
        args.calls, args.fiches, args.new, args.runs = 200, 20, 10, 1
    print(f"machine : {machine()}")
    with tempfile.TemporaryDirectory(prefix="vigie-bench-match-") as folder:
        work = Path(folder)
        pristine = prepare(work, args.calls, args.fiches, args.new)
        env = {**os.environ, "VIGIE_AS_OF": AS_OF.isoformat()}
        runs = [one_run(work, pristine, args, env) for _ in range(args.runs)]
    report(runs, args)


def report(runs: list[dict[str, Measure]], args: argparse.Namespace) -> None:
    """The figures, medians over the runs, each with the load."""
    steps = {key: [r[key] for r in runs] for key in runs[0]}
    anchor_compute = [Measure(*m.extra["compute"][:1], m.load, cpu=m.extra["compute"][1]) for m in steps["anchor"]]
    pairs = f"{args.calls * args.fiches:,}".replace(",", " ")
    print(f"{args.calls} appels × {args.fiches} fiches ({pairs} paires), configuration livrée, textes tous "
          f"différents ; {args.runs} essai(s), Vigie et référence en alternance")
    print(figure("référence TF-IDF (scikit-learn, produit creux, 10 meilleurs), processus entier", steps["anchor"]))
    print(figure("référence TF-IDF, calcul seul", anchor_compute))
    print(figure("vigie match en ligne de commande, à froid", steps["cold"], steps["anchor"])
          + f" ; {retained(steps['cold'][0].output)} paires retenues")
    print(figure(f"référence TF-IDF après {args.new} nouveaux appels, processus entier", steps["anchor-after"]))
    print(figure(f"vigie match en ligne de commande après {args.new} nouveaux appels", steps["rematch"],
                 steps["anchor-after"]))
    print(figure("planificateur (un processus) : chargement de spaCy", steps["scheduler-model"]))
    print(figure("planificateur : appariement à froid (match_stored)", steps["scheduler-cold"], anchor_compute))
    print(figure(f"planificateur : réappariement après {args.new} nouveaux appels, même processus",
                 steps["scheduler-rematch"], anchor_compute))
    print(figure("planificateur : processus entier (les deux appariements)", steps["scheduler"]))


if __name__ == "__main__":
    main()
