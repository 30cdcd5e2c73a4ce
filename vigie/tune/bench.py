"""The test bench: the stored calls and plan scored under any matching setup, with the engine of `vigie match`.

Both sides of a diff, an explanation and a profile on trial load and score the stored calls by the very functions
`match_stored` uses (vigie.pipeline.scoring), so their scores are the stored ones.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from matcher.engine import MatchEngine
from matcher.run import ScoredRun
from matcher.stash import AnalysisStash
from matcher.tune.attribution import ConfigChange, config_changes, pair_reasons
from matcher.tune.diff import PairChange, Positions, changed_pairs, pair_changes, summary
from models.config.schema import ProfileConfig
from models.errors import VigieError
from models.records import OpportunityData
from models.store import Store
from models.callref import designates
from vigie.pipeline.scoring import MatchingSetup, load_inputs, score_inputs

logger = logging.getLogger(__name__)


@dataclass
class TuneDiff:
    """What changes between a reference setup and the current one."""

    reference: str
    current: str
    changes: list[PairChange]
    settings: list[ConfigChange]
    counts: dict[str, int]
    seconds: float
    pairs: int
    by_territory: dict[str, dict[str, int]] = field(default_factory=dict)
    load_seconds: float = 0.0
    """Time spent loading the language model before the comparison (0 once loaded in the process)."""

    @property
    def changed(self) -> bool:
        """Whether any pair enters, leaves or crosses a line."""
        return bool(self.changes)


class Bench:
    """The stored calls (as of a day) and fiches, ready to be scored under several setups."""

    def __init__(self, store: Store, as_of: date, engine: MatchEngine, stash: AnalysisStash | None = None,
                 preload: bool = True, withheld: Iterable[str] = ()) -> None:
        """`stash`: analysed texts kept on disk by `vigie match` (read before analysing anything); `preload`:
        load the language model now, so that a diff's timing leaves it out; `withheld`: territories that do not
        share their decisions."""
        self.store, self.as_of, self.engine, self.stash = store, as_of, engine, stash
        self.inputs = load_inputs(store, as_of, withheld)
        self.stored = self.inputs.stored
        self.calls: list[OpportunityData] = self.inputs.calls
        self.pairs = self.inputs.pairs
        self.territory_of = {p.id: p.territoire for _, p in self.pairs}
        self.reranker = self.inputs.reranker
        started = time.perf_counter()
        if preload:
            engine.analyzer.analyze("amorce")  # loads the language model once, outside the timed comparison
        self.load_seconds = time.perf_counter() - started

    def run(self, setup: MatchingSetup, pairs: list | None = None) -> ScoredRun:
        """Score every pair (or the given fiche pairs) under a setup, reranked like `vigie match`."""
        return score_inputs(self.engine, self.inputs, setup, pairs, self.stash)

    def diff(self, reference: MatchingSetup, current: MatchingSetup) -> TuneDiff:
        """Pairs that enter or leave a top N or cross the threshold, with the reason each one moved."""
        started = time.perf_counter()
        before, after = self.run(reference), self.run(current)
        settings = config_changes(reference.matching, current.matching)
        positions = (Positions.of(before), Positions.of(after))
        reasons = {(i, j): pair_reasons(before, after, i, j, settings, positions) for i, j in changed_pairs(before, after)}
        changes = pair_changes(before, after, reasons)
        seconds = time.perf_counter() - started
        logger.info("réglage diff paires=%d changements=%d secondes=%.2f", before.scores.size, len(changes), seconds)
        return TuneDiff(reference.label, current.label, changes, settings, summary(changes), seconds,
                        int(before.scores.size), self._by_territory(changes), self.load_seconds)

    def _by_territory(self, changes: list[PairChange]) -> dict[str, dict[str, int]]:
        grouped: dict[str, list[PairChange]] = {}
        for change in changes:
            grouped.setdefault(self.territory_of.get(change.porteur_id, ""), []).append(change)
        return {territory: summary(items) for territory, items in sorted(grouped.items())}

    def locate(self, fiche_id: str, call_ref: str) -> tuple[int, int]:
        """Row of a fiche and column of a call (`source_id` or `source:source_id`) among today's pairs."""
        rows = [i for i, (f, _) in enumerate(self.pairs) if f.id == fiche_id]
        if not rows:
            raise VigieError("explication impossible", f"fiche {fiche_id}", "fiche-action inconnue")
        columns = [j for j, o in enumerate(self.calls) if designates(call_ref, o.source, o.source_id)]
        if not columns:
            raise VigieError("explication impossible", f"appel {call_ref}",
                             f"aucun appel ouvert au {self.as_of:%d/%m/%Y} ne porte cet identifiant")
        if len(columns) > 1:
            names = ", ".join(f"{self.calls[j].source}:{self.calls[j].source_id}" for j in columns)
            raise VigieError("explication impossible", f"appel {call_ref}", f"identifiant ambigu, précisez : {names}")
        return rows[0], columns[0]

    def opportunity_id(self, j: int) -> int:
        """Stored id of the call in column j."""
        return self.stored[j][0]

    def trial(self, setup: MatchingSetup, profile_id: str, profile: ProfileConfig, fiche_id: str
              ) -> tuple[ScoredRun, ScoredRun]:
        """The fiche scored without, then with, a profile not installed yet (attached to the fiche)."""
        pair = next(((f, p) for f, p in self.pairs if f.id == fiche_id), None)
        if pair is None:
            raise VigieError("essai impossible", f"fiche {fiche_id}", "fiche-action inconnue")
        fiche, porteur = pair
        tried = fiche.model_copy(update={"profiles": [*fiche.profiles, profile_id]})
        with_profile = MatchingSetup(setup.matching, {**setup.profiles, profile_id: profile}, setup.synonyms,
                                     f"essai du profil {profile_id}")
        return self.run(setup, [pair]), self.run(with_profile, [(tried, porteur)])
