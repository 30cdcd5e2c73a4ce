"""The matching engine: analyse each text once, then score every pair with array operations.

    engine = MatchEngine(analyzer, encoder)          # keeps its caches from one run to the next
    run = engine.score(calls, pairs, profiles, synonyms, matching, as_of)
    results = run.results(run.kept())                 # or run.results() for every pair

Caches: the analyzer remembers the tokens of each text (by SHA-1) and the lemma of each word form, the
encoder (`CachedEncoder`) the vector of each chunk, and profile hits are kept per (profile, call or fiche text):
a re-match after a few new calls only analyses the new texts; the arrays are recomputed whole (fast).

Scoring reads the compact form of each document (matcher.corpus) and the profile hits; with a stash
(`stashed`) both are read from disk and kept there, so that a new process builds full documents only for the
new records and for the pairs whose reasons it writes (the tokens of those are read from the stash too, even
once the block has ended).
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from functools import cache
from importlib import resources
from typing import TypeVar

import numpy as np

from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig
from models.records import FicheActionData, OpportunityData

from matcher import corpus as c
from matcher.affinity import ProfileRun
from matcher.analysis import SpacyAnalyzer, TextAnalyzer, Token
from matcher.call_exclusion_effect import exclusion_effect
from matcher.grid import EligibilityGrid
from matcher.lexical import Bm25
from matcher.profiles import (
    SATURATION, ProfileHits, ProfileScorer, attached_profiles, named_profiles, profile_strings,
)
from matcher.run import Pair, ScoredRun, Signals
from matcher.semantic import CachedEncoder, Encoder, compared, encoded_documents
from matcher.stash import AnalysisStash, code_digest, namespace
from matcher.thesaurus import load_thesaurus

logger = logging.getLogger(__name__)
T = TypeVar("T")


class CachedAnalyzer:
    """Wraps an analyzer: each distinct text is analysed once (key: SHA-1 of the text); with a `stash` (see
    MatchEngine.stashed), texts are looked up on disk before being analysed, and the ones used are kept there."""

    def __init__(self, inner: TextAnalyzer) -> None:
        self.inner = inner
        self.cache: dict[bytes, list[Token]] = {}
        self.stash: AnalysisStash | None = None

    def analyze(self, text: str) -> list[Token]:
        """Tokens of one text."""
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[list[Token]]:
        """Tokens of each text, analysing only the ones not seen yet."""
        keys = [hashlib.sha1(t.encode()).digest() for t in texts]
        missing = {k: t for k, t in zip(keys, texts) if k not in self.cache}
        if missing and self.stash is not None:
            self.cache.update(self.stash.tokens(missing))
            missing = {k: t for k, t in missing.items() if k not in self.cache}
        if missing:
            self.cache.update(zip(missing, self.inner.analyze_many(list(missing.values()))))
        if self.stash is not None:
            self.stash.keep_tokens({k: self.cache[k] for k in keys})
        return [self.cache[k] for k in keys]

    def pinned(self) -> PinnedAnalyzer:
        """This analyzer reading from its current stash even after the `stashed` block ended (documents built
        when their reasons are: their tokens are on disk)."""
        return PinnedAnalyzer(self, self.stash)


class PinnedAnalyzer:
    """A CachedAnalyzer bound to a stash (see CachedAnalyzer.pinned)."""

    def __init__(self, analyzer: CachedAnalyzer, stash: AnalysisStash | None) -> None:
        self.analyzer, self.stash = analyzer, stash

    def analyze(self, text: str) -> list[Token]:
        """Tokens of one text."""
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[list[Token]]:
        """Tokens of each text: from memory, else from the stash, else analysed."""
        if self.stash is None or self.analyzer.stash is not None:
            return self.analyzer.analyze_many(texts)
        self.analyzer.stash = self.stash
        try:
            return self.analyzer.analyze_many(texts)
        finally:
            self.analyzer.stash = None


PRODUCT_CODE = ("matcher.analysis", "models.french", "matcher.documents", "matcher.corpus", "matcher.synonyms",
                "matcher.thesaurus", "matcher.call_exclusions", "matcher.call_exclusion_words", "matcher.profiles")
"""The modules whose code computes what the stash keeps as products (compact documents, profile hits)."""


@cache
def _products_code() -> str:
    return code_digest(PRODUCT_CODE)


@cache
def _thesaurus_data() -> bytes:
    """What the shipped thesaurus holds (its concepts, as read by load_thesaurus)."""
    return hashlib.sha1(resources.files("models").joinpath("data/thesaurus/concepts.csv").read_bytes()).digest()


class MatchEngine:
    """Scores calls against fiches; reuse one engine across runs to reuse its caches."""

    def __init__(self, analyzer: TextAnalyzer | None = None, encoder: Encoder | None = None) -> None:
        self.analyzer = CachedAnalyzer(analyzer or SpacyAnalyzer())
        self.encoder = encoder
        self._hits: dict[tuple[str, bytes, bytes], ProfileHits] = {}
        self._context = b""
        self._documents: dict[bytes, c.Document] = {}
        self._compacts: dict[bytes, c.CompactDocument] = {}
        self._calls_side: dict[str, tuple[bytes, object]] = {}
        """What is computed from the calls alone (their BM25 index, their encoded chunks), by kind: the last one,
        with the digest of what it was computed from; the next block of fiches on the same calls reuses it."""

    @contextmanager
    def stashed(self, stash: AnalysisStash | None) -> Iterator[None]:
        """Within the block, texts missing from memory are read from `stash` before being analysed, and every
        text analysed or encoded is kept in it (written when the block ends). None: nothing changes."""
        if stash is None:
            yield
            return
        stash.tokens_ns = namespace(self.analyzer.inner)
        stash.products_ns = f"{stash.tokens_ns}/{_products_code()}"
        encoder = self.encoder if isinstance(self.encoder, CachedEncoder) else None
        if encoder is not None:
            stash.vectors_ns = namespace(encoder.inner)
        self.analyzer.stash = stash
        if encoder is not None:
            encoder.stash = stash
        try:
            yield
        finally:
            # Texts met in an earlier run of this engine are served from memory (documents, vectors) without
            # asking the analyzer: keep them too, so a long-lived process's file stays whole and fresh.
            stash.keep_tokens(self.analyzer.cache)
            self.analyzer.stash = None
            if encoder is not None:
                stash.keep_vectors(encoder.cache)
                encoder.stash = None
            stash.flush()
            stash.close()

    def score(self, opportunities: Sequence[OpportunityData], pairs: Sequence[Pair],
              profiles: Mapping[str, ProfileConfig], synonyms: SynonymsConfig, matching: MatchingConfig,
              as_of: date) -> ScoredRun:
        """Every signal of every pair, the eligibility grid and the fused scores."""
        calls, pairs = list(opportunities), list(pairs)
        context = _digest(synonyms.model_dump_json(), f"thesaurus={matching.thesaurus}", *matching.stop_words,
                          _thesaurus_data() if matching.thesaurus else b"")  # what documents depend on
        if context != self._context:
            self._context, self._documents, self._compacts = context, {}, {}
        call_specs, fiche_specs = [c.opportunity_fields(o) for o in calls], [c.fiche_fields(f) for f, _ in pairs]
        compacts = self._known_compacts([c.record_key(s) for s in [*call_specs, *fiche_specs]])
        corpus = c.build_corpus(
            self.analyzer.pinned(), call_specs, fiche_specs, profile_strings(profiles), synonyms,
            c.stop_keys(matching.stop_words), self._documents, load_thesaurus() if matching.thesaurus else None,
            compacts,
        )
        self._compacts = compacts
        self._keep_compacts(corpus, [*call_specs, *fiche_specs])
        bm25 = self._of_calls("bm25", _digest(context, *corpus.calls.keys), lambda: Bm25(corpus.calls.bags()))
        lexical = bm25.normalised(corpus.fiches.bags())
        hits, profile, has_profile = self._profiles(calls, pairs, profiles, corpus, context)
        semantic = self._semantic(pairs, calls, matching.semantic_floor)
        grid = EligibilityGrid(calls, pairs, as_of, matching.min_lead_days)
        signals = Signals(lexical, profile, has_profile, semantic)
        logger.info("appariement fiches=%d appels=%d paires=%d", len(pairs), len(calls), len(pairs) * len(calls))
        excluded = exclusion_effect(corpus, matching.call_exclusion_factor)
        return ScoredRun(calls, pairs, matching, corpus, bm25, grid, signals, hits, excluded)

    def _known_compacts(self, keys: list[bytes]) -> dict[bytes, c.CompactDocument]:
        """Compact documents of these records from memory, else from the stash."""
        known = {k: self._compacts[k] for k in keys if k in self._compacts}
        stored = self._stored({_digest(b"document", self._context, k): k for k in keys if k not in known},
                              c.CompactDocument.from_bytes)
        return known | stored

    def _keep_compacts(self, corpus: c.Corpus, specs: list[list[c.FieldText]]) -> None:
        """Keep this run's compact documents in the stash, and mark the tokens of their texts used."""
        stash = self.analyzer.stash
        if stash is None:
            return
        sides = (corpus.calls, corpus.fiches)
        stash.keep_products({_digest(b"document", self._context, k): form
                             for side in sides for k, form in zip(side.keys, side.compact)})
        stash.touch_tokens(hashlib.sha1(f.text.encode()).digest() for spec in specs for f in spec)

    def _stored(self, wanted: dict[bytes, bytes], read: Callable[[bytes], object]) -> dict:
        """{owner key: product} of the stash's products with these keys ({stash key: owner key})."""
        stash = self.analyzer.stash
        if stash is None or not wanted:
            return {}
        found = {}
        for key, data in stash.products(wanted).items():
            try:
                found[wanted[key]] = read(data)
            except (ValueError, TypeError, IndexError, zlib.error):  # computed again, and written anew
                stash.unreadable(key)
        return found

    def _profiles(self, calls: list[OpportunityData], pairs: list[Pair], profiles: Mapping[str, ProfileConfig],
                  corpus: c.Corpus, context: bytes) -> tuple[ProfileRun, np.ndarray, np.ndarray]:
        """Hits of each profile in each call and in each fiche (once per text, not per pair), and the profile
        signal: each attached profile counts as far as the fiche is about it (matcher.affinity)."""
        scorer = ProfileScorer(profiles, corpus.phrases)
        attached = [attached_profiles(f, p, profiles) for f, p in pairs]
        named = [frozenset(named_profiles(f, p, profiles)) for f, p in pairs]
        used = sorted({pid for ids in attached for pid in ids})
        call_keys, fiche_keys = [_call_hash(o) for o in calls], [_fiche_hash(f) for f, _ in pairs]
        in_calls: dict[str, list[ProfileHits]] = {}
        in_fiches: dict[str, list[ProfileHits]] = {}
        for pid in used:
            version = _digest(profiles[pid].model_dump_json(), context)
            in_calls[pid] = self._hits_of(scorer, pid, version, call_keys, corpus.calls)
            in_fiches[pid] = self._hits_of(scorer, pid, version, fiche_keys, corpus.fiches)
        floors = [{pid: profiles[pid].axe_affinity for pid in ids if f.axe and f.axe in profiles[pid].axes}
                  for (f, _), ids in zip(pairs, attached)]
        run = ProfileRun(in_calls, in_fiches, attached, named, floors)
        total = np.zeros((len(pairs), len(calls)))
        for pid in used:
            total += run.points(pid)
        total = np.maximum(total, 0.0)
        return run, total / (total + SATURATION), run.has_profile().reshape(len(pairs))

    def _hits_of(self, scorer: ProfileScorer, pid: str, version: bytes, texts: list[bytes],
                 docs: c.Documents) -> list[ProfileHits]:
        """Hits of one profile in each text: from memory, else from the stash, else looked for in its document."""
        keys = [(pid, version, text) for text in texts]
        stash_key = {key: _digest(b"hits", *key) for key in keys}
        missing = {stash_key[k]: k for k in keys if k not in self._hits}
        self._hits.update(self._stored(missing, ProfileHits.from_bytes))
        absent = [n for n, key in enumerate(keys) if key not in self._hits]
        docs.prepare(absent)
        for n in absent:
            self._hits[keys[n]] = scorer.hits(pid, docs[n])
        if self.analyzer.stash is not None:
            self.analyzer.stash.keep_products({stash_key[k]: self._hits[k] for k in keys})
        return [self._hits[k] for k in keys]

    def _of_calls(self, kind: str, key: bytes, compute: Callable[[], T]) -> T:
        """What `compute` gives from the calls, kept for the next run on the same calls (`key`)."""
        known = self._calls_side.get(kind)
        if known is None or known[0] != key:
            self._calls_side[kind] = known = (key, compute())
        return known[1]  # type: ignore[return-value]

    def _semantic(self, pairs: list[Pair], calls: list[OpportunityData], floor: float) -> np.ndarray | None:
        """Best-chunk cosines, rescaled so that unrelated texts (cosine ≤ floor) score 0."""
        if self.encoder is None:
            return None
        if not pairs or not calls:  # nothing to compare: nothing encoded
            return np.zeros((len(pairs), len(calls)))
        encoder = self.encoder
        queries = [". ".join(f.text for f in c.fiche_fields(fiche) if f.text) for fiche, _ in pairs]
        documents = [". ".join(f.text for f in c.opportunity_fields(o) if f.text) for o in calls]
        encoded = self._of_calls("semantic", _digest(*documents), lambda: encoded_documents(encoder, documents))
        cosines = compared(encoder, queries, encoded)
        return np.clip((cosines - floor) / (1 - floor), 0.0, 1.0)


def _call_hash(call: OpportunityData) -> bytes:
    return _digest(*(f.text for f in c.opportunity_fields(call)))


def _fiche_hash(fiche: FicheActionData) -> bytes:
    return _digest("fiche", *(f.text for f in c.fiche_fields(fiche)))


def _digest(*parts: str | bytes) -> bytes:
    """SHA-1 of parts joined by a separator that texts do not hold."""
    joined = b"\x1f".join(p if isinstance(p, bytes) else p.encode() for p in parts)
    return hashlib.sha1(joined).digest()
