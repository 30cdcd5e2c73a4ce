"""A porteur's calendar is one set of calls wherever it is read: the letter's echeances.ics, `vigie export ics
--porteur ID` and the subscribed feed /calendrier/JETON.ics — the calls announced to the porteur, still open."""

from __future__ import annotations

import email
import re
import email.policy
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar

from clirun import run_cli
from conftest import NOW
from digestworld import example_config, filled_store
from factories import opportunity
from models.config import VigieConfig
from models.records import MatchResult
from models.store import Store
from models.vocab import ReviewStatus
from vigie.pipeline.calendar_export import porteur_calendar
from vigie.pipeline.weekly import run_weekly
from vigie.web import create_app

W48, W49 = date(2026, 11, 23), date(2026, 11, 30)


def accept_call(store: Store, source_id: str, **changes: Any) -> None:
    """One more call for fiche F1, matched and accepted."""
    store.upsert_opportunity(opportunity(source_id, **changes), NOW)
    result = MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie", source_id=source_id,
                         score=0.7, eligible=True)
    store.save_matches([result], {}, NOW)
    [match] = [m for m in store.matches() if m.review_status == ReviewStatus.PENDING]
    store.review(match.id, ReviewStatus.ACCEPTED, "camille", NOW)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """Three accepted calls for the CC de la Lomagne, one of them closing on 27/11/2026."""
    monkeypatch.setenv("VIGIE_SECRET_KEY", "x" * 40)
    config = example_config(tmp_path)
    store = filled_store(config)
    accept_call(store, "ami-friches", title="Sobriété foncière : recyclage des friches",
                close_dates=[date(2027, 3, 10)])
    accept_call(store, "aap-court", title="Appel à très courte échéance", close_dates=[date(2026, 11, 27)])
    yield config, store
    store.close()


def letter_ics(config: VigieConfig, week: str, day: date) -> bytes:
    """The decoded echeances.ics of the porteur's letter of `week`, from the outbox file."""
    [path] = (config.outbox / week).glob("*cc-lomagne*.eml")
    [attachment] = email.message_from_bytes(path.read_bytes(), policy=email.policy.default).iter_attachments()
    return attachment.get_payload(decode=True)


def feed(config: VigieConfig, store: Store, day: date) -> bytes:
    """The subscribed calendar as the web app serves it on `day`."""
    token = store.calendar_token("cc-lomagne", datetime.combine(day, time(), UTC))
    with TestClient(create_app(config, store, lambda: day)) as client:
        response = client.get(f"/calendrier/{token}.ics")
    assert response.status_code == 200
    return response.content


def events(ics: bytes) -> list[tuple[str, date, str]]:
    return sorted((str(e["UID"]), e.decoded("DTSTART"), str(e["SUMMARY"])) for e in Calendar.from_ical(ics).walk("VEVENT"))


def test_the_letter_s_attachment_the_export_and_the_feed_are_the_same_calendar(world, capsys) -> None:  # noqa: ANN001
    config, store = world
    run_weekly(config, store, "2026-W48", W48, send=True)
    attached = letter_ics(config, "2026-W48", W48)
    assert len(events(attached)) == 3
    assert feed(config, store, W48) == attached
    assert porteur_calendar(config, store, "cc-lomagne", W48)[0] == attached
    exported = run_cli(capsys, "--config", str(config.directory), "--as-of", "2026-11-23", "export", "ics",
                       "--porteur", "cc-lomagne")
    assert exported.code == 0 and events(exported.out.encode()) == events(attached)


def test_next_week_s_attachment_keeps_the_calls_announced_before_and_drops_the_closed_one(world) -> None:  # noqa: ANN001
    config, store = world
    run_weekly(config, store, "2026-W48", W48, send=True)
    accept_call(store, "aap-neuf", title="Industrie circulaire", close_dates=[date(2027, 2, 1)])
    run_weekly(config, store, "2026-W49", W49, send=True)
    attached = letter_ics(config, "2026-W49", W49)
    summaries = [summary for _, _, summary in events(attached)]
    assert len(summaries) == 3 and "Clôture : Industrie circulaire" in summaries
    assert "Clôture : Sobriété foncière : recyclage des friches" in summaries
    assert not any("courte échéance" in s for s in summaries)
    assert feed(config, store, W49) == attached


def test_an_accepted_call_not_yet_announced_is_not_in_the_calendar(world) -> None:  # noqa: ANN001
    config, store = world
    ics, count = porteur_calendar(config, store, "cc-lomagne", W48)
    assert count == 0 and events(ics) == [] and events(feed(config, store, W48)) == []


def test_the_sent_letter_s_calendar_reads_cloture_in_a_mail_parser(world) -> None:  # noqa: ANN001
    config, store = world
    run_weekly(config, store, "2026-W48", W48, send=True)
    [path] = (config.outbox / "2026-W48").glob("*cc-lomagne*.eml")
    [attachment] = email.message_from_bytes(path.read_bytes(), policy=email.policy.default).iter_attachments()
    assert attachment["Content-Type"].params == {"charset": "utf-8"}
    assert "SUMMARY:Clôture : Sobriété foncière : recyclage des friches" in attachment.get_content()


def test_the_letter_gives_the_feed_address_that_serves_its_calendar_without_an_account(world) -> None:  # noqa: ANN001
    config, store = world
    run_weekly(config, store, "2026-W48", W48, send=True)
    [path] = (config.outbox / "2026-W48").glob("*cc-lomagne*.eml")
    text = email.message_from_bytes(path.read_bytes(), policy=email.policy.default).get_body(("plain",)).get_content()
    [address] = re.findall(r"https?://\S+/calendrier/\S+\.ics", text)
    with TestClient(create_app(config, store, lambda: W48)) as client:  # nobody logged in
        response = client.get(address.split("127.0.0.1:8000", 1)[1])
    assert response.status_code == 200 and response.content == letter_ics(config, "2026-W48", W48)
