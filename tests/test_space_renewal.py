"""« Recevoir un nouveau lien »: the fresh link goes by e-mail over a real SMTP conversation (aiosmtpd), only to a
known address, and opens the space; the page answers the same sentence either way."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digestworld import example_config, filled_store
from smtpserver import smtp_server
from vigie.pipeline.clock import fix_today
from vigie.web import create_app

SECRET = "une-cle-secrete-de-test-assez-longue-0123456789"
AS_OF = date(2026, 11, 23)


def ask(client: TestClient, address: str) -> str:
    form = client.get("/espace").text
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    return client.post("/espace", data={"email": address, "csrf": token}).text


def test_a_known_address_gets_a_fresh_link_by_smtp_and_an_unknown_one_nothing(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    fix_today(AS_OF)
    with smtp_server(tmp_path) as server:
        config = example_config(tmp_path, port=server.port)
        store = filled_store(config)
        with TestClient(create_app(config, store, lambda: AS_OF)) as client:
            unknown, known = ask(client, "personne@example.org"), ask(client, " Dev@Example.org ")
            [raw] = server.handler.messages
            message = email.message_from_bytes(raw, policy=email.policy.default)
            link = re.search(r"https?://\S+/espace/\S+", message.get_body(("plain",)).get_content()).group(0)
            page = client.get(link.split("8000", 1)[1])
    assert unknown == known
    assert server.handler.recipients == [["dev@example.org"]]
    assert "lien personnel" in message.get_body(("plain",)).get_content()
    assert page.status_code == 200 and "CC de la Lomagne" in page.text
    store.close()


def test_without_smtp_the_link_is_written_to_the_outbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    fix_today(AS_OF)
    config = example_config(tmp_path)
    store = filled_store(config)
    with TestClient(create_app(config, store, lambda: AS_OF)) as client:
        ask(client, "dev@example.org")
    [written] = config.outbox.glob("2026-W48/*lien-espace*.eml")
    assert "/espace/" in written.read_text()
    store.close()
