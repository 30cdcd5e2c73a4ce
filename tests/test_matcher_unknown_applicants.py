"""A call silent on who may apply counts as far as the porteur is likely to be admitted."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.eligibility import beneficiary_criterion, territory_criterion
from matcher.unknown_applicants import unknown_applicants
from models.records import OpportunityData, PorteurData


def call(n: int, beneficiaries: list[str]) -> OpportunityData:
    return OpportunityData(source="s", source_id=str(n), url=f"https://example.org/{n}", title=f"Appel {n}",
                           beneficiaries=beneficiaries)


EPCI = PorteurData(id="epci", nom="CC", type="epci", territoire="t", geo_codes=["DEP-32"])
PME = PorteurData(id="pme", nom="PME", type="entreprise", taille="pme", territoire="t", geo_codes=["DEP-32"])


def effect(calls: list[OpportunityData], porteurs: list[PorteurData]):
    criteria = [[(beneficiary_criterion(c, p), territory_criterion(c, p)) for c in calls] for p in porteurs]
    return unknown_applicants(calls, criteria, np.arange(len(porteurs)))


def test_a_silent_call_weighs_the_share_of_stating_calls_open_to_the_porteur() -> None:
    stating = [call(n, ["epci"] if n < 3 else ["pme"]) for n in range(12)]  # 3 for EPCI, 9 for PME
    silent = call(99, [])
    found = effect([*stating, silent], [EPCI, PME])
    assert found.multiplier[0, -1] == pytest.approx((3 + 1) / (12 + 2))
    assert found.multiplier[1, -1] == pytest.approx((9 + 1) / (12 + 2))
    assert (found.multiplier[:, :-1] == 1).all()
    reason = found.reasons(0, 12)[0]
    assert reason.feature == "beneficiaires_inconnus"
    assert reason.evidence == "L'appel ne dit pas qui peut déposer : 29 % des appels qui le disent sont ouverts à ce porteur"
    assert found.reasons(0, 0) == []


def test_too_few_stating_calls_estimate_nothing() -> None:
    found = effect([call(1, ["epci"]), call(2, [])], [EPCI])
    assert (found.multiplier == 1).all() and found.reasons(0, 1) == []
