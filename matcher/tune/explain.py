"""The full computation of one (fiche, call) pair, read from the run that scored every pair.

Nothing is recomputed here: each number is read from the same arrays `vigie match` stores (signals, fusion,
reranker, ranks), so the explanation reproduces the stored score. Text evidence comes from the analysed
documents: where each profile term, exclusion and synonym stands in the call, as (before, match, after).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from models.config.schema import ProfileConfig
from models.display_evidence import evidence_lines
from models.records import Criterion

from matcher.affinity import contribution
from matcher.calibration import contributions
from matcher.documents import Document, Phrase, surface
from matcher.learning import Reranker, features, served_scores
from matcher.run import ScoredRun
from matcher.tune.attribution import SIGNAL_NAMES, expansions

CONTEXT_TOKENS = 8
MAX_SNIPPETS = 2
MAX_TERMS = 10


@dataclass(frozen=True)
class Snippet:
    """Where a phrase stands: text before, the matched words, text after, and the field's name."""

    field: str
    before: str
    match: str
    after: str


@dataclass(frozen=True)
class SignalPart:
    """One signal of the pair: value, weight in the fusion, rank among the fiche's calls by this signal."""

    name: str
    value: float
    weight: float
    rank: int
    active: bool


@dataclass(frozen=True)
class ProfileEvidence:
    """A profile term or exclusion looked for in the call."""

    profile_id: str
    term: str
    weight: float
    """Points it counts for the pair (shared terms in full, the call's other terms × the fiche's affinity)."""
    kind: str
    """terme commun (fiche et appel) | terme de l'appel | exclusion | exclusion neutralisée."""
    snippets: list[Snippet]


@dataclass(frozen=True)
class ProfileAffinity:
    """How much a profile attached to the fiche concerns it."""

    profile_id: str
    affinity: float
    named: bool
    """Named by the fiche or its porteur (affinity 1), rather than attached through the fiche's axe."""
    terms: list[str]
    """The profile's terms found in the fiche's own text."""


@dataclass
class Explanation:
    """Everything that makes one pair's score."""

    fiche_id: str
    source: str
    source_id: str
    title: str
    eligibility: list[Criterion]
    eligible: bool
    signals: list[SignalPart]
    fused: float
    score: float
    rank: int | None
    reranker: list[tuple[str, float, float]] = field(default_factory=list)
    """(feature, value, contribution to the logit) when a learnt reranker is in use."""
    intercept: float | None = None
    probability: float | None = None
    """The reranker's probability of acceptance."""
    bound: float = 0.0
    """β of a bounded reranker (matcher.learning.Reranker.bound): the score is `unlearnt` × (1 + β·(p − 0.5)),
    before the calls' exclusions; 0 when the probability is the score."""
    unlearnt: float = 0.0
    """The score without a model: the content score moved by other territories' decisions."""
    calibration: list[tuple[str, float, float]] = field(default_factory=list)
    """(input, value, contribution to the logit) of the calibration that made the fused score a probability
    (matcher.calibration); empty when it is off or a learnt reranker replaced the score."""
    calibration_intercept: float = 0.0
    neighbours: float = 0.0
    """What other territories decided on the call for similar fiches (matcher.neighbours), in [-1, 1]."""
    content: float = 0.0
    """The content score before the calls' exclusions, before a reranker or those decisions moved it."""
    decisions: list[str] = field(default_factory=list)
    """Those decisions in words (territories, never porteurs)."""
    profiles: list[ProfileEvidence] = field(default_factory=list)
    affinities: list[ProfileAffinity] = field(default_factory=list)
    synonyms: list[tuple[str, str, str, list[Snippet]]] = field(default_factory=list)
    """(which text: appel | fiche, synonym added, term found, where the term stands)."""
    terms: list[tuple[str, float]] = field(default_factory=list)
    """Shared terms (as the call writes them) and their BM25 contribution, best first."""
    call_exclusions: list[tuple[str, str]] = field(default_factory=list)
    """(subject, quote) of what the call excludes and the fiche is about."""
    exclusion_multiplier: float = 1.0
    """What the score was multiplied by after fusion (or reranking) for those exclusions."""
    facts: list[str] = field(default_factory=list)
    """The call's facts, each with the sentence it was read in (models/display_evidence.py)."""


def explain(run: ScoredRun, i: int, j: int, profiles: Mapping[str, ProfileConfig],
            reranker: Reranker | None = None) -> Explanation:
    """Decompose pair (i, j) of a run scored with `profiles`; `reranker` must be the one the run was reranked
    with (None when the fused score stands)."""
    fiche = run.pairs[i][0]
    call = run.calls[j]
    result = Explanation(
        fiche.id, call.source, call.source_id, call.title, run.grid.criteria(i, j), bool(run.eligible[i, j]),
        signal_parts(run, i, j), float(run.signals.fused(run.matching)[i, j]), float(run.scores[i, j]),
        run.rank_of(i, j),
    )
    if reranker is not None:
        row = features(run)[i, j]
        result.reranker, result.intercept = reranker_parts(reranker, row), reranker.intercept
        result.probability, result.bound = float(reranker.scores(row)), reranker.bound
        result.unlearnt = float(served_scores(row, None, run.matching.neighbour_boost))
    elif run.matching.calibration.enabled:
        result.calibration = contributions(run.calibration_features()[i, j], run.matching.calibration)
        result.calibration_intercept = run.matching.calibration.intercept
    result.neighbours, result.content = float(run.neighbours[i, j]), float(run.content[i, j])
    result.decisions = [r.evidence for r in run.decision_reasons.get((i, j), [])]
    result.profiles = profile_evidence(run, i, j, profiles)
    result.affinities = profile_affinities(run, i)
    result.synonyms = synonym_evidence(run.corpus.calls[j], "appel") + synonym_evidence(run.corpus.fiches[i], "fiche")
    shared = run.bm25.contributions(run.corpus.fiches[i].bag, j)
    best = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    result.terms = [(_written(run.corpus.calls[j], key), value) for key, value in best]
    result.call_exclusions = [(e.subject, e.quote) for e in run.exclusions.fired(i, j)]
    result.exclusion_multiplier = float(run.exclusions.multiplier[i, j])
    result.facts = evidence_lines(call)
    return result


