"""The COG reference data: 101 départements, their régions, and code containment."""

from __future__ import annotations

import pytest

from models import geo


def test_the_table_holds_all_101_departements_and_the_18_regions() -> None:
    assert len(geo.departements()) == 101
    assert len(geo.regions()) == 18
    assert geo.departements()["32"].region == "76"


@pytest.mark.parametrize(("code", "chain"), [
    ("COM-32208", ["COM-32208", "EPCI-243200391", "DEP-32", "REG-76", "PAYS-99100"]),
    ("COM-2A004", ["COM-2A004", "EPCI-242010056", "DEP-2A", "REG-94", "PAYS-99100"]),
    ("COM-97411", ["COM-97411", "EPCI-249740119", "DEP-974", "REG-04", "PAYS-99100"]),
    ("COM-32999", ["COM-32999", "DEP-32", "REG-76", "PAYS-99100"]),  # not in the table: its département still
    ("DEP-75", ["DEP-75", "REG-11", "PAYS-99100"]),
    ("REG-84", ["REG-84", "PAYS-99100"]),
], ids=["gers-commune", "corse-commune", "reunion-commune", "commune-outside-the-table", "paris", "region"])
def test_a_code_is_contained_in_its_ancestors(code: str, chain: list[str]) -> None:
    assert geo.ancestors(code) == chain


@pytest.mark.parametrize("code", ["DEP-99", "REG-12", "COM-99001", "EPCI-12", "FR-32", "dep-32"])
def test_unknown_or_malformed_codes_are_explained(code: str) -> None:
    assert geo.check_code(code)


@pytest.mark.parametrize(("coverage", "exclusions", "expected"), [
    (["REG-76"], [], True),
    (["PAYS-99100"], ["DEP-32"], False),
    (["REG-11"], [], False),
    ([], [], None),
], ids=["region-covers-commune", "exclusion-wins", "other-region", "unknown-coverage"])
def test_coverage_minus_exclusions(coverage: list[str], exclusions: list[str], expected: bool | None) -> None:
    assert geo.covers(coverage, exclusions, ["COM-32208", "DEP-32"]) is expected


def test_every_porteur_type_is_also_a_beneficiary() -> None:
    from models.vocab import Beneficiary, PorteurType

    assert {t.value for t in PorteurType} <= {b.value for b in Beneficiary}
