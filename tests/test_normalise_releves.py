"""Every relève / wave / deadline named in a call's text, as Paris days."""

from __future__ import annotations

from datetime import date

import pytest

from crawlers.normalise.releves import date_range, dates_in, find_releves
from crawlers.spiders.calendar_sections import calendar_deadlines
from crawlers.spiders.stated_deadlines import close_dates

D = date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("relèves le 15 janvier 2027 et le 15 mai 2027 à 12h", [D(2027, 1, 15), D(2027, 5, 15)]),
        (
            "Elles seront instruites aux dates de relèves suivantes : • 9 novembre 2022 à 12h00 (midi heure de "
            "Paris) • 8 mars 2023 à 12h00 (midi heure de Paris) • 13 juin 2023 à 12h00",
            [D(2022, 11, 9), D(2023, 3, 8), D(2023, 6, 13)],
        ),
        (
            "1ère session de dépôt : jusqu'au 1er décembre 2025 à midi. 2ème session de dépôt : jusqu'au 2 mars 2026.",
            [D(2025, 12, 1), D(2026, 3, 2)],
        ),
        ("Date limite de dépôt : 15 décembre 2026 à 12h (midi)", [D(2026, 12, 15)]),
        ("Clôture le 12/03/2025", [D(2025, 3, 12)]),
        ("à déposer au plus tard au 31 décembre 2023", [D(2023, 12, 31)]),
        ("Ce guichet est ouvert jusqu'au 13 juin 2023", [D(2023, 6, 13)]),
        ("releve le 3 fevrier 2027, cloture definitive le 4 mai 2027", [D(2027, 2, 3), D(2027, 5, 4)]),
        ("Date limite\u00a0: 15\u00a0janvier\u00a02027", [D(2027, 1, 15)]),
        ("Clôture : 16 nov. 2026, 13:00:00 UTC+1", [D(2026, 11, 16)]),
        (
            "calendrier des relèves : 14 janvier / 15 avril / 9 septembre 2027 à 12h00 (midi, heure de Paris)",
            [D(2027, 1, 14), D(2027, 4, 15), D(2027, 9, 9)],
        ),
        ("relèves le 15 novembre et le 15 janvier 2027", [D(2026, 11, 15), D(2027, 1, 15)]),
        ("Dépôt des dossiers : du 1er mars au 30 avril 2026", [D(2026, 4, 30)]),
        ("vague 3 jusqu'au 12 décembre 2026, vague 4 jusqu'au 10 avril 2027", [D(2026, 12, 12), D(2027, 4, 10)]),
        (
            "Calendrier : ouverture le 1er septembre 2026, clôture le 15 janvier 2027 ; webinaire le 3 octobre 2026.",
            [D(2027, 1, 15)],
        ),
        ("Ouverture le 1er septembre 2026. Le projet durera jusqu'à 2030.", []),
        ("Clôture le 31/02/2027", []),
        ("", []),
    ],
    ids=[
        "two-releves", "bulleted-releves-with-midi", "sessions-with-premier", "date-limite-with-midi",
        "cloture-numeric", "au-plus-tard", "guichet-jusqu-au", "accents-missing", "non-breaking-spaces",
        "abbreviated-month-with-utc", "yearless-list", "yearless-across-new-year", "range-end", "vagues",
        "opening-and-event-left-out", "no-deadline-cue", "impossible-day", "empty",
    ],
)
def test_every_deadline_after_a_cue_is_found(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


def test_deadlines_come_sorted_and_once() -> None:
    text = "Date limite : 15/12/2026. Relèves : 14 janvier 2027, 15 décembre 2026."
    assert find_releves(text) == [D(2026, 12, 15), D(2027, 1, 14)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17/04/2025 au 02/06/2026", (D(2025, 4, 17), D(2026, 6, 2))),
        ("17 janvier 2022 au 09 septembre 2025", (D(2022, 1, 17), D(2025, 9, 9))),
        ("Du 7 mai au 7 septembre 2026", (D(2026, 5, 7), D(2026, 9, 7))),
        ("Date limite : 15 janvier 2027", (D(2027, 1, 15), None)),
        ("bientôt", (None, None)),
    ],
    ids=["bpifrance-card", "bpifrance-detail", "yearless-start", "single-date", "no-date"],
)
def test_a_range_gives_its_start_and_end(text: str, expected: tuple[date | None, date | None]) -> None:
    assert date_range(text) == expected


