"""Learning across territories on the development set: does hearing other territories help, does the learnt
model help, and does it keep the cold-start ranking?

    python benchmarks/cross_territory.py [--simple | --small] [--partage N]

The development set (tests/data/matching: 22 fiches of one territory, 122 calls, graded labels) is given two
sister territories that word the same projects differently: « jumeau » keeps each fiche's title and the first
sentence of its description, « cousin » its description under a bare title « Projet ». The labels of a fiche
hold for its sisters. `vigie.pipeline.evaluate_cross` then ranks the Gers fiches having heard only the two
sisters (their grades ≥ 2 accepted; ungraded calls among their first `top_n` rejected; grade 1 left out), and
the figures are those of `vigie eval` (nDCG@10, P@5, MRR, on the eligible set) for:
- content: the content score alone (what Vigie proposes when nobody decided anything);
- neighbours: the content score moved by the sisters' decisions (before any model is learnt);
- learned: what Vigie ranks by once it learnt from the sisters' decisions, by the product's rule: the model if
  the gate keeps it (matcher.learning_gate: each sister left out in turn), else `neighbours`;
- cold: the same with the neighbour signal at 0 — the ranking of calls nobody reviewed elsewhere, to compare
  with `content`;
- fitted: the model fitted on those decisions, used whether the gate kept it or not (what the gate guards against).
`--partage N`: another world, without sisters — the development fiches dealt among N territories (fiche k to
territory k mod N), each ranked having heard the others: territories that describe different projects, where
the other territories' decisions say less. Figures over every fiche. `--simple` uses the test analyzer (no spaCy,
no word vectors; `--small` is the same, the smoke check every benchmark takes). These are ranking figures, not
timings: the machine's load does not change them.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from statistics import fmean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEVSET = ROOT / "tests" / "data" / "matching"
AS_OF = date(2026, 11, 23)


def sisters(plan, grades):  # noqa: ANN001, ANN201 - PlanData and grades, imported late
    """The plan with two sister territories, and the labels extended to their fiches."""
    first = lambda text: re.split(r"(?<=[.!?])\s", text)[0]  # noqa: E731
    porteurs, fiches, extended = list(plan.porteurs), list(plan.fiches), dict(grades)
    for suffix, territory, change in (("b", "jumeau", lambda f: {"description": first(f.description)}),
                                      ("c", "cousin", lambda f: {"titre": "Projet"})):
        porteurs += [p.model_copy(update={"id": f"{p.id}-{suffix}", "territoire": territory}) for p in plan.porteurs]
        fiches += [f.model_copy(update={"id": f.id + suffix, "porteur_id": f"{f.porteur_id}-{suffix}", **change(f)})
                   for f in plan.fiches]
        extended.update({(f + suffix, c): g for (f, c), g in grades.items()})
    return plan.model_copy(update={"porteurs": porteurs, "fiches": fiches}), extended


def dealt(plan, grades, parts: int):  # noqa: ANN001, ANN201 - PlanData and grades, imported late
    """The plan with its fiches dealt among `parts` territories (one porteur per fiche), labels unchanged."""
    by_id = {p.id: p for p in plan.porteurs}
    porteurs, fiches = [], []
    for k, fiche in enumerate(plan.fiches):
        porteur = by_id[fiche.porteur_id].model_copy(update={"id": f"{fiche.porteur_id}-{fiche.id}",
                                                             "territoire": f"partie-{k % parts + 1}"})
        porteurs.append(porteur)
        fiches.append(fiche.model_copy(update={"porteur_id": porteur.id}))
    return plan.model_copy(update={"porteurs": porteurs, "fiches": fiches}), grades


def main() -> None:
    """Print the figures of each ranking for the Gers fiches (or every fiche with `--partage`)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--simple", "--small", action="store_true", help="test analyzer instead of spaCy")
    parser.add_argument("--partage", type=int, default=0, metavar="N", help="fiches dealt among N territories")
    args = parser.parse_args()
    from matcher import SimpleAnalyzer
    from matcher.evaluation import score_system
    from models.config import load_config
    from vigie.context import source_kinds
    from vigie.pipeline.evaluate import read_calls_csv, read_labels, read_plan_file
    from vigie.pipeline.evaluate_cross import cross_territory_rankings
    from vigie.pipeline.match import default_encoder

    config = load_config(ROOT / "config", source_kinds())
    world = (lambda p, g: dealt(p, g, args.partage)) if args.partage >= 2 else sisters
    plan, grades = world(read_plan_file(DEVSET / "plan.csv"), read_labels(DEVSET / "labels.csv"))
    engine = {"analyzer": SimpleAnalyzer()} if args.simple else {"encoder": default_encoder()}
    found = cross_territory_rankings(read_calls_csv(DEVSET / "calls.csv", AS_OF), plan, grades, config.profiles,
                                     config.synonyms, config.settings.matching, AS_OF, min_reviews=10, **engine)
    gers = {f.id for f in read_plan_file(DEVSET / "plan.csv").fiches}
    for name in ("content", "neighbours", "learned", "cold", "fitted"):
        ranked = {f: r for f, r in getattr(found, name).items() if f in gers}
        if not ranked:
            print(f"{name:11} (aucun modèle ajusté)")
            continue
        system = score_system(name, ranked, grades, found.eligible)
        figures = {m: round(fmean(v[m] for v in system.per_fiche.values()), 3) for m in ("ndcg@10", "p@5", "mrr")}
        print(f"{name:11} {figures} ({len(system.per_fiche)} fiches)")
    for territory, note in sorted(found.notes.items()):
        if args.partage >= 2 or territory == "gers-lomagne":
            print(f"{territory} : {note}")


if __name__ == "__main__":
    main()
