"""What chefs de projet of other territories decided on the same call for similar fiches (pure).

For a pair (fiche f, call c):

    signal(f, c) = tanh( Σ similarity(f, g) × (+1 accepted, −1 rejected) )

over the `k` fiches g most similar to f that have a decision on c, belong to another territory than f's,
and are at least `floor` similar to f. A fiche never hears its own territory's decisions, at scoring as at
training time: a reviewed pair's feature cannot repeat its own label. Decisions of a territory that does not
share them are dropped first (`shareable`).

Similarity is the cosine of TF-IDF vectors (scikit-learn) of the fiches' titles and descriptions, on the word
keys the web app's search uses (`models.french.search_key`: folded, singular, cut to a common stem, French
function words out). No language model: the same numbers come out of `vigie match`, `vigie learn`, the full
computation of one pair and an evaluation, whatever the analyzer, synonyms or profiles; and fiches are short
texts written by porteurs, for which shared word stems say enough.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from models.records import FicheActionData
from models.french import WORD, search_key

from matcher.corpus import is_pseudo


@dataclass(frozen=True)
class FicheText:
    """A fiche as the neighbour signal reads it."""

    id: str
    territory: str
    """Territory id of the fiche's porteur."""
    text: str
    """Title and description."""


@dataclass(frozen=True)
class Decision:
    """An accepted or rejected (fiche, call) pair."""

    fiche_id: str
    territory: str
    call: Hashable
    """The canonical call (one key for every source listing it)."""
    accepted: bool


@dataclass(frozen=True)
class Evidence:
    """Which similar fiches of other territories decided on the call: one territory id per fiche."""

    accepted: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    weights: tuple[float, float] = (0.0, 0.0)
    """Summed similarity of the accepting fiches, and of the rejecting ones."""


@dataclass
class Neighbours:
    """The signal of every (target fiche, call) pair in [-1, 1] and the evidence of the pairs it moves."""

    signal: np.ndarray
    evidence: dict[tuple[int, int], Evidence] = field(default_factory=dict)


def fiche_text(fiche: FicheActionData) -> str:
    """Title and description (a porteur's profile: its description only, never its name)."""
    if is_pseudo(fiche):
        return fiche.description
    return f"{fiche.titre}. {fiche.description}"


def shareable(decisions: Iterable[Decision], withheld: Iterable[str]) -> list[Decision]:
    """The decisions other territories may hear: those of territories that do not withhold theirs."""
    kept_back = set(withheld)
    return [d for d in decisions if d.territory not in kept_back]


def similarity(targets: Sequence[str], pool: Sequence[str]) -> np.ndarray:
    """Cosine of TF-IDF vectors (idf over `pool`): one row per target text, one column per pool text."""
    if not targets or not pool:
        return np.zeros((len(targets), len(pool)))
    vectoriser = vectoriser_class()(analyzer=_keys, sublinear_tf=True)
    try:
        vectors = vectoriser.fit(pool)
    except ValueError:  # no word at all in the pool
        return np.zeros((len(targets), len(pool)))
    return np.asarray((vectors.transform(targets) @ vectors.transform(pool).T).todense())


def vectoriser_class() -> type:
    """scikit-learn's TfidfVectorizer, imported on first use (about a second: only runs with decisions need it);
    a server imports it as it starts, so that its first page with a computation does not wait for it."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer


def _keys(text: str) -> list[str]:
    return [key for key in map(search_key, WORD.findall(text)) if key]


def neighbour_signal(targets: Sequence[FicheText], pool: Sequence[FicheText], calls: Sequence[Hashable],
                     decisions: Iterable[Decision], k: int, floor: float) -> Neighbours:
    """The signal of each target fiche (rows) for each call (columns). `pool`: every fiche whose decisions may
    count (its text is needed; decisions on fiches outside it are ignored); idf is computed over it."""
    signal = np.zeros((len(targets), len(calls)))
    by_call = _decisions_by_call(pool, decisions)
    if not by_call or not targets:
        return Neighbours(signal)
    sims = similarity([t.text for t in targets], [p.text for p in pool])
    territories = np.asarray([t.territory for t in targets], dtype=object)
    evidence: dict[tuple[int, int], Evidence] = {}
    for j, call in enumerate(calls):
        decided = by_call.get(call)
        if decided:
            _fill_column(j, decided, pool, sims, territories, k, floor, signal, evidence)
    return Neighbours(signal, evidence)


def _decisions_by_call(pool: Sequence[FicheText], decisions: Iterable[Decision]
                       ) -> dict[Hashable, list[tuple[int, bool]]]:
    """(pool index, accepted) of each decision, grouped by call; the last decision of a pair wins."""
    index = {f.id: n for n, f in enumerate(pool)}
    pairs = {(index[d.fiche_id], d.call): d.accepted for d in decisions if d.fiche_id in index}
    grouped: dict[Hashable, list[tuple[int, bool]]] = {}
    for (n, call), accepted in sorted(pairs.items(), key=lambda item: item[0][0]):
        grouped.setdefault(call, []).append((n, accepted))
    return grouped


def _fill_column(j: int, decided: list[tuple[int, bool]], pool: Sequence[FicheText], sims: np.ndarray,
                 territories: np.ndarray, k: int, floor: float, signal: np.ndarray,
                 evidence: dict[tuple[int, int], Evidence]) -> None:
    """Signal and evidence of every target for one call, from the decisions on it."""
    columns = np.asarray([n for n, _ in decided])
    signs = np.asarray([1.0 if accepted else -1.0 for _, accepted in decided])
    owners = np.asarray([pool[n].territory for n in columns], dtype=object)
    weights = sims[:, columns]
    usable = (weights >= floor) & (territories[:, None] != owners[None, :]) & (weights > 0)
    for i in np.flatnonzero(usable.any(axis=1)):
        chosen = np.flatnonzero(usable[i])
        chosen = chosen[np.argsort(-weights[i, chosen], kind="stable")][:k]
        signal[i, j] = float(np.tanh(weights[i, chosen] @ signs[chosen]))
        evidence[(int(i), j)] = _evidence(chosen, signs, owners, weights[i])


def _evidence(chosen: np.ndarray, signs: np.ndarray, owners: np.ndarray, weights: np.ndarray) -> Evidence:
    accepted = [n for n in chosen if signs[n] > 0]
    rejected = [n for n in chosen if signs[n] < 0]
    return Evidence(tuple(str(owners[n]) for n in accepted), tuple(str(owners[n]) for n in rejected),
                    (round(float(weights[accepted].sum()), 4), round(float(weights[rejected].sum()), 4)))


def boost(scores: np.ndarray, signal: np.ndarray, alpha: float) -> np.ndarray:
    """The content score moved by the signal, within [0, 1]: up by α·signal of the way to 1 when the signal is
    positive, down by α·|signal| of itself when negative (score × (1 + α·signal)); unchanged at 0."""
    up = scores + alpha * signal * (1.0 - scores)
    down = scores * (1.0 + alpha * signal)
    return np.round(np.where(signal >= 0, up, down), 4)