def test_dates_in_a_text_keep_reading_order() -> None:
    assert dates_in("le 3 mars 2027 puis le 01/02/2027") == [D(2027, 3, 3), D(2027, 2, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Calendrier 2027 : dépôt des dossiers avant le 10 mars, le 9 juin ou le 8 octobre.",
         [D(2027, 3, 10), D(2027, 6, 9), D(2027, 10, 8)]),
        ("Clôture le 2 février 2027 et le 1er juin 2027.", [D(2027, 2, 2), D(2027, 6, 1)]),
        ("Date limite : 5 mars 2027, 20 juin 2027 pour l'audition des lauréats.", [D(2027, 3, 5)]),
    ],
    ids=["one-cue-several-days", "one-cue-et-le", "a-bare-comma-is-no-list"],
)
def test_a_one_date_cue_names_each_date_of_its_list(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


def test_a_prize_ceremony_in_a_calendar_block_is_no_deadline() -> None:
    body = "Date limite de dépôt : 3 février 2027 à midi.\nCérémonie de remise des prix : 15 juin 2027."
    assert calendar_deadlines([("Dépôt des candidatures", body)]) == ["2027-02-03"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les dossiers sont à transmettre avant fin mars 2027 via le portail.", [D(2027, 3, 31)]),
        ("Candidatures attendues au plus tard en avril 2027.", [D(2027, 4, 30)]),
        ("La date limite, initialement fixée au 15 décembre 2026, est reportée au 2 février 2027.", [D(2027, 2, 2)]),
        ("Le calendrier annonçait une clôture au 31 décembre 2026. L'enveloppe étant consommée, l'appel a été "
         "clôturé par anticipation le 15 octobre 2026.", [D(2026, 10, 15)]),
        ("L'édition 2026 est close depuis le 12 juin 2026 ; la suivante ouvrira au printemps.", [D(2026, 6, 12)]),
        ("Ouverture de la prochaine session le 5 janvier 2027 ; clôture le 31 mars 2027.", [D(2027, 3, 31)]),
        ("La session 2027 ouvrira le 1er décembre 2026 ; les candidatures seront reçues jusqu'au 13 janvier 2027.",
         [D(2027, 1, 13)]),
        ("Les dossiers sont reçus du 04/01/2027 au 26/03/2027. Examen en commission en mai 2027.", [D(2027, 3, 26)]),
    ],
    ids=["month-only-fin", "month-only-en", "moved-deadline", "closed-early", "clos-depuis", "session-opening",
         "ouvrira-le", "reception-range"],
)
def test_deadlines_said_in_other_words(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lettre d'intention à adresser avant le 12 février 2027. Date limite de dépôt des dossiers complets : "
         "22 avril 2027.", [D(2027, 2, 12), D(2027, 4, 22)]),
        ("Les lettres d'intention doivent nous parvenir avant le 3 mars 2027 ; les dossiers complets sont attendus "
         "pour le 9 juin 2027.", [D(2027, 3, 3), D(2027, 6, 9)]),
        ("Lettre d'intention : 15 janvier 2027. Dossier complet : date limite le 30 avril 2027.",
         [D(2027, 1, 15), D(2027, 4, 30)]),
        ("Réception des fiches d'intention le 8 février 2027, puis des dossiers jusqu'au 17 mai 2027.",
         [D(2027, 2, 8), D(2027, 5, 17)]),
        ("Envoyer une expression d'intérêt avant le 20 novembre 2026 ; clôture du dépôt le 5 mars 2027.",
         [D(2026, 11, 20), D(2027, 3, 5)]),
    ],
    ids=["lettre-a-adresser-avant", "lettres-doivent-parvenir", "lettre-colon", "reception-des-fiches",
         "envoyer-expression-d-interet"],
)
def test_the_deadline_of_a_first_stage_is_a_close_date(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


def test_days_without_year_follow_the_opening_of_the_record() -> None:
    text = "Dates limites de dépôt : 15 octobre, 15 décembre et 15 février."
    assert find_releves(text, date(2026, 9, 1)) == [D(2026, 10, 15), D(2026, 12, 15), D(2027, 2, 15)]


def test_a_date_field_the_text_says_was_moved_gives_way() -> None:
    text = "Mise à jour : la date limite, initialement fixée au 15 décembre 2026, est reportée au 2 février 2027."
    assert close_dates("2026-12-15", text) == ["2027-02-02"]
    assert close_dates("2026-12-15", "Date limite : 15 décembre 2026.") == ["2026-12-15", "2026-12-15"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deux sessions de dépôt : 12 mars 2027 et 8 octobre 2027. Une réunion d'information sur la seconde session se "
         "tiendra le 3 juin 2027.", [D(2027, 3, 12), D(2027, 10, 8)]),
        ("Dépôt en deux temps. Pré-projets : 2 février 2027 ; projets complets : 29 avril 2027.",
         [D(2027, 2, 2), D(2027, 4, 29)]),
    ],
    ids=["meeting-about-a-session", "two-stages-each-with-its-date"],
)
def test_an_event_about_a_session_is_no_deadline_and_each_stage_has_one(text: str, expected: list[date]) -> None:
    assert find_releves(text) == expected


def test_a_questions_and_answers_session_is_no_deadline() -> None:
    text = "Relèves : 3 février 2027 et 9 juin 2027.\nUne session de questions-réponses en ligne a lieu le 12 janvier 2027."
    assert find_releves(text) == [D(2027, 2, 3), D(2027, 6, 9)]
    assert calendar_deadlines([("Calendrier", text)]) == ["2027-02-03", "2027-06-09"]
