"""Calibrated scores: the fused score, plus evidence that does not depend on the fiche's other calls, turned into
an estimated probability that the call is relevant to the fiche (grade ≥ 2).

The fused score is normalised per fiche (each fiche's best call has the highest lexical signal), so a fiche that
no call fits still gets calls near the top of the scale and a fixed threshold hardly filters. The share of the
fiche's distinct content words that the call holds is not normalised: it tells a fiche whose best call shares two
words from one whose best call shares twenty. A logistic regression over both (`CalibrationConfig`, a few
numbers in settings.toml, fitted by `vigie eval --calibrer`) gives a probability that a threshold can mean.

    features = calibration_features(fused, bm25, bags)    # (fiches, calls, len(FEATURES))
    scores = calibrate(features, matching.calibration)    # probabilities, rounded to 4 decimals
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from models.config.schema import CalibrationConfig

from matcher.lexical import Bm25

FEATURES = ("fused", "shared_words")
"""Calibration inputs, in the order of the feature arrays; each is a field of CalibrationConfig."""
FEATURE_LABELS = {"fused": "score fusionné", "shared_words": "part des mots de la fiche dans l'appel"}
"""What each input means, in French."""


def shared_words(bm25: Bm25, bags: Sequence[Mapping[str, float] | Iterable[str]]) -> np.ndarray:
    """Share of each fiche's distinct content keys that each call holds (rows: fiches, columns: calls)."""
    queries = (bm25.query_matrix(bags) > 0).astype(np.float64)
    present = (bm25.matrix > 0).astype(np.float64)
    counts = np.asarray((queries @ present.T).todense()) if bm25.count else np.zeros((len(bags), 0))
    sizes = np.maximum(np.asarray([len(b) for b in bags], dtype=np.float64), 1.0)
    return counts / sizes[:, None]


def calibration_features(fused: np.ndarray, bm25: Bm25, bags: Sequence[Mapping[str, float]]) -> np.ndarray:
    """Inputs of the calibration for every pair: shape (fiches, calls, len(FEATURES))."""
    return np.stack([np.asarray(fused, dtype=np.float64), shared_words(bm25, bags)], axis=-1)


def coefficients(calibration: CalibrationConfig) -> np.ndarray:
    """The coefficients in FEATURES order."""
    return np.asarray([getattr(calibration, name) for name in FEATURES], dtype=np.float64)


def logits(features: np.ndarray, calibration: CalibrationConfig) -> np.ndarray:
    """intercept + Σ coefficient × feature, for every pair."""
    return features @ coefficients(calibration) + calibration.intercept


def calibrate(features: np.ndarray, calibration: CalibrationConfig) -> np.ndarray:
    """Estimated probability of relevance of every pair, rounded to 4 decimals; the fused score itself (first
    feature) when the calibration is disabled. A pair with no evidence at all (fused score 0: no shared word, no
    profile term, no closeness of meaning) stays at 0: nothing could be shown to explain proposing it."""
    fused = np.asarray(features[..., 0], dtype=np.float64)
    if not calibration.enabled:
        return fused
    probability = np.round(1.0 / (1.0 + np.exp(-logits(features, calibration))), 4)
    return np.where(fused > 0, probability, 0.0)


def contributions(row: np.ndarray, calibration: CalibrationConfig) -> list[tuple[str, float, float]]:
    """(French name, value, contribution to the logit) of one pair's features: what `vigie tune explain` shows."""
    return [(FEATURE_LABELS[name], float(value), float(value * weight))
            for name, value, weight in zip(FEATURES, row, coefficients(calibration))]
