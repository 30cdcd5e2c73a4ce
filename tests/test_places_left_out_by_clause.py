"""A département whose own clause says it is left out (« … et sont exclues du dispositif ») leaves the coverage even
without a place cue; one met in passing, or outside the coverage, changes nothing."""

from __future__ import annotations

import pytest

from crawlers.normalise.departement_limits import limited_coverage
from crawlers.normalise.text import fold

NOUVELLE_AQUITAINE = ["DEP-16", "DEP-17", "DEP-19", "DEP-23", "DEP-24", "DEP-33", "DEP-40", "DEP-47", "DEP-64",
                      "DEP-79", "DEP-86", "DEP-87"]


def without(*codes: str) -> list[str]:
    return [c for c in NOUVELLE_AQUITAINE if c not in codes]


@pytest.mark.parametrize(("text", "expected"), [
    ("Les communes de la Gironde disposent d'un fonds propre et sont exclues de l'appel.", without("DEP-33")),
    ("Les entreprises des Landes, déjà aidées par le plan Adour, sont exclues.", without("DEP-40")),
    ("Les entreprises en difficulté sont exclues.", None),
    ("Un atelier de la Corrèze a inspiré le dispositif.", None),  # in passing: no limit
    ("Les projets du Gers sont exclus.", None),  # outside the coverage
])
def test_a_departement_left_out_by_its_clause(text: str, expected: list[str] | None) -> None:
    found = limited_coverage([fold(text)], ["REG-75"])
    assert (found[0] if found else None) == expected
