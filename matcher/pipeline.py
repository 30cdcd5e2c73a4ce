"""match(): every (fiche, call) pair gets eligibility criteria, a fused relevance score and reasons.

A thin wrapper over `MatchEngine.score`: fusion (`Signals.fused`) and ranks (`ScoredRun.ranks`) are the array code
of matcher.run, the same for `vigie match` and for callers of `match`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date

from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig
from models.errors import VigieError
from models.records import FicheActionData, MatchResult, OpportunityData, PorteurData

from matcher import corpus as c
from matcher.analysis import TextAnalyzer
from matcher.engine import MatchEngine
from matcher.run import Pair
from matcher.semantic import Encoder

logger = logging.getLogger(__name__)


def match(
    opportunities: Sequence[OpportunityData],
    fiches: Sequence[FicheActionData],
    porteurs: Mapping[str, PorteurData],
    profiles: Mapping[str, ProfileConfig],
    synonyms: SynonymsConfig,
    matching: MatchingConfig,
    as_of: date,
    analyzer: TextAnalyzer | None = None,
    encoder: Encoder | None = None,
) -> list[MatchResult]:
    """Score every (fiche, opportunity) pair; a porteur with no fiche is matched through a pseudo-fiche built
    from its description + mots_cles (fiche_id = f"{porteur.id}#profil"). Returns one MatchResult per pair,
    eligible or not, each with score (higher is better), eligibility criteria and reasons.

    Scores are relative to the calls given (BM25 idf and per-fiche normalisation): pass the whole
    current set of calls, not only the new ones. `encoder` fills the semantic slot (inactive when None).
    """
    engine = MatchEngine(analyzer, encoder)
    run = engine.score(opportunities, fiche_pairs(fiches, porteurs), profiles, synonyms, matching, as_of)
    return run.results()


def fiche_pairs(fiches: Sequence[FicheActionData], porteurs: Mapping[str, PorteurData]) -> list[Pair]:
    """Each fiche with its porteur, then a pseudo-fiche for every porteur that has none."""
    unknown = sorted({f.porteur_id for f in fiches if f.porteur_id not in porteurs})
    if unknown:
        raise VigieError("appariement impossible", "fiches-actions", f"porteur inconnu : {', '.join(unknown)}")
    pairs = [(f, porteurs[f.porteur_id]) for f in fiches]
    with_fiche = {f.porteur_id for f in fiches}
    pairs += [(c.pseudo_fiche(p), p) for pid, p in porteurs.items() if pid not in with_fiche]
    return pairs

