"""Where a call applies when its text says it in ways a field does not: cues of place (ciblé sur, concerne,
couvre, établis en), a whole country with no field, preferences that are no limits, a région left out after
« sauf l' », a river that shares a département's name, départements and a région named together."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from crawlers.items import RawItem
from crawlers.normalise import normalise_item

AS_OF = date(2026, 11, 23)


def item(**fields: Any) -> RawItem:
    base: dict[str, Any] = {"source": "test", "position": 1, "source_id": "x", "url": "https://ex.org/x",
                            "title": "Appel"}
    return RawItem(**{**base, **fields})


def coverage_of(text: str, codes: list[str], exclusions: list[str] | None = None) -> tuple[list[str], list[str]]:
    record = normalise_item(item(description=text, geo_codes=codes, geo_exclusions=exclusions or []), AS_OF)
    return sorted(record.geo_codes), sorted(record.geo_exclusions)


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Le programme est ciblé sur les Vosges et la Meuse.", ["REG-44"], (["DEP-55", "DEP-88"], [])),
        ("L'appel concerne le bassin Seine-Normandie, qui s'étend sur la Normandie et l'Île-de-France.", [],
         (["REG-11", "REG-28"], [])),
        ("Trois départements sont concernés : la Sarthe (Le Mans), la Mayenne (Laval) et l'Orne (Alençon).",
         ["PAYS-99100"], (["DEP-53", "DEP-61", "DEP-72"], [])),
        ("Le dispositif est ouvert dans les zones d'emploi industrielles de l'Occitanie.", [], (["REG-76"], [])),
        ("Les candidats doivent être établis en Corse, dans le Var ou dans les Bouches-du-Rhône.", [],
         (["DEP-13", "DEP-83", "REG-94"], [])),
        ("Le dispositif couvre toute la région, à l'exception de Paris.", ["REG-11"],
         (["DEP-77", "DEP-78", "DEP-91", "DEP-92", "DEP-93", "DEP-94", "DEP-95"], [])),
    ],
    ids=["cible-sur", "concerne-a-basin-spread-over-regions", "sont-concernes-with-towns", "ouvert-dans",
         "etablis-en", "couvre-but-paris"],
)
def test_cues_of_place_narrow_or_give_the_coverage(text: str, field: list[str],
                                                    expected: tuple[list[str], list[str]]) -> None:
    assert coverage_of(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le prix est ouvert aux ateliers de toute la France, en métropole comme en outre-mer.", (["PAYS-99100"], [])),
        ("L'appel est ouvert sur tout le territoire national, à l'exception de la Corse.",
         (["PAYS-99100"], ["REG-94"])),
    ],
    ids=["whole-country", "whole-country-but-one-region"],
)
def test_a_whole_country_sentence_gives_a_call_with_no_field_its_coverage(text: str,
                                                                           expected: tuple[list[str], list[str]]) -> None:
    assert coverage_of(text, []) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("L'appel est national. Une enveloppe spécifique est réservée aux projets situés en Occitanie.",
         ["PAYS-99100"], (["PAYS-99100"], [])),
        ("Le dispositif est ouvert dans toute la région. Les projets situés dans la Creuse seront examinés en "
         "priorité.", ["REG-75"], (["REG-75"], [])),
        ("La formation est proposée dans toutes les régions sauf l'Occitanie.", ["PAYS-99100"],
         (["PAYS-99100"], ["REG-76"])),
        ("L'appel est réservé aux communes situées le long de la Dordogne, en Gironde.", ["REG-75"], (["DEP-33"], [])),
        ("Le bassin Rhône-Méditerranée est couvert. Les sites situés en Corse ne sont pas éligibles : ils relèvent "
         "d'un appel conduit avec l'agence de la Corse.", ["REG-84", "REG-93", "REG-94"], (["REG-84", "REG-93"], [])),
    ],
    ids=["an-extra-envelope-is-no-limit", "a-priority-is-no-limit", "sauf-l-", "a-river-is-no-departement",
         "a-region-left-out-then-named-again"],
)
def test_preferences_rivers_and_regions_left_out(text: str, field: list[str],
                                                 expected: tuple[list[str], list[str]]) -> None:
    assert coverage_of(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Les sessions ont lieu partout en France, outre-mer compris.", [], (["PAYS-99100"], [])),
        ("Le programme est national. Les entreprises établies en Bretagne relèvent d'un programme régional et ne peuvent "
         "pas adhérer.", ["PAYS-99100"], (["PAYS-99100"], ["REG-53"])),
    ],
    ids=["partout-en-france", "a-region-with-its-own-programme"],
)
def test_everywhere_and_a_region_sent_to_its_own_programme(text: str, field: list[str],
                                                           expected: tuple[list[str], list[str]]) -> None:
    assert coverage_of(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Le dispositif s'adresse aux entreprises immatriculées en Bretagne.", [], (["REG-53"], [])),
        ("Sont éligibles les sociétés ayant un établissement en Normandie.", [], (["REG-28"], [])),
        ("Sont éligibles les associations enregistrées dans le Finistère ou le Morbihan.", [],
         (["DEP-29", "DEP-56"], [])),
    ],
    ids=["registered-in-a-region", "with-a-site-in-a-region", "registered-in-departements"],
)
def test_where_the_applicant_is_registered_limits_a_call_without_field(
        text: str, field: list[str], expected: tuple[list[str], list[str]]) -> None:
    assert coverage_of(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Les communes du Var, suivies par un autre opérateur, ne sont pas concernées.", ["REG-93"],
         (["DEP-04", "DEP-05", "DEP-06", "DEP-13", "DEP-84"], [])),
        ("Les entreprises de la Manche ne sont pas éligibles à ce volet.", ["REG-28"],
         (["DEP-14", "DEP-27", "DEP-61", "DEP-76"], [])),
    ],
    ids=["communes-of-a-departement-not-concerned", "firms-of-a-departement-not-eligible"],
)
def test_a_departement_whose_applicants_are_not_concerned_is_left_out(
        text: str, field: list[str], expected: tuple[list[str], list[str]]) -> None:
    assert coverage_of(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("La région garde des savoir-faire anciens dans l'Ariège, le Gers et les Cévennes.", ["REG-76"],
         (["REG-76"], [])),
        ("Le bassin industriel s'étend sur la Loire, la Haute-Loire et le Velay.", ["REG-84"], (["REG-84"], [])),
        ("Les bâtiments du Cher, de l'Indre et du Loiret sont concernés.", ["REG-24"],
         (["DEP-18", "DEP-36", "DEP-45"], [])),
    ],
    ids=["list-ending-on-a-mountain-range", "list-ending-on-a-plateau", "list-of-departements-only"],
)
def test_a_list_of_places_of_mixed_kinds_is_no_limit(text: str, field: list[str],
                                                     expected: tuple[list[str], list[str]]) -> None:
    assert coverage_of(text, field) == expected
