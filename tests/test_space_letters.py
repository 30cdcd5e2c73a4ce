"""The porteur's letter carries fresh personal links (their space, one per answer and call) signed with the web
app's secret key; a call the porteur applies to gets J-14 and J-3 reminders; the chef de projet's letter counts the
week's answers; `vigie stats` counts the proposals sent."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date
from pathlib import Path

import pytest

from digestworld import example_config, filled_store
from fastapi.testclient import TestClient
from models.store import Store, WebQueries
from notifier import iso_week
from vigie.pipeline.clock import fix_today
from vigie.pipeline.porteur_answers import record_answer
from vigie.pipeline.weekly import run_weekly
from vigie.web import create_app

SECRET = "une-cle-secrete-de-test-assez-longue-0123456789"
AS_OF = date(2026, 11, 23)


def letter(config, store: Store, day: date) -> email.message.EmailMessage:  # noqa: ANN001
    """The porteur's letter of the week of `day`, as written to the outbox."""
    fix_today(day)
    run_weekly(config, store, iso_week(day), day, send=True)
    [path] = [p for p in config.outbox.glob(f"{iso_week(day)}/*dev@example.org*.eml")]
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def text_of(message) -> str:  # noqa: ANN001
    return message.get_body(("plain",)).get_content()


def test_a_letter_carries_a_space_link_that_opens_the_space(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    config = example_config(tmp_path)
    store = filled_store(config)
    text = text_of(letter(config, store, AS_OF))
    space = re.search(r"Votre espace Vigie .*: (\S+)", text).group(1)
    answers = re.findall(r"- (Ça m'intéresse|Pas pour nous|Je dépose un dossier) : (\S+)", text)
    assert space.startswith(config.settings.sender.public_url) and len(answers) == 3
    with TestClient(create_app(config, store, lambda: AS_OF)) as client:
        page = client.get(space.split("8000", 1)[1])
        confirm = client.get(answers[0][1].split("8000", 1)[1])
    assert page.status_code == 200 and "Réseaux de chaleur" in page.text
    assert confirm.status_code == 200 and WebQueries(store).answers_of_matches([store.matches()[0].id]) == {}


def test_without_the_secret_key_the_letter_still_goes_without_personal_links(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIE_SECRET_KEY", raising=False)
    config = example_config(tmp_path)
    text = text_of(letter(config, filled_store(config), AS_OF))
    assert "Se désinscrire" in text and "/espace/" not in text and "/reponse/" not in text


def reminders(config, store: Store, days: list[date]) -> list[int | None]:  # noqa: ANN001
    """The reminder band of the call in each letter (None: no reminder that week)."""
    bands = []
    for day in days:
        fix_today(day)
        run_weekly(config, store, iso_week(day), day, send=True)
        [digest] = [d for d in store.digests(iso_week(day)) if d.kind == "porteur"] or [None]
        items = store.digest_items(digest.id) if digest else []
        bands.append(next((i.band for i in items if i.section == "cloture_proche"), None))
    return bands


LETTER_DAYS = [date(2026, 12, 22), date(2027, 1, 5), date(2027, 1, 12)]
"""Tuesdays 24, 10 and 3 days before the relève of 15/01/2027."""


def test_a_call_marked_je_depose_gets_its_j14_and_j3_reminders(tmp_path: Path) -> None:
    config = example_config(tmp_path)
    store = filled_store(config)
    run_weekly(config, store, iso_week(AS_OF), AS_OF, send=True)
    contact, match = store.contacts()[0], store.matches()[0]
    record_answer(store, contact, match.id, "je_depose", None, AS_OF)
    assert reminders(config, store, LETTER_DAYS) == [30, 14, 3]


def test_a_call_without_je_depose_keeps_the_j30_and_j7_reminders(tmp_path: Path) -> None:
    config = example_config(tmp_path)
    store = filled_store(config)
    run_weekly(config, store, iso_week(AS_OF), AS_OF, send=True)
    assert reminders(config, store, LETTER_DAYS) == [30, None, 7]


def test_the_chefs_letter_counts_the_weeks_answers(tmp_path: Path) -> None:
    config = example_config(tmp_path)
    store = filled_store(config)
    fix_today(AS_OF)
    record_answer(store, store.contacts()[0], store.matches()[0].id, "interesse", None, AS_OF)
    run_weekly(config, store, iso_week(AS_OF), AS_OF, send=True)
    [path] = config.outbox.glob(f"{iso_week(AS_OF)}/*camille@example.org*.eml")
    text = text_of(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    assert "RÉPONSES DES PORTEURS CETTE SEMAINE" in text and "- intéressé : 1" in text


def test_usage_counts_the_proposals_of_the_letters_sent(tmp_path: Path) -> None:
    config = example_config(tmp_path)
    store = filled_store(config)
    fix_today(AS_OF)
    run_weekly(config, store, iso_week(AS_OF), AS_OF, send=True)
    [line] = store.usage(None, AS_OF)
    assert (line.week, line.territoire_id, line.proposals) == ("2026-W48", "gers-lomagne", 1)
