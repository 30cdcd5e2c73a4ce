"""Places below the département: a commune or an intercommunality named by a source is coded from the
published tables, a commune sits in its intercommunality, and a porteur known by its intercommunality is
concerned by a call for one of its communes."""

from __future__ import annotations

import pytest

from crawlers.spiders.at_shapes import perimeter_codes
from matcher.labels import place_label
from models import communes, display, geo


@pytest.mark.parametrize(("written", "code"), [
    ("Figeac", "46102"),                      # one commune bears the name
    ("FIGEAC", "46102"),
    ("Mâcon", "71270"),
    ("Beaumont", None),                       # eight Beaumont, none ten times more populous than the others
    ("Beaumont (63)", "63032"),               # the département settles it
    ("Beaumont (74031)", "74031"),            # so does the INSEE code
    ("Saint-Denis", None),                    # La Réunion and Seine-Saint-Denis: comparable
    ("Saint-Denis (93)", "93066"),
    ("Valence", "26362"),                     # Drôme: more than ten times every other Valence
    ("Ville imaginaire", None),
])
def test_a_commune_name_designates_one_commune_or_none(written: str, code: str | None) -> None:
    assert communes.commune_named(written) == code


@pytest.mark.parametrize(("written", "siren"), [
    ("CC Grand-Figeac", "200067361"),
    ("Communauté de communes Grand-Figeac", "200067361"),
    ("communauté de communes grand figeac", "200067361"),
    ("CU Le Creusot Montceau-les-Mines", "247100290"),
    ("Communauté urbaine Le Creusot Montceau-les-Mines", "247100290"),
    ("CC de la Lomagne Gersoise", "243200391"),
    ("Lomagne", None),                        # a part of several names is none of them
    ("Communauté de communes imaginaire", None),
])
def test_an_intercommunality_name_designates_its_siren(written: str, siren: str | None) -> None:
    assert communes.epci_named(written) == siren


def test_a_commune_sits_in_its_intercommunality_its_departement_and_its_region() -> None:
    assert geo.ancestors("COM-71306") == ["COM-71306", "EPCI-247100290", "DEP-71", "REG-27", geo.FRANCE]


def test_an_intercommunality_sits_in_the_departement_of_its_communes() -> None:
    # Grand-Figeac gathers communes of the Lot and of the Aveyron
    assert geo.ancestors("EPCI-200067361") == ["EPCI-200067361", "DEP-12", "DEP-46", "REG-76", geo.FRANCE]
    assert geo.ancestors("EPCI-247100290") == ["EPCI-247100290", "DEP-71", "REG-27", geo.FRANCE]
    assert geo.ancestors("EPCI-999999999") == ["EPCI-999999999", geo.FRANCE]  # unknown: only the country


@pytest.mark.parametrize(("coverage", "porteur", "verdict"), [
    (["EPCI-247100290"], ["COM-71306"], True),       # a company of Montceau for a call of its urban community
    (["EPCI-247100290"], ["COM-71270"], False),      # one of Mâcon: elsewhere
    (["COM-71153"], ["EPCI-247100290"], True),       # the community for a call of one of its communes
    (["COM-71270"], ["EPCI-247100290"], False),      # not for a commune outside it
    (["COM-71153"], ["COM-71306"], False),           # a neighbouring commune is not the commune
    (["DEP-46"], ["EPCI-200067361"], True),          # an intercommunality known by its SIREN alone
    (["REG-27"], ["EPCI-200067361"], False),
])
def test_coverage_below_the_departement(coverage: list[str], porteur: list[str], verdict: bool) -> None:
    assert geo.covers(coverage, [], porteur) is verdict


def test_a_commune_left_out_leaves_out_a_porteur_placed_in_it() -> None:
    assert geo.covers(["DEP-71"], ["COM-71306"], ["COM-71306"]) is False
    assert geo.covers(["DEP-71"], ["EPCI-247100290"], ["COM-71306"]) is False


@pytest.mark.parametrize(("perimeter", "scale", "codes"), [
    ("Figeac", "Commune", ["COM-46102"]),
    ("Beaumont", "Commune", []),                      # unknown rather than a guess
    ("CC Grand-Figeac", "EPCI", ["EPCI-200067361"]),
    ("Communauté urbaine Le Creusot Montceau-les-Mines", "epci", ["EPCI-247100290"]),
    ("Vallée imaginaire", "Ad-hoc", []),
])
def test_an_aides_territoires_perimeter_below_the_departement(perimeter: str, scale: str, codes: list[str]) -> None:
    assert perimeter_codes(perimeter, scale) == codes


def test_places_are_shown_by_their_names() -> None:
    assert display.place_name("COM-46102") == "Figeac (Lot)"
    assert display.place_name("EPCI-247100290") == "CU Le Creusot Montceau-les-Mines"
    assert place_label("EPCI-200067361") == "CC Grand-Figeac"
    assert display.place_name("COM-46999") == "commune 46999 (Lot)"  # missing from the tables: still no bare code
