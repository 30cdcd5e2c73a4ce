"""Eligibility of every (fiche, call) pair as boolean arrays, with each criterion built once per distinct case.

Criteria depend on few values (porteur type and size, call beneficiaries, places, dates, amounts), so a
criterion is computed once per distinct combination and shared; the verdicts become numpy masks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from models.records import Criterion, FicheActionData, OpportunityData, PorteurData

from matcher.amount_fit import amount_key, amount_masks
from matcher.eligibility import (
    KO, OK, amount_criterion, beneficiary_criterion, calendar_criterion, territory_criterion,
)

Pair = tuple[FicheActionData, PorteurData]


class EligibilityGrid:
    """Criteria and the eligible mask (rows: fiches, columns: calls)."""

    def __init__(self, calls: Sequence[OpportunityData], pairs: Sequence[Pair], as_of: date, min_lead_days: int):
        self.calls = list(calls)
        self.pairs = list(pairs)
        self.as_of = as_of
        porteurs = list({p.id: p for _, p in pairs}.values())
        number = {p.id: n for n, p in enumerate(porteurs)}
        self.porteur_of = np.asarray([number[p.id] for _, p in pairs], dtype=np.int64)
        self.calendar = [calendar_criterion(o, as_of, min_lead_days) for o in self.calls]
        self._cases: dict[tuple, Criterion] = {}
        sides = [_call_side(o) for o in self.calls]
        firsts: dict[tuple, int] = {}  # each distinct call side and its first column, in column order
        for j, side in enumerate(sides):
            firsts.setdefault(side, j)
        rows = [self._porteur_row(p, sides, firsts) for p in porteurs]
        self.porteur_criteria = [row for row, _ in rows]
        porteur_ok = np.asarray([ok for _, ok in rows], dtype=bool).reshape(len(porteurs), len(self.calls))
        calendar_ok = np.asarray([c.verdict != KO for c in self.calendar], dtype=bool)
        self._amount_ko, self._amount_ok = amount_masks([f for f, _ in self.pairs], self.calls)
        self.mask = porteur_ok[self.porteur_of] & calendar_ok[None, :] & ~self._amount_ko

    def criteria(self, i: int, j: int) -> list[Criterion]:
        """The four criteria of one pair, in display order."""
        fiche = self.pairs[i][0]
        call = self.calls[j]
        key = amount_key(call, fiche)
        if key not in self._cases:
            self._cases[key] = amount_criterion(call, fiche)
        return [*self.porteur_criteria[self.porteur_of[i]][j], self.calendar[j], self._cases[key]]

    def verdicts_ok(self) -> dict[str, np.ndarray]:
        """Per criterion, whether each pair's verdict is ok (not ko, not inconnu): features for learning."""
        rows = self.porteur_criteria
        shape = (len(rows), len(self.calls))
        who = np.asarray([[b.verdict == OK for b, _ in row] for row in rows], dtype=bool).reshape(shape)
        where = np.asarray([[t.verdict == OK for _, t in row] for row in rows], dtype=bool).reshape(shape)
        return {"beneficiaire": who[self.porteur_of], "territoire": where[self.porteur_of], "montant": self._amount_ok}

    def _porteur_row(self, porteur: PorteurData, sides: list[tuple], firsts: dict[tuple, int]
                     ) -> tuple[list[tuple[Criterion, Criterion]], list[bool]]:
        """A porteur's (beneficiary, territory) criteria on every call and whether neither says ko: computed once
        per distinct call side (few: calls share their beneficiaries and places), then spread over the calls."""
        pairs = {side: self._porteur_pair(porteur, self.calls[j]) for side, j in firsts.items()}
        ok = {side: all(c.verdict != KO for c in pair) for side, pair in pairs.items()}
        return [pairs[side] for side in sides], [ok[side] for side in sides]

    def _porteur_pair(self, porteur: PorteurData, call: OpportunityData) -> tuple[Criterion, Criterion]:
        who = ("beneficiaire", porteur.type, porteur.taille, tuple(call.beneficiaries))
        if who not in self._cases:
            self._cases[who] = beneficiary_criterion(call, porteur)
        where = ("territoire", tuple(porteur.geo_codes), tuple(call.geo_codes), tuple(call.geo_exclusions),
                 call.geo_scope)
        if where not in self._cases:
            self._cases[where] = territory_criterion(call, porteur)
        return self._cases[who], self._cases[where]


def _call_side(call: OpportunityData) -> tuple:
    """What the beneficiary and territory criteria read of a call (the call's part of their keys)."""
    return tuple(call.beneficiaries), tuple(call.geo_codes), tuple(call.geo_exclusions), call.geo_scope
