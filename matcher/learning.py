"""Learning from the chef de projet's reviews: a logistic regression over the signals and simple features.

    examples = review_examples(run, decisions)               # accepted = 1, rejected = 0
    report = train(examples, previous, min_reviews)          # kept only if it beats `previous` on held-out reviews
    scores = report.model.scores(features(run)) if report.kept else run.scores

scikit-learn fits; the model itself is a few numbers (feature names, means, scales, coefficients,
intercept), stored as JSON — never pickled — and applied with numpy.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy import sparse

from matcher.run import ScoredRun

FEATURES = ("lexical", "profile", "semantic", "deadline", "amount_fit", "beneficiary_exact", "territory_known",
            "title_overlap")
"""deadline: days to the next close / 365, capped at 1 (1 when unknown or permanent)."""
FEATURE_LABELS = {
    "lexical": "mots communs (BM25)", "profile": "profils de mots-clés", "semantic": "proximité de sens",
    "deadline": "délai avant la clôture", "amount_fit": "montant adapté au besoin",
    "beneficiary_exact": "bénéficiaire nommé par l'appel", "territory_known": "territoire de l'appel connu",
    "title_overlap": "mots de la fiche dans le titre de l'appel",
}
"""What each feature means, in French, for the chef de projet."""
HELD_OUT_SHARE = 0.25


@dataclass
class Reranker:
    """A logistic regression over standardised features."""

    features: list[str]
    means: list[float]
    scales: list[float]
    coefficients: list[float]
    intercept: float

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """Probability of acceptance for each row (features in `self.features` order), rounded to 4 decimals."""
        z = (matrix - np.asarray(self.means)) / np.asarray(self.scales)
        return np.round(1 / (1 + np.exp(-(z @ np.asarray(self.coefficients) + self.intercept))), 4)

    def to_json(self) -> dict:
        """Plain numbers for the database."""
        return asdict(self)


@dataclass
class TrainingReport:
    """What training found: the new model, its held-out score and the one it had to beat."""

    model: Reranker | None
    reviews: int
    held_out: float
    """Average precision of the new model on the held-out reviews."""
    previous: float
    """Average precision, on the same reviews, of the previous model (or of the unlearnt score)."""
    kept: bool
    message: str


def features(run: ScoredRun) -> np.ndarray:
    """Feature array of every pair: shape (fiches, calls, len(FEATURES))."""
    f, c = run.shape
    deadline = np.asarray([_deadline(run, j) for j in range(c)])
    ok = run.grid.verdicts_ok()
    amount, beneficiary, territory = (ok[k].astype(float) for k in ("montant", "beneficiaire", "territoire"))
    signals = run.signals
    semantic = signals.semantic if signals.semantic is not None else np.zeros((f, c))
    stacked = [signals.lexical, signals.profile * signals.has_profile[:, None], semantic,
               np.broadcast_to(deadline, (f, c)), amount, beneficiary, territory, title_overlap(run)]
    return np.stack(stacked, axis=-1)


def _deadline(run: ScoredRun, j: int) -> float:
    call = run.calls[j]
    upcoming = [d for d in call.close_dates if d >= run.grid.as_of]
    return min(1.0, (upcoming[0] - run.grid.as_of).days / 365) if upcoming else 1.0


def title_overlap(run: ScoredRun) -> np.ndarray:
    """Share of each fiche's distinct content keys that the call's title holds."""
    vocabulary = run.bm25.vocabulary
    rows, cols = [], []
    for j, doc in enumerate(run.corpus.calls):
        keys = {t.key for fld in doc.fields if fld.name == "title" for t in fld.tokens if doc.is_content(t)}
        found = sorted({vocabulary[k] for k in keys if k in vocabulary})
        rows.extend([j] * len(found))
        cols.extend(found)
    titles = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(run.shape[1], len(vocabulary)))
    queries = (run.bm25.query_matrix([d.bag for d in run.corpus.fiches]) > 0).astype(float)
    sizes = np.maximum(np.asarray([len(d.bag) for d in run.corpus.fiches], dtype=float), 1.0)
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


def train(x: np.ndarray, y: np.ndarray, base: np.ndarray, keys: Sequence[tuple[str, str, str]],
          previous: Reranker | None, min_reviews: int) -> TrainingReport:
    """Fit on ~75 % of the reviews (chosen by a hash of each pair: stable from one run to the next), judge on
    the rest by average precision; keep only if better than the previous model (or the unlearnt score)."""
    if len(y) < min_reviews:
        return TrainingReport(None, len(y), 0.0, 0.0, False,
                              f"pas assez de revues pour apprendre : {len(y)} sur {min_reviews} nécessaires")
    held = np.asarray([_held_out(k) for k in keys])
    if len(set(y[~held])) < 2 or len(set(y[held])) < 2:
        return TrainingReport(None, len(y), 0.0, 0.0, False,
                              "il faut des acceptations et des rejets, à l'apprentissage comme au contrôle")
    from sklearn.linear_model import LogisticRegression  # imported here: only this command needs it

    means, scales = x[~held].mean(axis=0), x[~held].std(axis=0)
    scales = np.where(scales > 0, scales, 1.0)
    fitted = LogisticRegression(C=1.0, max_iter=1000).fit((x[~held] - means) / scales, y[~held])
    model = Reranker(list(FEATURES), means.tolist(), scales.tolist(), fitted.coef_[0].tolist(),
                     float(fitted.intercept_[0]))
    new = average_precision(y[held], model.scores(x[held]))
    old = average_precision(y[held], previous.scores(x[held]) if previous else base[held])
    kept = new > old
    verdict = "gardé" if kept else "écarté"
    message = f"modèle {verdict} : précision moyenne {new:.3f} contre {old:.3f} sur {int(held.sum())} revues de contrôle"
    return TrainingReport(model, len(y), new, old, kept, message)


def _held_out(key: tuple[str, str, str]) -> bool:
    digest = hashlib.sha1("\x1f".join(key).encode()).digest()
    return digest[0] < 256 * HELD_OUT_SHARE


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
