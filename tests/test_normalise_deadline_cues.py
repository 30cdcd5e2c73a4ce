"""A date is a deadline only when a deadline cue labels it; update, publication and event dates never are."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.normalise.releves import find_releves

D = date
NBSP = "\u00a0"


@pytest.mark.parametrize(
    "text",
    [
        "Calendrier — Dernière modification : 14/03/2026",
        f"Calendrier{NBSP}: mis a jour le 2 fevrier 2026",
        "Calendrier : publié le 5 janvier 2026 ; webinaire de présentation le 20 janvier 2026",
        "Calendrier 2026-2027 : date de publication 12/10/2026, jury le 3 février 2027, résultats le 15 mars 2027",
        "Calendrier prévisionnel : comité de sélection le 12 avril 2027",
        "Calendrier : 15 mars 2027",
        "Clôture — Dernière modification : 14/03/2026",
        "Date limite de dépôt : voir le règlement – Publié le 4 mars 2026",
        "Date limite : à venir (actualisé le 1er février 2026)",
    ],
    ids=["derniere-modification", "mis-a-jour-sans-accent", "publie-et-webinaire", "publication-jury-resultats",
         "comite", "calendar-date-without-cue", "cloture-heading-modification", "date-limite-then-publie",
         "date-limite-actualise"],
)
def test_update_publication_and_event_dates_are_never_deadlines(text: str) -> None:
    assert find_releves(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relèves : 15 janvier 2027 – mis à jour le 3 mars 2026", [D(2027, 1, 15)]),
        ("Relèves : 15 janvier 2027, jury le 15 mars 2027, résultats le 30 avril 2027", [D(2027, 1, 15)]),
        ("Vague 1 : 15 mars 2027 ; vague 2 : 15 juin 2027 (mis à jour le 2 janvier 2027)",
         [D(2027, 3, 15), D(2027, 6, 15)]),
        (f"Relèves{NBSP}: 1er{NBSP}février et 1er juin 2027 à midi – Mise en ligne : 1er{NBSP}décembre{NBSP}2026",
         [D(2027, 2, 1), D(2027, 6, 1)]),
        ("Sessions 2027 : printemps le 15 mars, automne le 15 octobre, jury le 30 novembre",
         [D(2027, 3, 15), D(2027, 10, 15)]),
        ("Échéances : 12/01/2027 à 12h00, annonce des lauréats le 15/04/2027", [D(2027, 1, 12)]),
        ("Session de printemps : 15 mars 2027 à midi ; session d'automne : 15 octobre 2027 à midi – mis à jour "
         "le 4 janvier 2027", [D(2027, 3, 15), D(2027, 10, 15)]),
    ],
    ids=["releves-then-update", "releves-jury-resultats", "vagues-then-update", "nbsp-premier-midi-mise-en-ligne",
         "sessions-then-jury", "echeances-then-laureats", "session-de-printemps-then-update"],
)
def test_a_list_of_deadlines_leaves_out_the_dates_labelled_otherwise(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dates limites de dépôt : 15 mars et 15 juin 2027", [D(2027, 3, 15), D(2027, 6, 15)]),
        ("Clôtures : 15 mars 2027, 15 juin 2027", [D(2027, 3, 15), D(2027, 6, 15)]),
        ("Dossiers à déposer avant le 15 mars 2027 à midi", [D(2027, 3, 15)]),
        ("Date butoir : 1er juin 2027 (12h00)", [D(2027, 6, 1)]),
        ("Date limite (après le webinaire d'information) : 15 avril 2027", [D(2027, 4, 15)]),
        ("Calendrier des dépôts : • 3 novembre 2026 • 2 février • 4 mai",
         [D(2026, 11, 3), D(2027, 2, 2), D(2027, 5, 4)]),
    ],
    ids=["dates-limites", "clotures", "a-deposer-avant-le", "date-butoir", "aside-between-cue-and-date",
         "calendrier-des-depots-bullets"],
)
def test_deadline_cues_in_many_wordings(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relèves : du 1er mars au 30 avril 2026", [D(2026, 4, 30)]),
        ("Dates de dépôt : entre le 2 novembre 2026 et le 30 novembre 2026", [D(2026, 11, 30)]),
        ("Sessions : du 01/09/2026 - 12:00 au 31/12/2026 - 23:00", [D(2026, 12, 31)]),
    ],
    ids=["releves-du-au", "entre-et", "numeric-with-times"],
)
def test_a_list_cue_over_a_range_gives_its_end(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


def test_releves_named_with_du_are_not_ranges() -> None:
    text = "Les relèves du 15 mars et du 15 juin 2027 sont maintenues (mise à jour du 2 janvier 2027)."
    assert find_releves(text) == [D(2027, 3, 15), D(2027, 6, 15)]
