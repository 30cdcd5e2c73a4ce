"""Vigie's matcher: pure functions from records to `MatchResult`s (no database, no clock).

    results = match(opportunities, fiches, porteurs, profiles, synonyms, matching, as_of)

Modules: analysis (spaCy / simple analyzers), documents and corpus (analysed records), synonyms,
eligibility and grid (criteria and masks), lexical (sparse BM25), profiles and affinity (a profile counts as far
as the fiche is about it), semantic (encoder slot),
engine (analyse once, score every pair with arrays), run (fused scores, ranks, results on demand),
reasons, incremental (what a re-match rewrites), learning (reranker from reviews), pipeline (`match`).
"""

from matcher.analysis import SimpleAnalyzer, SpacyAnalyzer, TextAnalyzer, Token, fold
from matcher.pipeline import match
from matcher.semantic import Encoder

__all__ = [
    "Encoder", "SimpleAnalyzer", "SpacyAnalyzer", "TextAnalyzer", "Token", "fold", "match",
]
