"""models.display: Vigie's one French formatting layer (pages, letters, command output)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from models import display
from models.vocab import Axe, Beneficiary, Instrument, PorteurType, ReviewStatus, Role, Status


@pytest.mark.parametrize("value,shown", [
    (50, "50\u202f%"), (50.0, "50\u202f%"), (12.5, "12,5\u202f%"), (None, "—"),
], ids=["entier", "flottant rond", "décimale", "absent"])
def test_a_percentage_has_a_decimal_comma_and_a_narrow_no_break_space(value: float | None, shown: str) -> None:
    assert display.percent(value) == shown


@pytest.mark.parametrize("value,shown", [
    (1_100_000, "1\u00a0100\u00a0000\u00a0€"), (999.6, "1\u00a0000\u00a0€"), ("2500", "2\u00a0500\u00a0€"), (None, "—"),
], ids=["million", "arrondi", "texte", "absent"])
def test_an_amount_never_wraps(value: float | str | None, shown: str) -> None:
    assert display.euros(value) == shown and " " not in shown


@pytest.mark.parametrize("low,high,rate,shown", [
    (10_000, 500_000, 40, "de 10\u00a0000\u00a0€ à 500\u00a0000\u00a0€ · taux max 40\u202f%"),
    (None, 500_000, None, "jusqu'à 500\u00a0000\u00a0€"),
    (5_000, None, None, "à partir de 5\u00a0000\u00a0€"),
    (None, None, 50, "taux max 50\u202f%"),
    (None, None, None, ""),
], ids=["fourchette", "plafond", "plancher", "taux seul", "rien"])
def test_an_amount_range_reads_as_a_phrase(low: float | None, high: float | None, rate: float | None,
                                           shown: str) -> None:
    assert display.amount_range(low, high, rate) == shown


@pytest.mark.parametrize("value,long,short", [
    (date(2027, 6, 15), "15 juin 2027", "15/06/2027"),
    (date(2027, 8, 1), "1er août 2027", "01/08/2027"),
    ("2026-12-03", "3 décembre 2026", "03/12/2026"),
    (None, "—", "—"),
], ids=["jour", "premier du mois", "ISO", "absent"])
def test_dates_have_a_long_and_a_short_form(value: date | str | None, long: str, short: str) -> None:
    assert (display.long_date(value), display.short_date(value)) == (long, short)


def test_an_instant_shows_its_time_in_the_short_form() -> None:
    assert display.short_date(datetime(2026, 11, 23, 8, 5)) == "23/11/2026 08:05"


@pytest.mark.parametrize("code,name", [
    ("PAYS-99100", "France"), ("REG-76", "Occitanie"), ("DEP-32", "Gers"), ("DEP-2A", "Corse-du-Sud"),
    ("COM-32147", "Gimont (Gers)"), ("EPCI-200066926", "CA Grand Auch Coeur de Gascogne"),
    ("COM-32999", "commune 32999 (Gers)"), ("EPCI-299999999", "intercommunalité SIREN 299999999"),
], ids=lambda v: v if "-" in v and v.isupper() else None)
def test_a_place_is_shown_by_its_name(code: str, name: str) -> None:
    assert display.place_name(code) == name


def test_a_call_naming_no_place_has_an_unknown_territory_and_an_eu_call_covers_the_union() -> None:
    assert display.places_line([]) == "inconnu"
    assert display.places_line(["union_europeenne"]) == "Union européenne"
    assert display.places_line(["REG-76", "DEP-32", "REG-76"]) == "Occitanie, Gers"


@pytest.mark.parametrize("enum,table", [
    (Status, display.CALL_STATUS_LABELS), (ReviewStatus, display.REVIEW_LABELS), (Axe, display.AXE_LABELS),
    (PorteurType, display.PORTEUR_TYPE_LABELS), (Beneficiary, display.BENEFICIARY_LABELS),
    (Instrument, display.INSTRUMENT_LABELS), (Role, display.ROLE_LABELS),
], ids=lambda v: getattr(v, "__name__", ""))
def test_every_stored_value_has_a_french_label_without_underscores(enum: type, table: dict) -> None:
    shown = {member: display.label(member, table) for member in enum}
    assert set(table) == set(enum) and not [s for s in shown.values() if "_" in s]


def test_a_label_never_shows_an_internal_code() -> None:
    assert display.label("chambre_consulaire", display.PORTEUR_TYPE_LABELS) == "chambre consulaire"
    assert display.label("code_inconnu", {}) == "code inconnu"
    assert display.label(None, display.AXE_LABELS) == "—"
    assert display.labels_line(["pme", "commune", "pme"], display.BENEFICIARY_LABELS) == "PME, Communes"


@pytest.mark.parametrize("value,shown", [(True, "oui"), (False, "non"), (None, "inconnu")])
def test_a_yes_no_fact_without_evidence_is_unknown(value: bool | None, shown: str) -> None:
    assert display.yes_no(value) == shown


def test_an_absent_text_is_a_dash_never_none() -> None:
    assert [display.text_or_dash(v) for v in (None, "  ", "HTTP 503")] == ["—", "—", "HTTP 503"]


@pytest.mark.parametrize("feature,evidence,shown", [
    ("profil", "profil foncier-friches : friche (+5), friche industrielle (+6)",
     "mots du profil foncier-friches : friche, friche industrielle"),
    ("exclusion", "exclusion du profil x : recherche (−5)", "exclusion du profil x : recherche"),
    ("termes", "termes communs : biomasse", "termes communs : biomasse"),
], ids=["profil", "exclusion", "termes"])
def test_a_reason_reads_as_words_without_weights(feature: str, evidence: str, shown: str) -> None:
    assert display.reason_text(feature, evidence) == shown
