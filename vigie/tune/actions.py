"""What `vigie tune` and the web page do: diff, apply, explain, try, lint — each one loads, runs, returns data."""

from __future__ import annotations

import getpass
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from matcher import corpus as c
from matcher.engine import MatchEngine
from matcher.profiles import ProfileScorer, attached_profiles, profile_strings
from matcher.tune.explain import Explanation, explain
from matcher.tune.lint import LintWarning, accepted_exclusions, static_warnings, unused_terms
from models.config import VigieConfig
from models.config.report import ProblemReport
from models.config.schema import ProfileConfig
from models.errors import ConfigError
from models.store import Store
from models.tables import Match
from vigie.pipeline.match import analysis_stash, default_engine
from vigie.pipeline.scoring import MatchingSetup, current_setup
from vigie.pipeline.shared_decisions import withheld_territories
from vigie.pipeline.tune_journal import tune_dir
from vigie.tune.bench import Bench, TuneDiff
from vigie.tune.reference import record_reference, resolve_setup


def engine_or_default(engine: MatchEngine | None) -> MatchEngine:
    """The process-wide engine of real runs unless a test passes its own."""
    return engine or default_engine()


def diff_against(config: VigieConfig, store: Store, as_of: date, against: str | None = None,
                 engine: MatchEngine | None = None) -> TuneDiff:
    """The current configuration against the applied reference (None), a folder or a git revision."""
    with tempfile.TemporaryDirectory(prefix="vigie-tune-") as scratch:
        reference = resolve_setup(config.directory, against, Path(scratch))
    bench = Bench(store, as_of, engine_or_default(engine), withheld=withheld_territories(config))
    return bench.diff(reference, current_setup(config))


def who_applies() -> str:
    """The person applying: $VIGIE_USER, else the system account."""
    return os.environ.get("VIGIE_USER") or getpass.getuser()


def apply_current(config: VigieConfig, store: Store, as_of: date, applied_by: str, at: datetime,
                  engine: MatchEngine | None = None) -> TuneDiff | None:
    """Record the current configuration as the reference, with the effect against the previous one (None for
    the first reference)."""
    effect: dict = {"premiere": True}
    result = None
    if (tune_dir(config.directory) / "reference" / "reference.json").exists():
        result = diff_against(config, store, as_of, None, engine)
        effect = {"counts": result.counts, "territoires": result.by_territory}
    record_reference(config.directory, applied_by, at, effect)
    return result


@dataclass
class PairExplanation:
    """The computation of a pair, and what the database holds for it."""

    explanation: Explanation
    stored: Match | None


def explain_pair(config: VigieConfig, store: Store, as_of: date, fiche_id: str, call_ref: str,
                 engine: MatchEngine | None = None) -> PairExplanation:
    """Score the fiche against today's calls with the current configuration, then decompose one pair.

    Only the fiche's row is scored: every number of a pair (BM25 over all the calls, normalisation by the
    fiche's best call, ranks, reranker features) depends on its row alone, so the scores are those of the whole
    grid `vigie match` stores. The texts come from the analyses `vigie match` kept on disk (analysis_stash):
    no language model to load when nothing changed since."""
    bench = Bench(store, as_of, engine_or_default(engine), analysis_stash(config), preload=False,
                  withheld=withheld_territories(config))
    i, j = bench.locate(fiche_id, call_ref)
    run = bench.run(current_setup(config), [bench.pairs[i]])
    porteur_id = bench.pairs[i][1].id
    stored = next((m for m in store.matches(porteur_id=porteur_id)
                   if m.fiche_id == fiche_id and m.opportunity_id == bench.opportunity_id(j)), None)
    return PairExplanation(explain(run, 0, j, config.profiles, bench.reranker), stored)


@dataclass
class TrialRow:
    """One call of a profile trial."""

    rank: int | None
    title: str
    source: str
    source_id: str
    eligible: bool
    before: float
    after: float
    terms: list[str]


def read_profile(path: Path) -> ProfileConfig:
    """A profile file that is not installed yet, validated like the installed ones."""
    report = ProblemReport(path.parent)
    profile = report.load(path, ProfileConfig)
    if profile is None:
        raise ConfigError(report.lines)
    return profile


def try_profile(config: VigieConfig, store: Store, as_of: date, path: Path, fiche_id: str, top: int,
                engine: MatchEngine | None = None) -> list[TrialRow]:
    """The fiche's best calls with the profile attached, and their score without it."""
    profile = read_profile(path)
    bench = Bench(store, as_of, engine_or_default(engine), withheld=withheld_territories(config))
    without, with_profile = bench.trial(current_setup(config), path.stem, profile, fiche_id)
    order = sorted(range(len(bench.calls)), key=lambda j: (not with_profile.eligible[0, j], -with_profile.scores[0, j]))
    rows = []
    for j in order[:top]:
        call, hits = bench.calls[j], with_profile.hits[path.stem][j]
        terms = [f"{t} (+{w:g})" for t, w in hits.terms] + [f"exclusion {t}" for t in hits.exclusions]
        rows.append(TrialRow(with_profile.rank_of(0, j), call.title, call.source, call.source_id,
                             bool(with_profile.eligible[0, j]), float(without.scores[0, j]),
                             float(with_profile.scores[0, j]), terms))
    return rows


def lint(config: VigieConfig, store: Store | None, engine: MatchEngine | None = None) -> list[LintWarning]:
    """Static warnings, plus, when a store with calls is given, terms that match no stored call and exclusions
    that fire on accepted calls."""
    warnings = static_warnings(config.profiles, config.synonyms, config.settings.matching)
    if store is None or not config.profiles:
        return warnings
    calls = [data for _, data in store.canonical_opportunities(include_closed=True)]
    if not calls:
        return warnings
    return warnings + data_warnings(config, store, calls, engine_or_default(engine))


def data_warnings(config: VigieConfig, store: Store, calls: list, engine: MatchEngine) -> list[LintWarning]:
    """Rules that look at the stored calls and the chef de projet's decisions."""
    profiles, setup = config.profiles, current_setup(config)
    corpus = c.build_corpus(engine.analyzer, [c.opportunity_fields(o) for o in calls], [], profile_strings(profiles),
                            setup.synonyms, c.stop_keys(setup.matching.stop_words))
    scorer = ProfileScorer(profiles, corpus.phrases)
    hits = {pid: [scorer.hits(pid, doc) for doc in corpus.calls] for pid in profiles}
    found = {pid: {t for h in rows for t, _ in h.terms} for pid, rows in hits.items()}
    return unused_terms(profiles, found, len(calls)) + accepted_exclusions(profiles, _fired_on_accepted(
        store, setup, calls, hits))


def _fired_on_accepted(store: Store, setup: MatchingSetup, calls: list, hits: dict) -> list[tuple[str, str, str, str]]:
    plan = store.plan()
    porteurs = {p.id: p for p in plan.porteurs}
    fiches = {f.id: f for f in plan.fiches}
    column = {(o.source, o.source_id): j for j, o in enumerate(calls)}
    fired = []
    for (fiche_id, source, source_id), accepted in store.review_decisions().items():
        j, fiche = column.get((source, source_id)), fiches.get(fiche_id)
        if not accepted or j is None or fiche is None or fiche.porteur_id not in porteurs:
            continue
        for pid in attached_profiles(fiche, porteurs[fiche.porteur_id], setup.profiles):
            fired += [(pid, term, fiche_id, calls[j].title) for term in hits[pid][j].exclusions]
    return fired