def _written(doc: Document, key: str) -> str:
    """A shared lemma key as the call first writes it ("pompes" for "pomp")."""
    found = doc.occurrences(key, limit=1)
    return doc.token(*found[0]).text.lower() if found else key


def signal_parts(run: ScoredRun, i: int, j: int) -> list[SignalPart]:
    """Each signal's value, weight and rank within the fiche's row."""
    s, w = run.signals, run.matching.weights
    rows = {"lexical": (s.lexical, w.lexical, True), "profile": (s.profile, w.profile, bool(s.has_profile[i]))}
    if s.semantic is not None:
        rows["semantic"] = (s.semantic, w.semantic, True)
    parts = []
    for name, (array, weight, active) in rows.items():
        row = array[i]
        rank = int((row > row[j]).sum()) + 1
        parts.append(SignalPart(SIGNAL_NAMES[name], float(row[j]), float(weight), rank, active))
    return parts


def reranker_parts(reranker: Reranker, row: np.ndarray) -> list[tuple[str, float, float]]:
    """(feature, raw value, coefficient × standardised value) of the logistic regression."""
    row = reranker.own_columns(row)
    z = (row - np.asarray(reranker.means)) / np.asarray(reranker.scales)
    return [(name, float(v), float(c * zz)) for name, v, c, zz in zip(reranker.features, row, reranker.coefficients, z)]


def profile_evidence(run: ScoredRun, i: int, j: int, profiles: Mapping[str, ProfileConfig]) -> list[ProfileEvidence]:
    """Terms found and exclusions looked for in the call, for every profile attached to the fiche, with the points
    each counts for the pair (matcher.affinity)."""
    doc, phrases = run.corpus.calls[j], run.corpus.phrases
    found = []
    for part in run.profile_run.pair(i, j):
        pid = part.profile_id
        for term, weight in part.shared:
            found.append(ProfileEvidence(pid, term, weight, "terme commun", snippets(doc, phrases[term])))
        for term, weight in part.call_only:
            points = round(float(contribution(part.affinity, weight, 0.0)), 2)
            found.append(ProfileEvidence(pid, term, points, "terme de l'appel", snippets(doc, phrases[term])))
        for term in part.exclusions:
            points = round(part.exclusion_points, 2)
            found.append(ProfileEvidence(pid, term, points, "exclusion", snippets(doc, phrases[term])))
    return found + _negated_exclusions(run, i, j, profiles)


def profile_affinities(run: ScoredRun, i: int) -> list[ProfileAffinity]:
    """The fiche's affinity to each profile attached to it, and the terms that make it."""
    profile_run = run.profile_run
    return [ProfileAffinity(pid, profile_run.affinity(i, pid), pid in profile_run.named[i],
                            [t for t, _ in profile_run.fiches[pid][i].terms]) for pid in run.attached[i]]


def _negated_exclusions(run: ScoredRun, i: int, j: int, profiles: Mapping[str, ProfileConfig]
                        ) -> list[ProfileEvidence]:
    """Exclusion terms present in the call but negated ("hors agriculture"): shown so that nobody wonders."""
    doc, phrases = run.corpus.calls[j], run.corpus.phrases
    found = []
    for pid in run.attached[i]:
        fired = set(run.hits[pid][j].exclusions)
        for exclusion in profiles[pid].exclusions if pid in profiles else []:
            phrase = phrases.get(exclusion.term)
            if exclusion.term not in fired and phrase and doc.find(phrase):
                found.append(ProfileEvidence(pid, exclusion.term, 0.0, "exclusion neutralisée", snippets(doc, phrase)))
    return found


def synonym_evidence(doc: Document, label: str) -> list[tuple[str, str, str, list[Snippet]]]:
    """Synonyms a document gained, with where the term that brought each one stands."""
    found = []
    for text, origin in expansions(doc).items():
        origin_field = next(f.origin for f in doc.fields if f.name == "synonymes" and f.origin and f.origin.text == origin)
        found.append((label, text, origin, snippets(doc, origin_field, evidence_only=True)))
    return found


def snippets(doc: Document, phrase: Phrase | None, evidence_only: bool = False) -> list[Snippet]:
    """Up to `MAX_SNIPPETS` places where the phrase stands, with a few words around."""
    if phrase is None:
        return []
    places = [(f, p) for f, p in doc.find(phrase) if not evidence_only or doc.fields[f].name != "synonymes"]
    result = []
    for number, pos in places[:MAX_SNIPPETS]:
        fld = doc.fields[number]
        end = pos + len(phrase)
        name = f"synonyme de « {fld.origin.text} »" if fld.name == "synonymes" and fld.origin else fld.name
        result.append(Snippet(name, surface(fld.tokens[max(0, pos - CONTEXT_TOKENS):pos]),
                              surface(fld.tokens[pos:end]), surface(fld.tokens[end:end + CONTEXT_TOKENS])))
    return result
