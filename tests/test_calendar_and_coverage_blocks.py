"""Calendar blocks give their dates as deadlines; coverage blocks give the départements they name."""

from __future__ import annotations

import pytest

from datetime import date

from crawlers.normalise.releves import find_releves
from crawlers.spiders.calendar_sections import calendar_deadlines
from crawlers.spiders.departement_coverage import departement_codes


@pytest.mark.parametrize(
    ("heading", "body", "expected"),
    [
        ("Calendrier", "Calendrier 2027 : 3 mars, 7 juillet et 10 novembre.", ["2027-03-03", "2027-07-07", "2027-11-10"]),
        ("Dates clés", "• 12 avril 2027\n• 18 octobre 2027", ["2027-04-12", "2027-10-18"]),
        ("Prochaines étapes", "Dossiers attendus entre le 2 mai et le 28 juin 2027.", ["2027-06-28"]),
        ("Échéances", "Vague 1 : 9 février 2027\nVague 2 : 21 septembre 2027", ["2027-02-09", "2027-09-21"]),
        ("Quand déposer ?", "Du 1er mars au 30 avril 2027.", ["2027-04-30"]),
        ("Dépôt des candidatures", "Avant le 5 mai 2027, sur la plateforme.", ["2027-05-05"]),
    ],
)
def test_every_date_of_a_calendar_block_is_a_deadline(heading: str, body: str, expected: list[str]) -> None:
    assert calendar_deadlines([(heading, body)]) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Lancement de l'appel : 6 janvier 2027",
        "Webinaire d'information le 2 février 2027",
        "Jury de sélection : 14 juin 2027",
        "Annonce des lauréats le 1er septembre 2027",
        "Ouverture de la plateforme le 4 janvier 2027",
    ],
)
def test_an_opening_or_an_event_in_a_calendar_block_is_no_deadline(body: str) -> None:
    assert calendar_deadlines([("Calendrier", body)]) == []


@pytest.mark.parametrize("heading", ["Contexte et objectifs", "Montant de l'aide", "Contact"])
def test_dates_outside_a_calendar_block_need_their_own_cue(heading: str) -> None:
    assert calendar_deadlines([(heading, "Programme engagé le 15 mars 2027 et le 20 juin 2027.")]) == []


@pytest.mark.parametrize(
    ("heading", "body", "expected"),
    [
        ("Territoires concernés", "Seuls les projets situés dans le Lot (46) et l'Ariège (09) sont éligibles.",
         ["DEP-46", "DEP-09"]),
        ("Zone géographique", "Départements : Haute-Garonne, Tarn-et-Garonne et Lot", ["DEP-31", "DEP-82", "DEP-46"]),
        ("Territoires éligibles", "la Lozère et le Gard", ["DEP-48", "DEP-30"]),
        ("Localisation", "Côtes d'Armor (22), Morbihan (56)", ["DEP-22", "DEP-56"]),
        ("Périmètre", "Corse-du-Sud (2A) et Haute-Corse (2B)", ["DEP-2A", "DEP-2B"]),
    ],
)
def test_a_coverage_block_naming_departements_gives_their_codes(heading: str, body: str, expected: list[str]) -> None:
    assert departement_codes([(heading, body)]) == expected


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Territoires concernés", "Toute la région Occitanie."),
        ("Localisation", "Un premier site pilote a été retenu dans le Tarn."),
        ("Territoires concernés", "Le Gers (31) et le Tarn."),  # a number that is not the name's: unclear
        ("Contexte", "Gers (32), Tarn (81)"),  # not a coverage block
    ],
)
def test_a_departement_named_in_passing_or_unclearly_gives_nothing(heading: str, body: str) -> None:
    assert departement_codes([(heading, body)]) == []


def test_a_presentation_or_a_visit_in_a_calendar_block_is_no_deadline() -> None:
    body = ("Date limite de dépôt : 12 mars 2027\nUne présentation en ligne aura lieu le 20 janvier 2027\n"
            "Visite du site le 3 février 2027")
    assert calendar_deadlines([("Calendrier", body)]) == ["2027-03-12"]


def test_applications_collected_on_several_days_are_each_a_deadline() -> None:
    assert find_releves("Les candidatures sont relevées le 9 février 2027 et le 8 juin 2027 à midi.") == [
        date(2027, 2, 9), date(2027, 6, 8)]


def test_a_catalogue_page_reads_its_calendar_block() -> None:
    """The ADEME catalogue page: the deadlines its « Calendrier » block lists join the card's."""
    from scrapy.http import HtmlResponse

    from crawlers.items import RawItem
    from crawlers.spiders.detail_page import read_detail_page

    url = "https://agirpourlatransition.ademe.fr/entreprises/aides-financieres/catalogue/aap/essai"
    html = ("<main><h1>Essai</h1><section><h2>Calendrier</h2><p>Premier dépôt le 11 février 2027, second le "
            "10 juin 2027.</p></section></main>")
    item = RawItem(source="ademe-catalogue-entreprises", source_id="essai", url=url, title="Essai", position=1,
                   close_dates=["2027-06-10"])
    read = read_detail_page(HtmlResponse(url=url, body=html.encode(), encoding="utf-8"), item)
    assert read.close_dates == ["2027-02-11", "2027-06-10"]
