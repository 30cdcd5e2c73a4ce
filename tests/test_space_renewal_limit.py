"""« Recevoir un nouveau lien » is rate limited: at most 5 links per address and 20 requests per client within an
hour, counted in the database. Beyond, the page answers the same sentence, nothing is sent, and the log says so."""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from digestworld import example_config, filled_store
from models.store import Store, WebQueries
from smtpserver import smtp_server
from vigie.pipeline.clock import fix_today
from vigie.web import create_app
from vigie.web.renew_limit import ADDRESS_LIMIT, CLIENT_LIMIT, RenewalLimiter
from vigie.web.security import LoginLimiter

SECRET = "une-cle-secrete-de-test-assez-longue-0123456789"
AS_OF = date(2026, 11, 23)
START = datetime(2026, 11, 23, 9, tzinfo=UTC)


def ask(client: TestClient, address: str) -> str:
    form = client.get("/espace").text
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    return client.post("/espace", data={"email": address, "csrf": token}).text


@pytest.fixture
def renewal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """A real SMTP server, the web app on the example world, and a clock the test moves (`moved[0]`)."""
    monkeypatch.setenv("VIGIE_SECRET_KEY", SECRET)
    fix_today(AS_OF)
    moved = [START]
    with smtp_server(tmp_path) as server:
        config = example_config(tmp_path, port=server.port)
        store = filled_store(config)
        app = create_app(config, store, lambda: AS_OF)
        app.state.web.now = lambda: moved[0]
        with TestClient(app) as client:
            yield client, server, moved
        store.close()


def test_an_address_gets_five_links_an_hour_and_then_the_same_answer_and_nothing(
        renewal, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    client, server, moved = renewal
    with caplog.at_level(logging.WARNING):
        answers = [ask(client, "dev@example.org") for _ in range(7)]
    assert len(server.handler.messages) == 5
    assert len(set(answers)) == 1 and "un nouveau lien vient d" in answers[0]
    refusals = [r.getMessage() for r in caplog.records if "trop de demandes" in r.getMessage()]
    assert len(refusals) == 2 and all("pour cette adresse" in line for line in refusals)
    assert all("dev@example.org" not in r.getMessage() for r in caplog.records)
    moved[0] = START + timedelta(hours=1, minutes=1)
    ask(client, " DEV@example.org ")
    assert len(server.handler.messages) == 6


def test_a_client_asking_for_many_addresses_is_stopped_at_twenty(
        renewal, caplog: pytest.LogCaptureFixture) -> None:  # noqa: ANN001
    client, server, _ = renewal
    for n in range(20):
        ask(client, f"inconnu{n}@example.org")
    with caplog.at_level(logging.WARNING):
        answer = ask(client, "dev@example.org")
    assert server.handler.messages == []
    assert "un nouveau lien vient d" in answer
    assert any("depuis le poste testclient" in r.getMessage() for r in caplog.records)


def test_counts_hold_for_the_hour_even_when_logins_clear_their_own_older_attempts(store: Store) -> None:
    moved = [START]
    renewals = RenewalLimiter(WebQueries(store), lambda: moved[0], per_address=2, per_client=3)
    assert [renewals.refused("a@example.org", "10.0.0.1") for _ in range(3)] == [None, None, ADDRESS_LIMIT]
    moved[0] = START + timedelta(minutes=30)
    # a login clears attempts >15 min old
    LoginLimiter(WebQueries(store), now=lambda: moved[0]).start("alice", "10.0.0.9")
    assert renewals.refused("a@example.org", "10.0.0.2") == ADDRESS_LIMIT
    assert renewals.refused("b@example.org", "10.0.0.1") is None
    assert renewals.refused("c@example.org", "10.0.0.1") == CLIENT_LIMIT
    moved[0] = START + timedelta(minutes=61)
    assert renewals.refused("a@example.org", "10.0.0.1") is None


def test_refused_requests_are_not_counted_so_the_limit_ends_with_the_hour(store: Store) -> None:
    moved = [START]
    renewals = RenewalLimiter(WebQueries(store), lambda: moved[0], per_address=1, per_client=100)
    assert renewals.refused("a@example.org", "10.0.0.1") is None
    moved[0] = START + timedelta(minutes=59)
    assert renewals.refused("a@example.org", "10.0.0.1") == ADDRESS_LIMIT
    moved[0] = START + timedelta(minutes=61)
    assert renewals.refused("a@example.org", "10.0.0.1") is None
