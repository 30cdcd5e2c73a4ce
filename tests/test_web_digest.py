"""The web app's digest preview and "send now" go through the notifier shell: what the page shows is what
`vigie digest --dry-run` renders, and "send now" records then sends exactly once, to the configured sender."""

from __future__ import annotations

import email
import html
import re
from email.message import Message

import pytest
from fastapi.testclient import TestClient

from clirun import run_cli
from models.config import VigieConfig
from models.store import Store
from test_web_world import (  # noqa: F401 - fixtures
    AS_OF, client, login, match_id, web_config, web_store, world_dir,
)

WEEK = "2026-W48"


def shown_digest(client: TestClient, porteur: str) -> tuple[str, str] | None:
    """(subject, text) of the preview page, None when it announces nothing."""
    page = client.get(f"/porteurs/{porteur}/apercu").text
    text = re.search(r'<pre class="digest">(.*?)</pre>', page, re.S)
    subject = re.search(r"<strong>Objet :</strong> (.*?)</p>", page)
    return (html.unescape(subject.group(1)), html.unescape(text.group(1))) if text and subject else None


def text_part(message: Message) -> str:
    """The text/plain body of a rendered digest."""
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")


def dry_run(capsys: pytest.CaptureFixture[str], config: VigieConfig, porteur: str) -> list[Message]:
    """`vigie digest --dry-run --porteur P` and the messages it wrote to the preview folder."""
    folder = config.outbox / "apercu" / WEEK
    for old in folder.glob("*.eml") if folder.exists() else []:
        old.unlink()
    result = run_cli(capsys, "--config", str(config.directory), "--as-of", AS_OF.isoformat(), "digest",
                     "--dry-run", "--porteur", porteur)
    assert result.code == 0, result.out + result.err
    return [email.message_from_bytes(p.read_bytes()) for p in sorted(folder.glob("*.eml"))] if folder.exists() else []


def accept(client: TestClient, token: str, store: Store, *source_ids: str) -> None:
    """Accept the world's matches on these calls (the example settings require a review)."""
    ids = [match_id(store, s) for s in source_ids]
    client.post("/file/decision", data={"ids": ids, "action": "accepter", "csrf": token})


def test_the_preview_is_exactly_what_the_dry_run_renders(client: TestClient, web_store: Store, web_config: VigieConfig,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    token = login(client, "camille")
    accept(client, token, web_store, "aap-1", "aap-2")
    shown = shown_digest(client, "cc-lomagne")
    [message] = dry_run(capsys, web_config, "cc-lomagne")
    assert shown is not None and "Réseaux de chaleur biomasse" in shown[1]
    assert shown == (str(email.header.make_header(email.header.decode_header(message["Subject"]))),
                     text_part(message))


def test_the_preview_follows_review_required_like_the_notifier(client: TestClient, web_store: Store,
                                                               web_config: VigieConfig,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    login(client, "camille")
    assert shown_digest(client, "cc-lomagne") is None  # nothing accepted yet: the notifier sends nothing
    assert dry_run(capsys, web_config, "cc-lomagne") == []


def test_send_now_records_then_writes_the_digest_once_and_the_preview_then_leaves_it_out(
        client: TestClient, web_store: Store, web_config: VigieConfig) -> None:
    token = login(client, "camille")
    accept(client, token, web_store, "aap-1")
    first = client.post("/porteurs/cc-lomagne/envoyer", data={"csrf": token})
    again = client.post("/porteurs/cc-lomagne/envoyer", data={"csrf": token})
    digest = web_store.existing_digest("dev@example.org", "porteur", WEEK)
    written = sorted((web_config.outbox / WEEK).glob("*.eml"))
    assert "1 écrite(s) dans la boîte d'envoi" in html.unescape(first.text)
    assert "déjà envoyée(s) cette semaine" in html.unescape(again.text)
    assert digest is not None and digest.status == "sent" and len(written) == 1
    assert shown_digest(client, "cc-lomagne") is None
    assert "déjà été enregistrée pour ce contact (envoyée" in client.get("/porteurs/cc-lomagne/apercu").text


def test_a_call_accepted_after_the_send_is_the_only_news_of_the_next_preview(
        client: TestClient, web_store: Store, web_config: VigieConfig, capsys: pytest.CaptureFixture[str]) -> None:
    token = login(client, "camille")
    accept(client, token, web_store, "aap-1")
    client.post("/porteurs/cc-lomagne/envoyer", data={"csrf": token})
    accept(client, token, web_store, "aap-2")
    subject, text = shown_digest(client, "cc-lomagne")
    [message] = dry_run(capsys, web_config, "cc-lomagne")
    assert "Recyclage des friches" in text and "Réseaux de chaleur biomasse" not in text
    assert text == text_part(message)


def test_a_lecteur_can_preview_but_cannot_send(client: TestClient, web_store: Store) -> None:
    token = login(client, "lea")
    assert client.get("/porteurs/cc-lomagne/apercu").status_code == 200
    assert client.post("/porteurs/cc-lomagne/envoyer", data={"csrf": token}).status_code == 403
    assert web_store.existing_digest("dev@example.org", "porteur", WEEK) is None

