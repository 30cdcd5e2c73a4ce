"""RawItem → OpportunityData: validation, calendar and status as of a day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from crawlers.items import RawItem
from crawlers.normalise import ItemRejected, normalise_item
from models.vocab import Recurrence, Status

AS_OF = date(2026, 11, 23)


def item(**fields: Any) -> RawItem:
    base: dict[str, Any] = {"source": "demo", "position": 7, "url": "https://example.fr/aides/friches/", "title": "Friches"}
    return RawItem(**{**base, **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"open_date": "2026-12-01", "close_dates": ["2027-01-15"]}, Status.UPCOMING),
        ({"open_date": "2026-10-01", "close_dates": ["2027-01-15"]}, Status.OPEN),
        ({"open_date": "2026-01-01", "close_dates": ["2026-06-30"]}, Status.CLOSED),
        ({"close_dates": ["2026-11-23"]}, Status.OPEN),
        ({"permanent": True}, Status.PERMANENT),
        ({"permanent": True, "close_dates": ["2026-01-31"]}, Status.CLOSED),
        ({"closed": True, "close_dates": ["2027-06-30"]}, Status.CLOSED),
        ({}, Status.UNKNOWN),
    ],
    ids=["upcoming", "open", "closed", "closes-today", "guichet", "dated-guichet-closed", "source-says-clos", "no-dates"],
)
def test_status_is_derived_as_of_the_crawl_day(fields: dict[str, Any], expected: Status) -> None:
    assert normalise_item(item(**fields), AS_OF).status == expected


def test_a_future_campaign_replaces_the_dates_of_the_past_one() -> None:
    record = normalise_item(item(
        open_date="2025-01-14T23:00:00+00:00", close_dates=["2026-09-30T21:59:00+00:00"],
        next_campaign="2027-04-30T22:00:00+00:00",
    ), AS_OF)
    assert (record.open_date, record.close_dates) == (date(2027, 5, 1), [])
    assert (record.recurrence, record.status) == (Recurrence.RECURRENTE, Status.UPCOMING)


def test_a_campaign_whose_last_session_is_ahead_keeps_its_dates_until_then() -> None:
    record = normalise_item(item(
        close_dates=[f"{AS_OF - timedelta(days=30)}", f"{AS_OF + timedelta(days=40)}"],
        next_campaign=f"{AS_OF + timedelta(days=200)}",
    ), AS_OF)
    assert record.close_dates == [AS_OF - timedelta(days=30), AS_OF + timedelta(days=40)]
    assert record.status == Status.OPEN


@pytest.mark.parametrize(
    ("text", "coverage", "codes", "exclusions"),
    [
        ("Sont éligibles les projets situés dans les départements de l'Ariège (09), de l'Aude (11) et du Gers (32).",
         ["REG-76"], ["DEP-09", "DEP-11", "DEP-32"], []),
        ("Le dispositif est réservé aux territoires de la Corrèze (19) et de la Creuse (23).", ["REG-75"],
         ["DEP-19", "DEP-23"], []),
        ("Sont éligibles les sites implantés dans toute la région hors Pyrénées-Orientales (66) et Lozère (48).",
         ["REG-76"], [f"DEP-{d}" for d in ("09", "11", "12", "30", "31", "32", "34", "46", "65", "81", "82")], []),
        ("Les entreprises situées en France, hors Corse-du-Sud (2A), sont éligibles.", ["PAYS-99100"],
         ["PAYS-99100"], ["DEP-2A"]),
        ("Une usine du Tarn (81) a inauguré la démarche en 2025.", ["REG-76"], ["REG-76"], []),
        ("Sont éligibles les projets situés dans le Calvados (14).", ["REG-76"], ["REG-76"], []),
        ("Seuls les projets implantés en Essonne ou dans le Val-d'Oise sont éligibles.", ["REG-11"],
         ["DEP-91", "DEP-95"], []),
        ("Les sites situés dans le nord de l'Essonne sont prioritaires.", ["REG-11"], ["REG-11"], []),
        ("Les ateliers doivent être situés dans l'Aude, la Lozère ou les Pyrénées-Orientales.", ["REG-76"],
         ["DEP-11", "DEP-48", "DEP-66"], []),
        ("Seuls les projets situés dans le Cantal et de la Haute-Loire sont éligibles.", ["PAYS-99100"],
         ["DEP-15", "DEP-43"], []),
        ("L'appel est réservé aux sites situés sur les départements 08, 10 et 51.", ["PAYS-99100"],
         ["DEP-08", "DEP-10", "DEP-51"], []),
        ("Le dispositif est ouvert sur tout le territoire national, hors Île-de-France.", ["PAYS-99100"],
         ["PAYS-99100"], ["REG-11"]),
    ],
    ids=["listed-departements", "reserved-territories", "region-but-some", "country-but-one", "passing-mention",
         "departement-of-another-region", "named-without-number", "a-direction-is-no-departement",
         "a-list-after-one-preposition", "a-list-with-de-la", "bare-numbers-after-departements",
         "country-but-one-region"],
)
def test_a_sentence_limiting_the_call_to_departements_narrows_its_coverage(
    text: str, coverage: list[str], codes: list[str], exclusions: list[str],
) -> None:
    record = normalise_item(item(eligibility_text=text, geo_codes=coverage), AS_OF)
    assert (sorted(record.geo_codes), record.geo_exclusions) == (sorted(codes), exclusions)
    if codes != coverage and len(codes) < 4:
        quoted = {e.value: e.quote for e in record.evidence if e.fact == "territoire"}
        assert all(text.startswith(quoted[code][:20]) for code in codes)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"title": "  <p> </p> "}, "titre manquant"),
        ({"url": ""}, "lien manquant"),
        ({"url": "javascript:alert(1)"}, "lien http(s) attendu"),
        ({"close_dates": ["32/12/2026"]}, "date invalide « 32/12/2026 » (clôture)"),
        ({"geo_codes": ["REG-99"]}, "code région inconnu « REG-99 »"),
    ],
    ids=["no-title", "no-url", "javascript-url", "bad-date", "bad-geo-code"],
)
def test_an_invalid_item_is_rejected_with_a_french_reason(fields: dict[str, Any], reason: str) -> None:
    with pytest.raises(ItemRejected, match=reason.replace("(", r"\(").replace(")", r"\)")):
        normalise_item(item(**fields), AS_OF)


def test_the_canonical_url_identifies_an_item_without_id() -> None:
    assert normalise_item(item(), AS_OF).source_id == "https://example.fr/aides/friches"


def test_a_bad_update_stamp_does_not_cost_the_record() -> None:
    assert normalise_item(item(updated_at="hier soir"), AS_OF).source_updated_at is None


def test_text_fields_are_cleaned_and_read_for_amounts() -> None:
    record = normalise_item(item(
        title="<b>AAP</b> Friches &amp; ZAN",
        summary="<p>Reconvertir les friches</p><script>alert(1)</script>",
        amount_text="Subvention plafonnée à 500 000 €, jusqu'à 40 % (France 2030).",
        funders=["Région Occitanie", "", "Région Occitanie"],
    ), AS_OF)
    assert (record.title, record.summary) == ("AAP Friches & ZAN", "Reconvertir les friches")
    assert (record.amount_max, record.rate_max) == (500_000, 40)
    assert record.funders == ["Région Occitanie"]
    assert [str(i) for i in record.instruments] == ["appel_a_projets", "subvention"]


@pytest.mark.parametrize(
    ("eligibility", "description", "expected"),
    [
        ("Peuvent déposer :\n- les entreprises de transport, quelle que soit leur taille ;\n- les syndicats mixtes "
         "de collecte des déchets.", "", ["entreprise", "syndicat_mixte"]),
        ("Bénéficiaires : les collectivités territoriales.", "", ["commune", "epci", "departement", "region"]),
        ("", "La Région aide les collectivités qui créent un réseau de chaleur.", ["commune", "epci"]),
    ],
    ids=["stated-applicant-beyond-the-families", "stated-collectivites-stand", "described-collectivites-refined"],
)
def test_family_labels_bound_what_a_description_says_not_what_an_eligibility_text_states(
    eligibility: str, description: str, expected: list[str],
) -> None:
    labels = ["Entreprises"] if "transport" in eligibility else ["Communes", "EPCI"]
    raw = item(eligibility_text=eligibility, description=description, beneficiary_labels=labels,
               labels_are_families=True)
    assert [str(b) for b in normalise_item(raw, AS_OF).beneficiaries] == expected


OVERSEAS = ["REG-01", "REG-02", "REG-03", "REG-04", "REG-06"]


@pytest.mark.parametrize(
    ("text", "coverage", "codes", "exclusions"),
    [
        ("Les départements et régions d'outre-mer ainsi que la Corse sont exclus de cet appel.", ["PAYS-99100"],
         ["PAYS-99100"], sorted([*OVERSEAS, "REG-94"])),
        ("Les projets franciliens ne sont pas éligibles à ce programme.", ["PAYS-99100"], ["PAYS-99100"], ["REG-11"]),
        ("L'appel couvre la France métropolitaine continentale.", ["PAYS-99100"], ["PAYS-99100"],
         sorted([*OVERSEAS, "REG-94"])),
        ("Les projets situés en Corse ne sont pas concernés par cet appel.", ["REG-93", "REG-94"], ["REG-93"], []),
        ("Les départements des Ardennes et de la Marne, rattachés à un autre bassin, ne sont pas couverts.",
         ["REG-44"], ["DEP-10", "DEP-52", "DEP-54", "DEP-55", "DEP-57", "DEP-67", "DEP-68", "DEP-88"], []),
        ("Le périmètre est limité au Nord et au Pas-de-Calais.", ["REG-32"], ["DEP-59", "DEP-62"], []),
    ],
    ids=["overseas-and-corse-excluded", "a-region-s-adjective", "mainland-only", "one-of-several-regions",
         "departements-not-covered", "perimetre-limite-au"],
)
def test_a_sentence_leaving_places_out_narrows_the_coverage(
    text: str, coverage: list[str], codes: list[str], exclusions: list[str],
) -> None:
    record = normalise_item(item(eligibility_text=text, geo_codes=coverage), AS_OF)
    assert (sorted(record.geo_codes), sorted(record.geo_exclusions)) == (sorted(codes), exclusions)


@pytest.mark.parametrize(
    ("text", "coverage", "codes"),
    [
        ("L'appel est réservé aux Départements de Seine-et-Marne, des Yvelines et de l'Essonne.", ["REG-11"],
         ["DEP-77", "DEP-78", "DEP-91"]),
        ("Sont éligibles les projets situés dans les départements de Dordogne et de Corrèze.", ["REG-75"],
         ["DEP-19", "DEP-24"]),
        ("Le dispositif est réservé au territoire d'Indre-et-Loire.", ["REG-24"], ["DEP-37"]),
        ("Sont éligibles les entreprises implantées à Mayotte.", ["PAYS-99100"], ["DEP-976"]),
        ("Les projets doivent être situés en Guadeloupe, en Martinique ou à La Réunion.", ["PAYS-99100"],
         ["DEP-971", "DEP-972", "DEP-974"]),
        ("Rénovation thermique des bâtiments de Gironde, des Landes et des Pyrénées-Atlantiques.", ["REG-75"],
         ["DEP-33", "DEP-40", "DEP-64"]),
        ("Les projets sont portés par une collectivité des Alpes-de-Haute-Provence ou des Hautes-Alpes.", ["REG-93"],
         ["DEP-04", "DEP-05"]),
        ("L'appel accompagne les stations de montagne de l'Ariège et des Hautes-Pyrénées.", ["REG-76"],
         ["DEP-09", "DEP-65"]),
        ("Entreprises dont un établissement de production est situé en Hauts-de-France ou en Normandie.",
         ["PAYS-99100"], ["REG-28", "REG-32"]),
        ("Seules les entreprises implantées en Bretagne sont éligibles.", ["PAYS-99100"], ["REG-53"]),
        ("Les travaux doivent être réalisés dans les Pays de la Loire ou en Centre-Val de Loire.", ["PAYS-99100"],
         ["REG-24", "REG-52"]),
        ("Sont éligibles les sites situés en Normandie, hors Manche (50).", ["PAYS-99100"],
         ["DEP-14", "DEP-27", "DEP-61", "DEP-76"]),
        ("Sont éligibles les entreprises implantées en France, y compris en Corse.", ["PAYS-99100"], ["PAYS-99100"]),
        ("Les projets situés dans le Pays de la Loire sont éligibles.", ["PAYS-99100"], ["REG-52"]),
    ],
    ids=["list-headed-by-bare-de", "departements-de-then-de", "territoire-d-", "a-mayotte", "ou-a-la-reunion",
         "list-without-cue", "genitive-list-ou", "genitive-list-de-l-", "regions-of-a-national-call",
         "one-region-of-a-national-call", "dans-les-pays-de-la-loire", "region-but-one-departement",
         "regions-given-as-examples", "the-loire-of-a-region-s-name"],
)
def test_the_places_a_sentence_names_narrow_the_coverage(text: str, coverage: list[str], codes: list[str]) -> None:
    record = normalise_item(item(eligibility_text=text, geo_codes=coverage), AS_OF)
    assert (sorted(record.geo_codes), record.geo_exclusions) == (codes, [])
    quoted = {e.value: e.quote for e in record.evidence if e.fact == "territoire"}
    assert all(text.startswith(quoted[code][:20]) for code in codes if len(codes) < 4 and code not in coverage)


@pytest.mark.parametrize(
    "text",
    [
        "Sont éligibles les départements et les régions d'outre-mer, ainsi que le Département de Mayotte.",
        "L'appel est ouvert à tous les départements de la région, dont la Gironde et les Landes.",
    ],
    ids=["overseas-authorities-and-mayotte", "all-departements-with-examples"],
)
def test_a_sentence_naming_the_whole_coverage_narrows_nothing(text: str) -> None:
    coverage = ["REG-01", "REG-02", "REG-03", "REG-04", "REG-06"] if "outre-mer" in text else ["REG-75"]
    record = normalise_item(item(eligibility_text=text, geo_codes=coverage), AS_OF)
    assert sorted(record.geo_codes) == coverage
