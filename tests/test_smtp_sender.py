"""The SMTP sender against a real server on 127.0.0.1: plain, STARTTLS and TLS, AUTH, 4xx retried, 5xx."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from factories import opportunity
from models.config.schema import SenderConfig, SmtpConfig
from models.records import ContactData, PorteurData
from notifier import DigestContent, DigestEntry, RenderedDigest, render_digest
from notifier.delivery import PERMANENT, SENT, TEMPORARY
from notifier.smtp import SmtpError, SmtpSender
from smtpserver import LOGIN, PASSWORD, Handler, free_port, smtp_server

ENV = {"SMTP_USER": LOGIN, "SMTP_PASSWORD": PASSWORD}


def digest_for(address: str = "claire@example.org", number: int = 1) -> RenderedDigest:
    """A one-call digest to `address`."""
    entry = DigestEntry(opportunity(), "F1", "Réseau de chaleur", 0.8, ["termes : « chaufferie »"], "nouveaux")
    porteur = PorteurData(id="cc-lomagne", nom="CC de la Lomagne", type="epci", territoire="gers-lomagne")
    content = DigestContent(porteur, ContactData(email=address, nom="Claire"), "2026-W48", date(2026, 11, 23),
                            [entry], "https://vigie.example.org/desabonnement/jeton")
    return render_digest(content, SenderConfig(), f"digest-{number}@example.org",
                         sent_at=datetime(2026, 11, 23, 7, tzinfo=UTC))


def config(port: int, security: str = "none", **changes: Any) -> SmtpConfig:
    values: dict[str, Any] = dict(host="127.0.0.1", port=port, security=security, retry_backoff_seconds=0,
                                  rate_per_minute=100_000, timeout_seconds=5)
    return SmtpConfig(**(values | changes))


def test_a_digest_goes_through_a_full_smtp_conversation_with_its_message_id(tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server, SmtpSender(config(server.port)) as sender:
        delivery = sender.deliver(digest_for())
    assert delivery.status == SENT
    received = email.message_from_bytes(server.handler.messages[0])
    assert received["Message-ID"] == "<digest-1@example.org>"
    assert server.handler.recipients == [["claire@example.org"]]


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_digest_is_sent_over_tls_after_logging_in(tmp_path: Path, security: str) -> None:
    with smtp_server(tmp_path, security, auth=True) as server:
        settings = config(server.port, security, username_env="SMTP_USER", password_env="SMTP_PASSWORD",
                          ca_file=str(server.ca_file))
        with SmtpSender(settings, environ=ENV) as sender:
            assert sender.deliver(digest_for()).status == SENT
    assert len(server.handler.messages) == 1


def test_a_refused_password_stops_the_batch_with_a_french_error(tmp_path: Path) -> None:
    with smtp_server(tmp_path, "starttls", auth=True) as server:
        settings = config(server.port, "starttls", username_env="SMTP_USER", password_env="SMTP_PASSWORD",
                          ca_file=str(server.ca_file))
        with SmtpSender(settings, environ=ENV | {"SMTP_PASSWORD": "faux"}) as sender, \
                pytest.raises(SmtpError, match="identifiant ou mot de passe refusé"):
            sender.deliver(digest_for())
    assert server.handler.messages == []


def test_an_untrusted_certificate_is_refused(tmp_path: Path) -> None:
    with smtp_server(tmp_path, "starttls") as server, SmtpSender(config(server.port, "starttls")) as sender, \
            pytest.raises(SmtpError, match="serveur SMTP injoignable"):
        sender.deliver(digest_for())


def test_missing_credentials_are_reported_before_connecting() -> None:
    settings = config(free_port(), username_env="SMTP_USER", password_env="SMTP_PASSWORD")
    with pytest.raises(SmtpError, match="SMTP_PASSWORD"):
        SmtpSender(settings, environ={"SMTP_USER": LOGIN})


def test_a_temporary_refusal_is_retried_then_succeeds(tmp_path: Path) -> None:
    with smtp_server(tmp_path, handler=Handler(busy=2)) as server, SmtpSender(config(server.port)) as sender:
        delivery = sender.deliver(digest_for())
    assert delivery.status == SENT and len(server.handler.messages) == 1


def test_a_server_busy_past_every_retry_leaves_the_message_temporary(tmp_path: Path) -> None:
    with smtp_server(tmp_path, handler=Handler(busy=9)) as server, \
            SmtpSender(config(server.port, max_retries=1)) as sender:
        delivery = sender.deliver(digest_for())
    assert delivery.status == TEMPORARY and "451" in delivery.error and "2 essais" in delivery.error


def test_a_refused_recipient_is_permanent_and_the_batch_goes_on(tmp_path: Path) -> None:
    handler = Handler(refused={"parti@example.org"})
    with smtp_server(tmp_path, handler=handler) as server, SmtpSender(config(server.port)) as sender:
        refused = sender.deliver(digest_for("parti@example.org"))
        accepted = sender.deliver(digest_for("claire@example.org", 2))
    assert refused.status == PERMANENT and refused.error.startswith("destinataire refusé : 550 5.1.1")
    assert accepted.status == SENT and len(server.handler.messages) == 1


def test_one_connection_carries_the_whole_batch(tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server, SmtpSender(config(server.port)) as sender:
        sender.deliver(digest_for(number=1))
        first = sender.connection
        sender.deliver(digest_for(number=2))
        assert sender.connection is first
    assert len(server.handler.messages) == 2


def test_the_rate_limit_spaces_messages(tmp_path: Path) -> None:
    pauses: list[float] = []
    with smtp_server(tmp_path) as server, \
            SmtpSender(config(server.port, rate_per_minute=120), sleep=pauses.append) as sender:
        for number in range(3):
            sender.deliver(digest_for(number=number + 1))
    assert len(pauses) == 2 and all(0.3 < p <= 0.5 for p in pauses)


def test_an_unreachable_server_is_a_french_error_after_retries() -> None:
    with SmtpSender(config(free_port(), max_retries=1)) as sender, pytest.raises(SmtpError, match="injoignable"):
        sender.deliver(digest_for())
