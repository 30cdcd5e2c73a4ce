"""Eligibility criteria: beneficiaries, territory, calendar, amount — table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.eligibility import (
    amount_criterion, beneficiary_criterion, calendar_criterion, is_eligible, territory_criterion,
)
from models.records import Criterion, FicheActionData, OpportunityData, PorteurData

TODAY = date(2026, 11, 24)


def call(**fields) -> OpportunityData:
    base = {"source": "test", "source_id": "1", "url": "https://example.org/aap", "title": "Appel"}
    return OpportunityData(**(base | fields))


def porteur(kind: str = "epci", taille: str | None = None, geo: tuple[str, ...] = ("DEP-32",)) -> PorteurData:
    return PorteurData(id="p", nom="Porteur", type=kind, taille=taille, territoire="t", geo_codes=list(geo))


def fiche(besoin: float | None) -> FicheActionData:
    return FicheActionData(id="f", porteur_id="p", titre="Fiche", besoin_financement=besoin)


@pytest.mark.parametrize(
    ("beneficiaries", "kind", "taille", "verdict"),
    [
        (["epci", "commune"], "epci", None, "ok"),
        (["commune"], "epci", None, "ko"),
        (["entreprise"], "entreprise", "ge", "ok"),
        (["entreprise"], "entreprise", None, "ok"),
        (["pme"], "entreprise", "pme", "ok"),
        (["pme"], "entreprise", "tpe", "ok"),
        (["tpe"], "entreprise", "pme", "ko"),
        (["pme"], "entreprise", "eti", "ko"),
        (["eti"], "entreprise", "eti", "ok"),
        (["pme"], "entreprise", None, "inconnu"),
        (["pme"], "commune", None, "ko"),
        ([], "association", None, "inconnu"),
    ],
    ids=[
        "epci-in-list", "epci-not-listed", "entreprise-admits-any-size", "entreprise-admits-unknown-size",
        "pme-admits-pme", "pme-admits-tpe", "tpe-refuses-pme", "pme-refuses-eti", "eti-admits-eti",
        "pme-with-unknown-size-is-unknown", "pme-refuses-commune", "no-beneficiaries-is-unknown",
    ],
)
def test_beneficiary_criterion_follows_types_and_company_sizes(beneficiaries, kind, taille, verdict):
    result = beneficiary_criterion(call(beneficiaries=beneficiaries), porteur(kind, taille))
    assert result.verdict == verdict


def test_beneficiary_details_read_as_french_labels():
    assert beneficiary_criterion(call(beneficiaries=["epci"]), porteur("epci")).detail == "EPCI ✔"
    refused = beneficiary_criterion(call(beneficiaries=["pme"]), porteur("commune"))
    assert refused.detail == "réservé à : entreprise (PME) ✘"


@pytest.mark.parametrize(
    ("coverage", "exclusions", "place", "verdict", "detail"),
    [
        (["REG-76"], [], ("COM-32013",), "ok", "Occitanie ✔"),
        (["DEP-32"], [], ("COM-32013",), "ok", "Gers (32) ✔"),
        (["COM-32013"], [], ("COM-32013", "DEP-32"), "ok", "Auch (Gers) ✔"),
        (["EPCI-200066926"], [], ("COM-32013",), "ok", "CA Grand Auch Coeur de Gascogne ✔"),
        (["COM-32013"], [], ("EPCI-200066926",), "ok", "Auch (Gers) ✔"),
        (["PAYS-99100"], [], ("DEP-32",), "ok", "France ✔"),
        (["REG-76"], [], ("DEP-33",), "ko", "hors zone : Occitanie ✘"),
        (["REG-76"], ["DEP-32"], ("COM-32013",), "ko", "Gers (32) exclu ✘"),
        (["PAYS-99100"], ["REG-76"], ("DEP-31",), "ko", "Occitanie exclu ✘"),
        ([], [], ("DEP-32",), "inconnu", "territoire non précisé"),
        (["REG-76"], [], (), "inconnu", "territoire du porteur non renseigné"),
    ],
    ids=[
        "region-covers-commune", "departement-covers-commune", "same-commune", "intercommunality-covers-commune",
        "commune-of-the-intercommunality", "france-covers-all",
        "other-region", "excluded-departement", "excluded-region-wins-over-france", "no-coverage",
        "porteur-without-place",
    ],
)
def test_territory_criterion_walks_commune_departement_region(coverage, exclusions, place, verdict, detail):
    result = territory_criterion(call(geo_codes=coverage, geo_exclusions=exclusions), porteur(geo=place))
    assert (result.verdict, result.detail) == (verdict, detail)


def test_an_eu_call_covers_every_french_porteur_without_a_cog_code() -> None:
    eu = call(geo_scope="union_europeenne")
    result = territory_criterion(eu, porteur(geo=("COM-32013",)))
    assert (result.verdict, result.detail) == ("ok", "Union européenne, dont la France ✔")
    assert eu.territories() == ["union_europeenne"] and call(geo_codes=["REG-76"]).territories() == ["REG-76"]


@pytest.mark.parametrize(
    ("fields", "verdict", "detail"),
    [
        ({"close_dates": [date(2027, 1, 15)]}, "ok", "clôture 15/01/2027 (J-52) ✔"),
        ({"close_dates": [date(2026, 11, 27)]}, "ko", "clôture dans 3 jours, délai trop court ✘"),
        ({"close_dates": [date(2026, 11, 24)]}, "ko", "clôture aujourd'hui, délai trop court ✘"),
        ({"close_dates": [date(2026, 12, 1)]}, "ok", "clôture 01/12/2026 (J-7) ✔"),
        ({"close_dates": [date(2026, 11, 27), date(2027, 3, 1)]}, "ok",
         "relève du 27/11/2026 trop proche ; relève suivante 01/03/2027 (J-97) ✔"),
        ({"close_dates": [date(2026, 10, 1)]}, "ko", "clôturé le 01/10/2026 ✘"),
        ({"open_date": date(2027, 2, 1)}, "ok", "ouverture le 01/02/2027"),
        ({"recurrence": "permanente"}, "ok", "guichet permanent ✔"),
        ({"open_date": date(2026, 1, 1)}, "ok", "ouvert, date de clôture non précisée"),
        ({}, "inconnu", "dates non précisées"),
    ],
    ids=[
        "far-deadline", "deadline-too-close", "deadline-today", "exactly-min-lead-days", "next-wave-reachable",
        "closed", "upcoming", "permanent-guichet", "open-without-deadline", "no-dates",
    ],
)
def test_calendar_criterion_needs_min_lead_days_before_the_next_releve(fields, verdict, detail):
    result = calendar_criterion(call(**fields), TODAY, min_lead_days=7)
    assert (result.verdict, result.detail) == (verdict, detail)


@pytest.mark.parametrize(
    ("besoin", "low", "high", "verdict", "part_of_detail"),
    [
        (150_000, 50_000, 200_000, "ok", "≤ plafond 200\u00a0000\u00a0€"),
        (20_000, 50_000, None, "ko", "sous le plancher de 50\u00a0000\u00a0€"),
        (500_000, None, 200_000, "ok", "couvre une partie du besoin"),
        (None, 50_000, 200_000, "inconnu", "besoin de financement non renseigné"),
        (150_000, None, None, "inconnu", "montants de l'aide non précisés"),
    ],
    ids=["within-range", "below-floor", "above-ceiling-covers-part", "unknown-need", "unknown-amounts"],
)
def test_amount_criterion_compares_need_with_floor_and_ceiling(besoin, low, high, verdict, part_of_detail):
    result = amount_criterion(call(amount_min=low, amount_max=high), fiche(besoin))
    assert result.verdict == verdict
    assert part_of_detail in result.detail


@pytest.mark.parametrize(
    ("verdicts", "eligible"),
    [(["ok", "ok"], True), (["inconnu", "inconnu", "inconnu"], True), (["ok", "ko", "inconnu"], False)],
    ids=["all-ok", "unknowns-never-exclude", "one-ko-excludes"],
)
def test_a_pair_is_eligible_unless_one_criterion_says_ko(verdicts, eligible):
    criteria = [Criterion(criterion="c", verdict=v, detail="d") for v in verdicts]
    assert is_eligible(criteria) is eligible
