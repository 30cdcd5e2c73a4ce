"""A département whose own clause says it is left out (« … et sont exclues du dispositif »), or that follows a « Hors »
opening the sentence, leaves the coverage even without a place cue; one met in passing, or outside the coverage,
changes nothing. « s'applique à » is a place cue, and a list after « concerne » names places."""

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


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence that opens on « Hors » leaves out the départements right after it
    ("Hors Gironde, couverte par un fonds départemental.", without("DEP-33")),
    ("Hors Landes et Pyrénées-Atlantiques, qui ont leur propre appel.", without("DEP-40", "DEP-64")),
    ("Hors taxes, la dépense en Corrèze est plafonnée à 10 000 €.", None),  # « hors » says nothing of a place
    # « s'applique à » is a place cue; a list after « concerne » names where the call applies
    ("L'appel s'applique à toute la Nouvelle-Aquitaine, à l'exception de la Creuse, aidée par un autre programme.",
     without("DEP-23")),
    ("Il concerne la Charente, la Vienne et les Deux-Sèvres.", ["DEP-16", "DEP-86", "DEP-79"]),
])
def test_a_departement_left_out_or_listed_without_the_usual_cue(text: str, expected: list[str] | None) -> None:
    found = limited_coverage([fold(text)], ["REG-75"])
    assert (sorted(found[0]) if found else None) == (sorted(expected) if expected else None)
