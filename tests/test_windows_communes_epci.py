"""A call's window stated with its year once (« Appel 2027 : du 11 janvier au 5 mars »), a call limited to communes
by name (« Ateliers situés à Thiers ou à Ambert »), and intercommunalities a call leaves out (« Hors Métropole de
Lyon »)."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.normalise.commune_limits import limited_to_communes
from crawlers.normalise.record import normalise_item
from crawlers.spiders.dispositif_aide_csv import map_dispositif_row
from crawlers.normalise.departement_limits import limited_coverage
from crawlers.normalise.epci_limits import epcis_left_out
from crawlers.normalise.releves import find_releves
from crawlers.normalise.sentences import split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Appel 2027 : du 11 janvier au 5 mars.", [date(2027, 3, 5)]),
    ("Campagne 2027 : du 1er février au 30 avril.", [date(2027, 4, 30)]),
    ("Appel à projets : du 3 mars 2027 au 30 juin 2027.", [date(2027, 6, 30)]),
    # the window's start is no deadline, nor is a year without a window
    ("Appel 2027 : ouverture le 11 janvier.", []),
    ("L'appel 2027 finance les fours. Webinaire le 14 janvier.", []),
])
def test_window_of_a_call(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


@pytest.mark.parametrize(("text", "coverage", "expected"), [
    ("Ateliers situés à Thiers ou à Ambert.", ["REG-84"], ["COM-63430", "COM-63003"]),
    ("Sont éligibles les entreprises implantées à Graulhet, à Mazamet et à Castres.", ["REG-76"],
     ["COM-81105", "COM-81163", "COM-81065"]),
    # a commune outside the coverage, a place that is no commune, a place left out: no limit
    ("Ateliers situés à Thiers ou à Ambert.", ["REG-11"], []),
    ("Les projets implantés à proximité d'un port sont prioritaires.", ["REG-93"], []),
    ("Les projets situés à Marseille ne sont pas retenus.", ["REG-93"], []),
    ("Sont éligibles les entreprises de la région, hors sites implantés à Marseille.", ["REG-93"], []),
])
def test_communes_a_call_is_limited_to(text: str, coverage: list[str], expected: list[str]) -> None:
    assert limited_to_communes(split_sentences(text), coverage) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Hors Métropole de Lyon, qui dispose de son propre programme.", ["EPCI-200046977"]),
    ("Hors territoire de Bordeaux Métropole, qui a son propre fonds.", ["EPCI-243300316"]),
    ("La Métropole Aix-Marseille-Provence, couverte par son propre plan, n'est pas éligible.", ["EPCI-200054807"]),
    # a name no EPCI bears, an EPCI that is not left out
    ("Sont éligibles les communes, hors agglomération.", []),
    ("La Métropole de Lyon cofinance les projets.", []),
])
def test_intercommunalities_left_out(text: str, expected: list[str]) -> None:
    assert epcis_left_out(split_sentences(text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Offre nationale, outre-mer compris.", (["PAYS-99100"], [])),
    ("Dispositif national. Dépôt en ligne.", (["PAYS-99100"], [])),
    # in passing, or naming its funder, it says nothing of the coverage
    ("Le dispositif national de garantie complète l'aide.", None),
    ("La Région complète l'offre nationale pour les PME.", None),
])
def test_national_offer_with_no_coverage(text: str, expected: tuple[list[str], list[str]] | None) -> None:
    assert limited_coverage(split_sentences(text), []) == expected


def _catalogue_record(description: str):  # noqa: ANN202 - OpportunityData
    header = ("id,titre,promesse,description,eligibilite,types_aides,porteurs,programmes_parents,url_source,cibles,"
              "eligibilite_geographique,eligibilite_geographique_exclusions,date_ouverture,date_cloture,"
              "date_mise_a_jour").split(",")
    row = dict.fromkeys(header, "") | {
        "id": "ateliers-couteliers", "titre": "Ateliers de coutellerie", "url_source": "https://example.org/aide",
        "cibles": "Entreprises", "eligibilite_geographique": "REG-84", "date_cloture": "2027-03-05",
        "eligibilite": "Bénéficiaires : couteliers de moins de 20 salariés.", "description": description,
    }
    return normalise_item(map_dispositif_row(row, "mte", 0), date(2026, 11, 23))


def test_a_call_limited_to_communes_says_where_it_read_them() -> None:
    record = _catalogue_record("Ateliers situés à Thiers ou à Ambert.")
    assert record.geo_codes == ["COM-63430", "COM-63003"]
    cited = {e.value: e.quote for e in record.evidence if e.fact == "territoire"}
    assert "Thiers ou à Ambert" in cited["COM-63430"]


def test_an_intercommunality_left_out_of_the_coverage() -> None:
    record = _catalogue_record("Hors Métropole de Lyon, qui a son propre fonds.")
    assert record.geo_codes == ["REG-84"]
    assert record.geo_exclusions == ["EPCI-200046977"]
    # outside the coverage, the same sentence leaves nothing out
    assert _catalogue_record("Ateliers situés à Thiers. Hors Métropole de Lyon.").geo_exclusions == []
