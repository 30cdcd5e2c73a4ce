"""What a re-match must rewrite: content fingerprints of calls, fiches and configuration, and drift checks.

Pure functions: the shell (`vigie.pipeline.match`) reads the previous fingerprints and stored pair states
from the database, the benchmark from the previous run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig
from models.records import OpportunityData

from matcher.run import Pair, ScoredRun

PairKey = tuple[str, str, str]
State = tuple[float, bool, int | None]
"""A stored pair: (score, eligible, rank)."""
CONFIG_KEY = ("config", "matching")


def fingerprints(matching: MatchingConfig, calls: Sequence[OpportunityData], pairs: Sequence[Pair],
                 profiles: Mapping[str, ProfileConfig], synonyms: SynonymsConfig, extra: str = ""
                 ) -> dict[tuple[str, str], str]:
    """Content digests of each call, each fiche (with its porteur) and the matching configuration (plus
    `extra`: the reranker in use)."""
    settings = matching.model_dump_json(exclude={"threshold", "top_n", "review_required"})
    listed = "".join(f"{k}={p.model_dump_json()}" for k, p in sorted(profiles.items()))
    digests = {CONFIG_KEY: _sha(settings + listed + synonyms.model_dump_json() + extra)}
    digests.update({("appel", f"{o.source}/{o.source_id}"): _sha(o.model_dump_json()) for o in calls})
    digests.update({("fiche", f.id): _sha(f.model_dump_json() + p.model_dump_json()) for f, p in pairs})
    return digests


def pairs_to_write(run: ScoredRun, candidates: list[tuple[int, int]], digests: Mapping[tuple[str, str], str],
                   previous: Mapping[tuple[str, str], str], states: Mapping[PairKey, State],
                   full: bool = False) -> list[tuple[int, int]]:
    """Candidate pairs to rewrite: changed call or fiche, changed configuration, or drifted state (eligibility
    changed, entered or left the top N, score moved by more than `rescore_tolerance`)."""
    if full or previous.get(CONFIG_KEY) != digests[CONFIG_KEY]:
        return candidates
    changed_calls = {j for j, o in enumerate(run.calls)
                     if previous.get(k := ("appel", f"{o.source}/{o.source_id}")) != digests[k]}
    changed_fiches = {i for i, (f, _) in enumerate(run.pairs) if previous.get(("fiche", f.id)) != digests[("fiche", f.id)]}
    top_n, tolerance = run.matching.top_n, run.matching.rescore_tolerance
    chosen = []
    for i, j in candidates:
        state = states.get(pair_key(run, i, j))
        if i in changed_fiches or j in changed_calls or state is None:
            chosen.append((i, j))
            continue
        score, eligible, rank = state
        new_rank = run.rank_of(i, j)
        in_top, was_top = new_rank is not None and new_rank <= top_n, rank is not None and rank <= top_n
        if eligible != bool(run.eligible[i, j]) or in_top != was_top or abs(score - run.scores[i, j]) > tolerance:
            chosen.append((i, j))
    return chosen


def stored_pairs(run: ScoredRun, states: Mapping[PairKey, State]) -> list[tuple[int, int]]:
    """(row, column) of the stored pairs that this run scored (stored pairs of closed calls are left alone)."""
    rows = {f.id: i for i, (f, _) in enumerate(run.pairs)}
    columns = {(o.source, o.source_id): j for j, o in enumerate(run.calls)}
    found = ((rows.get(f), columns.get((s, i))) for f, s, i in states)
    return [(i, j) for i, j in found if i is not None and j is not None]


def pair_key(run: ScoredRun, i: int, j: int) -> PairKey:
    """(fiche_id, source, source_id) of a pair."""
    call = run.calls[j]
    return run.pairs[i][0].id, call.source, call.source_id


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()
