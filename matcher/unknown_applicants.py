"""A call that does not say who may apply: its pairs count as far as such a porteur is likely to be admitted.

« Bénéficiaires non précisés » never excludes (an unknown fact is no reason to refuse), but a score is read as
the chance that the call is worth the porteur's time, and a call the porteur may not answer is worth nothing.
That chance is estimated, for each porteur, from the calls of the same run that do say who may apply: the
share of them that admit this porteur's type and size, smoothed (one admitted and one refused call added) so
that a run of few calls stays near one half (under ten, nothing is estimated). No label and no setting: the calls themselves tell how often an
EPCI, a PME or an association is among the applicants. The pair's reason says it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.records import Criterion, OpportunityData, Reason

from matcher.eligibility import OK

FEATURE = "beneficiaires_inconnus"
"""Feature name of the reason (the web page labels it)."""


MIN_STATED = 10
"""Below this many calls that say who may apply, no share is estimated: the pairs keep their score."""


@dataclass(frozen=True)
class UnknownApplicants:
    """The multiplier of every pair (rows: fiches, columns: calls) and each porteur's share of admitting calls."""

    multiplier: np.ndarray
    """1 where the call says who may apply; the porteur's share where it does not."""
    shares: np.ndarray
    """Per fiche row: the share of the run's calls stating their applicants that admit its porteur."""

    def reasons(self, i: int, j: int) -> list[Reason]:
        """The reason of a pair whose call does not say who may apply."""
        if self.multiplier[i, j] >= 1.0:
            return []
        share = float(self.shares[i])
        evidence = (f"L'appel ne dit pas qui peut déposer : {round(share * 100)} % des appels qui le disent sont "
                    f"ouverts à ce porteur")
        return [Reason(feature=FEATURE, weight=round(share - 1.0, 3), evidence=evidence)]


def unknown_applicants(calls: Sequence[OpportunityData], criteria: Sequence[Sequence[tuple[Criterion, Criterion]]],
                       porteur_of: np.ndarray) -> UnknownApplicants:
    """From each porteur's (beneficiary, territory) criteria on every call, the multiplier of every pair."""
    silent = np.asarray([not call.beneficiaries for call in calls], dtype=bool)
    if (~silent).sum() < MIN_STATED:
        silent = np.zeros(len(calls), dtype=bool)
    admitted = np.asarray([[who.verdict == OK for who, _ in row] for row in criteria], dtype=bool)
    admitted = admitted.reshape(len(criteria), len(calls))
    shares = ((admitted & ~silent).sum(axis=1) + 1.0) / ((~silent).sum() + 2.0)
    per_porteur = np.where(silent[None, :], shares[:, None], 1.0)
    return UnknownApplicants(per_porteur[porteur_of], shares[porteur_of])
