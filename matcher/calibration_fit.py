"""Fitting the calibration (matcher.calibration) on graded labels, and judging it on fiches it did not learn from.

    data = calibration_sample(run.calibration_features(), fiche_ids, call_ids, grades)
    report = calibration_report(data, protocol, matching.calibration, "notes.csv")
    report.fitted            # CalibrationConfig fitted on every label (what `--ecrire` writes)
    report.heldout           # probabilities of each labelled fiche, learnt without its fold

Every pair of a labelled fiche counts (a call no label names has grade 0). scikit-learn fits; the result is a
few numbers (CalibrationConfig), never a pickled model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss

from models.config.schema import CalibrationConfig

from matcher.calibration import FEATURES, calibrate
from matcher.evaluation import RELEVANT, Grades
from matcher.heldout import Protocol

BINS = 10


@dataclass(frozen=True)
class CalibrationSample:
    """The pairs of the labelled fiches: features and whether each call is relevant (grade ≥ 2)."""

    fiches: list[str]
    """Fiche id of each row."""
    rows: list[int]
    """Row of each labelled fiche in the run's arrays."""
    features: np.ndarray
    """(fiches, calls, len(FEATURES))."""
    relevant: np.ndarray
    """(fiches, calls) booleans."""


@dataclass(frozen=True)
class ReliabilityBin:
    """Pairs whose predicted probability falls in [low, high)."""

    low: float
    high: float
    pairs: int
    predicted: float
    """Mean predicted probability."""
    observed: float
    """Share of relevant pairs."""


@dataclass(frozen=True)
class CalibrationReport:
    """The calibration judged on held-out folds, and the one fitted on every label."""

    protocol: Protocol
    pairs: int
    relevant: int
    brier_fused: float
    """Brier score of the fused score read as a probability (no calibration)."""
    brier_configured: float
    """Brier score of the calibration in use (settings.toml): in-sample if it was fitted on these labels."""
    brier_heldout: float
    """Brier score of calibrations fitted without the fold of each fiche."""
    reliability: list[ReliabilityBin]
    """Of the held-out probabilities."""
    heldout: np.ndarray
    """(fiches, calls) held-out probabilities, rows as in the sample."""
    fitted: CalibrationConfig | None
    """Fitted on every label; None when the labels hold a single class."""


def calibration_sample(features: np.ndarray, fiche_ids: Sequence[str], call_ids: Sequence[str],
                       grades: Grades) -> CalibrationSample:
    """The rows of the labelled fiches, with their relevance."""
    labelled = {f for f, _ in grades}
    rows = [i for i, f in enumerate(fiche_ids) if f in labelled]
    fiches = [fiche_ids[i] for i in rows]
    relevant = np.asarray([[grades.get((f, c), 0) >= RELEVANT for c in call_ids] for f in fiches], dtype=bool)
    return CalibrationSample(fiches, rows, features[rows], relevant.reshape(len(rows), len(call_ids)))


def fit(x: np.ndarray, y: np.ndarray, fitted_on: str) -> CalibrationConfig | None:
    """Logistic regression of relevance on the features (rows of x in FEATURES order); None without both classes."""
    if len(set(y.tolist())) < 2:
        return None
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, model.coef_[0])}
    return CalibrationConfig(intercept=round(float(model.intercept_[0]), 4), fitted_on=fitted_on, **weights)


def cross_fitted(sample: CalibrationSample, protocol: Protocol) -> np.ndarray:
    """Probabilities of each fiche's pairs from a calibration fitted on the other folds only (the training share of
    relevant pairs when those folds hold a single class)."""
    k = len(FEATURES)
    out = np.zeros(sample.relevant.shape)
    for _, held in protocol.folds(sample.fiches):
        mask = np.asarray(held, dtype=bool)
        if not mask.any():
            continue
        x, y = sample.features[~mask].reshape(-1, k), sample.relevant[~mask].ravel().astype(int)
        fitted = fit(x, y, "") if len(y) else None
        out[mask] = calibrate(sample.features[mask], fitted) if fitted else (y.mean() if len(y) else 0.0)
    return out


def brier(relevant: np.ndarray, probabilities: np.ndarray) -> float:
    """Mean squared gap between probability and outcome (lower is better)."""
    return float(brier_score_loss(relevant.ravel().astype(int), np.clip(probabilities.ravel(), 0.0, 1.0)))


def reliability(relevant: np.ndarray, probabilities: np.ndarray, bins: int = BINS) -> list[ReliabilityBin]:
    """Predicted against observed, per tenth of probability (empty tenths left out)."""
    y, p = relevant.ravel().astype(float), np.clip(probabilities.ravel(), 0.0, 1.0)
    index = np.minimum((p * bins).astype(int), bins - 1)
    found = []
    for b in range(bins):
        chosen = index == b
        if chosen.any():
            found.append(ReliabilityBin(b / bins, (b + 1) / bins, int(chosen.sum()), float(p[chosen].mean()),
                                        float(y[chosen].mean())))
    return found


def calibration_report(sample: CalibrationSample, protocol: Protocol, configured: CalibrationConfig,
                       fitted_on: str) -> CalibrationReport:
    """Brier scores without calibration, with the configured one and held out; reliability; the full fit."""
    heldout = cross_fitted(sample, protocol)
    y = sample.relevant
    fitted = fit(sample.features.reshape(-1, len(FEATURES)), y.ravel().astype(int), fitted_on)
    return CalibrationReport(
        protocol, int(y.size), int(y.sum()), brier(y, sample.features[..., 0]),
        brier(y, calibrate(sample.features, configured)), brier(y, heldout), reliability(y, heldout), heldout, fitted,
    )
