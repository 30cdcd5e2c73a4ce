"""Learning from the chef de projet's reviews: a logistic regression over the signals and simple features.

    reviews = review_set(run, decisions)                    # matcher.learning_gate: accepted = 1, rejected = 0
    report = train(reviews, previous, min_reviews)          # matcher.learning_gate: kept only if it ranks better
    scores = ranked_scores(run, report.model if report.kept else previous, alpha)

scikit-learn fits; the model itself is a few numbers (feature names, means, scales, coefficients,
intercept, bound), stored as JSON — never pickled — and applied with numpy.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass

import numpy as np
from scipy import sparse

from matcher.neighbours import boost
from matcher.run import ScoredRun

FEATURES = ("lexical", "profile", "semantic", "deadline", "amount_fit", "beneficiary_exact", "territory_known",
            "title_overlap", "content", "neighbours")
"""deadline: days to the next close / 365, capped at 1 (1 when unknown or permanent); content: the score in use
without a model (fused signals, calibrated); neighbours: what other territories decided on the call for similar
fiches (matcher.neighbours), 0 when nobody elsewhere did."""
FEATURE_LABELS = {
    "lexical": "mots communs (BM25)", "profile": "profils de mots-clés", "semantic": "proximité de sens",
    "deadline": "délai avant la clôture", "amount_fit": "montant adapté au besoin",
    "beneficiary_exact": "bénéficiaire nommé par l'appel", "territory_known": "territoire de l'appel connu",
    "title_overlap": "mots de la fiche dans le titre de l'appel",
    "content": "score de contenu (signaux fusionnés)",
    "neighbours": "décisions d'autres territoires pour des fiches semblables",
}
"""What each feature means, in French, for the chef de projet."""
CONTENT, NEIGHBOURS = FEATURES.index("content"), FEATURES.index("neighbours")


@dataclass
class Reranker:
    """A logistic regression over standardised features."""

    features: list[str]
    means: list[float]
    scales: list[float]
    coefficients: list[float]
    intercept: float
    bound: float = 0.0
    """0: the probability is the score (models stored before bounded ones). β > 0: the probability p only
    adjusts the score in service without a model, within ±β/2 of it: score × (1 + β·(p − 0.5))."""

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """Probability of acceptance for each row (features in FEATURES order, or in `self.features` order),
        rounded to 4 decimals."""
        z = (self.own_columns(matrix) - np.asarray(self.means)) / np.asarray(self.scales)
        return np.round(1 / (1 + np.exp(-(z @ np.asarray(self.coefficients) + self.intercept))), 4)

    def own_columns(self, matrix: np.ndarray) -> np.ndarray:
        """The columns this model was trained on, from a matrix of every feature (FEATURES order): a model
        stored before a feature was added keeps scoring as it was trained."""
        if matrix.shape[-1] == len(FEATURES) and list(self.features) != list(FEATURES):
            return matrix[..., [FEATURES.index(name) for name in self.features]]
        return matrix

    def to_json(self) -> dict:
        """Plain numbers for the database."""
        return asdict(self)


def features(run: ScoredRun) -> np.ndarray:
    """Feature array of every pair: shape (fiches, calls, len(FEATURES))."""
    f, c = run.shape
    deadline = np.asarray([_deadline(run, j) for j in range(c)])
    ok = run.grid.verdicts_ok()
    amount, beneficiary, territory = (ok[k].astype(float) for k in ("montant", "beneficiaire", "territoire"))
    signals = run.signals
    semantic = signals.semantic if signals.semantic is not None else np.zeros((f, c))
    stacked = [signals.lexical, signals.profile * signals.has_profile[:, None], semantic,
               np.broadcast_to(deadline, (f, c)), amount, beneficiary, territory, title_overlap(run), run.content,
               run.neighbours]
    return np.stack(stacked, axis=-1)


def ranked_scores(run: ScoredRun, reranker: Reranker | None, alpha: float) -> np.ndarray:
    """What a run is ranked by (before the calls' exclusions, which `ScoredRun.rerank` applies): see
    `served_scores`; without a reranker, the content score moved by the neighbour signal."""
    if reranker is None:
        return boost(np.asarray(run.content, dtype=np.float64), run.neighbours, alpha)
    return served_scores(features(run), reranker, alpha)


def served_scores(matrix: np.ndarray, reranker: Reranker | None, alpha: float) -> np.ndarray:
    """Scores of pairs given their features (FEATURES order), before the calls' exclusions:
    - without a reranker: the content score moved by the neighbour signal (`neighbours.boost`), so that decisions
      of other territories count from the first match, before any model is learnt;
    - a bounded reranker (`Reranker.bound`): that score × (1 + β·(p − 0.5));
    - an unbounded one that learnt the neighbour signal: its probability; an older one: its probability moved by
      the signal."""
    unlearnt = boost(np.asarray(matrix[..., CONTENT], dtype=np.float64), matrix[..., NEIGHBOURS], alpha)
    if reranker is None:
        return unlearnt
    probability = reranker.scores(matrix)
    if reranker.bound:
        return np.round(unlearnt * (1.0 + reranker.bound * (probability - 0.5)), 4)
    if "neighbours" in reranker.features:
        return probability
    return boost(probability, matrix[..., NEIGHBOURS], alpha)


def _deadline(run: ScoredRun, j: int) -> float:
    call = run.calls[j]
    upcoming = [d for d in call.close_dates if d >= run.grid.as_of]
    return min(1.0, (upcoming[0] - run.grid.as_of).days / 365) if upcoming else 1.0


def title_overlap(run: ScoredRun) -> np.ndarray:
    """Share of each fiche's distinct content keys that the call's title holds."""
    vocabulary = run.bm25.vocabulary
    rows, cols = [], []
    for j, form in enumerate(run.corpus.calls.compact):
        found = sorted({vocabulary[k] for k in form.title_keys if k in vocabulary})
        rows.extend([j] * len(found))
        cols.extend(found)
    titles = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(run.shape[1], len(vocabulary)))
    bags = run.corpus.fiches.bags()
    queries = (run.bm25.query_matrix(bags) > 0).astype(float)
    sizes = np.maximum(np.asarray([len(bag) for bag in bags], dtype=float), 1.0)
    return np.asarray((queries @ titles.T).todense()) / sizes[:, None]


def review_examples(run: ScoredRun, decisions: Mapping[tuple[str, str, str], bool]
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[str, str, str]]]:
    """(features, labels, unlearnt scores, keys) of the reviewed pairs this run scored."""
    rows = {f.id: i for i, (f, _) in enumerate(run.pairs)}
    columns = {(o.source, o.source_id): j for j, o in enumerate(run.calls)}
    found = [(k, rows[k[0]], columns[k[1:]]) for k in sorted(decisions) if k[0] in rows and k[1:] in columns]
    array = features(run)
    x = np.asarray([array[i, j] for _, i, j in found]).reshape(len(found), len(FEATURES))
    y = np.asarray([decisions[k] for k, _, _ in found], dtype=int)
    base = np.asarray([run.scores[i, j] for _, i, j in found])
    return x, y, base, [k for k, _, _ in found]


BOUND = 0.5
"""β of a learnt model (`Reranker.bound`): it moves the score in service by at most ±25 %."""


def fit(x: np.ndarray, y: np.ndarray, bound: float = BOUND) -> Reranker:
    """Logistic regression on the standardised features other than the neighbour signal, used as a bounded
    adjustment of the score in service without a model (`served_scores`). Reviews are the top of each fiche's
    queue: a model fitted on them alone may rank the unreviewed bulk of a fiche's calls anyhow. Bounded, it can
    reorder calls whose scores are close, never lift a poorly scored call above a well scored one; and the
    neighbour signal moves the score as it does without a model, so where nobody elsewhere decided (signal 0,
    the cold start) the model ranks as if the signal did not exist."""
    from sklearn.linear_model import LogisticRegression  # imported here: only `vigie learn` needs it

    columns = [n for n, name in enumerate(FEATURES) if name != "neighbours"]
    x = x[:, columns]
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales = np.where(scales > 0, scales, 1.0)
    fitted = LogisticRegression(C=1.0, max_iter=1000).fit((x - means) / scales, y)
    return Reranker([FEATURES[n] for n in columns], means.tolist(), scales.tolist(), fitted.coef_[0].tolist(),
                    float(fitted.intercept_[0]), bound)


def average_precision(labels: np.ndarray, scores: np.ndarray) -> float:
    """Average precision of a ranking by score (ties broken pessimistically)."""
    order = np.lexsort((labels, -scores))
    hits = labels[order]
    if not hits.sum():
        return 0.0
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / hits.sum())


def describe(model: Reranker) -> list[str]:
    """Coefficients, strongest first, for the chef de projet."""
    pairs = sorted(zip(model.features, model.coefficients), key=lambda p: -abs(p[1]))
    return [f"{name} : {value:+.2f}" for name, value in pairs if not math.isnan(value)]


def labelled_coefficients(model: Reranker) -> list[tuple[str, float]]:
    """(French meaning, coefficient) of each feature, strongest first: what the web page shows."""
    pairs = sorted(zip(model.features, model.coefficients), key=lambda p: -abs(p[1]))
    return [(FEATURE_LABELS.get(name, name), value) for name, value in pairs if not math.isnan(value)]
