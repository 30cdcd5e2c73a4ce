"""A relève written without its year takes its group's year, else its list's order and the opening."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.normalise.releves import date_range, dates_in, find_releves

D = date
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Relèves en 2027 : 10 février / 13 avril / 15 juin ; date limite d'inscription 9 décembre 2026",
            [D(2026, 12, 9), D(2027, 2, 10), D(2027, 4, 13), D(2027, 6, 15)],
        ),
        (
            "Calendrier 2027 : relèves les 4 mars et 2 juin. Date limite de pré-inscription : 20 novembre 2026.",
            [D(2026, 11, 20), D(2027, 3, 4), D(2027, 6, 2)],
        ),
        (
            "Au titre de 2027, les relèves auront lieu le 3 février et le 5 mai ; clôture des pré-dépôts le "
            "1er décembre 2026",
            [D(2026, 12, 1), D(2027, 2, 3), D(2027, 5, 5)],
        ),
        (
            f"Calendrier des releves pour l'annee 2027{NBSP}: 9 fevrier a 12h00, 11 mai a 12h00 et 7 septembre "
            "a 12h00 (midi). Date limite d'inscription : 30 novembre 2026.",
            [D(2026, 11, 30), D(2027, 2, 9), D(2027, 5, 11), D(2027, 9, 7)],
        ),
        ("Relèves : • 2027 : 12 janvier, 11 mai • 2028 : 11 janvier", [D(2027, 1, 12), D(2027, 5, 11), D(2028, 1, 11)]),
        ("Sessions 2027 : printemps le 15 mars, automne le 15 octobre", [D(2027, 3, 15), D(2027, 10, 15)]),
        ("Relèves en 2027 : 15 novembre 2026 (pré-dépôt), 10 février", [D(2026, 11, 15), D(2027, 2, 10)]),
    ],
    ids=["en-annee", "calendrier-annee", "au-titre-de", "pour-l-annee-sans-accents", "annee-en-puce",
         "sessions-annee", "written-day-before-the-group"],
)
def test_a_day_without_year_takes_the_year_stated_for_its_group(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Relèves : 15 octobre 2026, 15 décembre, 15 février et 15 avril",
            [D(2026, 10, 15), D(2026, 12, 15), D(2027, 2, 15), D(2027, 4, 15)],
        ),
        (
            "Campagne 2026-2027 – dates de dépôt : 16 novembre, 18 janvier et 15 mars",
            [D(2026, 11, 16), D(2027, 1, 18), D(2027, 3, 15)],
        ),
        ("Ouverture le 1er octobre 2026. Relèves : 10 février et 13 avril.", [D(2027, 2, 10), D(2027, 4, 13)]),
        (
            "Ouverture des candidatures : 2 septembre 2026 ; sessions de dépôt : 5 novembre, 14 janvier, "
            "1er avril à midi",
            [D(2026, 11, 5), D(2027, 1, 14), D(2027, 4, 1)],
        ),
        ("Lancement le 15/09/2026 – relèves : 12 février, 11 juin", [D(2027, 2, 12), D(2027, 6, 11)]),
        (
            "Ouverture le 1er octobre 2026. Relèves : 10 février / 13 avril ; date limite 9 décembre 2026",
            [D(2026, 12, 9), D(2027, 2, 10), D(2027, 4, 13)],
        ),
    ],
    ids=["list-crosses-new-year", "campaign-over-two-years", "after-the-opening", "opening-then-sessions",
         "lancement", "opening-beats-a-later-date"],
)
def test_a_list_keeps_its_order_and_comes_after_the_opening(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Publié le 3 janvier 2026. Relèves : 15 mars et 15 juin.",
        "Relèves : 15 mars et 15 juin. Résultats publiés le 30 septembre 2027.",
        "Dossier mis à jour le 3 mai 2024. Prochaines relèves : 2 avril, 3 juillet.",
        "Édition 2024 terminée le 3 mai 2024. Prochaines relèves : 2 avril, 3 juillet.",
        "Relèves : 15 mars et 15 juin – mis à jour le 2 janvier 2026",
        "Publié le 2 janvier 2026 — relèves : 15 mars et 15 juin",
    ],
    ids=["year-of-an-earlier-sentence", "year-of-a-later-sentence", "update-day-before", "edition-year-before",
         "update-stamp-in-the-list", "publication-stamp-in-the-list"],
)
def test_without_a_year_for_its_list_a_relève_stays_unknown(text: str) -> None:
    assert find_releves(text) == []


def test_dates_in_a_text_borrow_no_year_from_another_sentence() -> None:
    assert dates_in("Publié le 3 janvier 2026. Relèves : 15 mars et 15 juin.") == [D(2026, 1, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 novembre 2026 au 15 janvier", (D(2026, 11, 15), D(2027, 1, 15))),
        ("Campagne 2027 : du 3 mars au 30 juin", (D(2027, 3, 3), D(2027, 6, 30))),
    ],
    ids=["end-after-new-year", "campaign-year"],
)
def test_a_range_without_its_end_year_ends_after_it_starts(text: str, expected: tuple[date, date]) -> None:
    assert date_range(text) == expected
