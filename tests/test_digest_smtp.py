"""Digests over a real SMTP server: exactly once through crashes and temporary failures, bounces recorded."""

from __future__ import annotations

import email
import email.policy
from datetime import date
from pathlib import Path

import pytest

from digestworld import example_config, filled_store
from models.store import WebQueries
from notifier.smtp import SmtpError
from smtpserver import Handler, free_port, smtp_server
from vigie.pipeline.weekly import run_weekly

AS_OF, WEEK = date(2026, 11, 23), "2026-W48"


def test_the_weeks_digests_go_out_over_smtp_with_their_recorded_message_ids(tmp_path: Path) -> None:
    with smtp_server(tmp_path) as server:
        config = example_config(tmp_path, port=server.port)
        store = filled_store(config)
        outcomes = run_weekly(config, store, WEEK, AS_OF, send=True)
        again = run_weekly(config, store, WEEK, AS_OF, send=True)
    assert sorted(o.status for o in outcomes) == ["sent", "sent"]
    assert [o.status for o in again] == ["already_sent", "already_sent"]
    received = {email.message_from_bytes(m)["To"]: email.message_from_bytes(m) for m in server.handler.messages}
    assert set(received) == {"Claire <dev@example.org>", "Camille Dufour <camille@example.org>"}
    recorded = {d.recipient: d.message_id for d in store.digests(WEEK)}
    assert received["Claire <dev@example.org>"]["Message-ID"] == recorded["dev@example.org"]
    assert not list(tmp_path.glob("conf/var/outbox/**/*.eml"))
    store.close()


def test_a_server_down_between_record_and_send_leaves_it_pending_and_a_rerun_sends_it_once(tmp_path: Path) -> None:
    port = free_port()
    config = example_config(tmp_path, port=port, max_retries=0)
    store = filled_store(config)
    with pytest.raises(SmtpError, match="serveur SMTP injoignable"):
        run_weekly(config, store, WEEK, AS_OF, send=True)
    [pending] = store.digests(WEEK)
    assert pending.status == "pending"
    with smtp_server(tmp_path, port=port) as server:
        run_weekly(config, store, WEEK, AS_OF, send=True)
        run_weekly(config, store, WEEK, AS_OF, send=True)
    to_claire = [m for m in server.handler.messages if b"dev@example.org" in m.split(b"\r\n\r\n")[0]]
    assert len(to_claire) == 1
    assert email.message_from_bytes(to_claire[0])["Message-ID"] == pending.message_id
    store.close()


def test_a_temporary_failure_past_the_retries_stays_pending_then_goes_once(tmp_path: Path) -> None:
    with smtp_server(tmp_path, handler=Handler(busy=2)) as server:
        config = example_config(tmp_path, port=server.port, max_retries=1)
        store = filled_store(config)
        first = run_weekly(config, store, WEEK, AS_OF, send=True, porteur_id="cc-lomagne")
        second = run_weekly(config, store, WEEK, AS_OF, send=True, porteur_id="cc-lomagne")
    assert [o.status for o in first] == ["pending"] and "451" in first[0].error
    assert [o.status for o in second] == ["sent"] and len(server.handler.messages) == 1
    store.close()


def test_a_refused_address_is_kept_on_the_contact_and_told_to_the_chef_de_projet(tmp_path: Path) -> None:
    with smtp_server(tmp_path, handler=Handler(refused={"dev@example.org"})) as server:
        config = example_config(tmp_path, port=server.port)
        store = filled_store(config)
        outcomes = run_weekly(config, store, WEEK, AS_OF, send=True)
        rerun = run_weekly(config, store, WEEK, AS_OF, send=True, porteur_id="cc-lomagne")
    assert {o.recipient: o.status for o in outcomes} == {"dev@example.org": "failed", "camille@example.org": "sent"}
    assert [o.status for o in rerun] == ["failed"]
    [contact] = store.contacts("cc-lomagne")
    assert contact.last_error.startswith("destinataire refusé : 550 5.1.1")
    [chef] = [email.message_from_bytes(m, policy=email.policy.default) for m in server.handler.messages]
    text = chef.get_body(("plain",)).get_content()
    assert "ADRESSES EN ÉCHEC" in text and "dev@example.org (CC de la Lomagne) : destinataire refusé : 550" in text
    store.close()


def test_a_refused_address_is_recorded_once_and_not_submitted_again_until_the_contact_is_edited(tmp_path: Path) -> None:
    handler = Handler(refused={"dev@example.org"})
    with smtp_server(tmp_path, handler=handler) as server:
        config = example_config(tmp_path, port=server.port)
        store = filled_store(config)
        run_weekly(config, store, WEEK, AS_OF, send=True)
        later = run_weekly(config, store, "2027-W01", date(2027, 1, 4), send=True)  # the call is 11 days off
        assert handler.submitted.count("dev@example.org") == 1 and len(server.handler.messages) == 2  # chef only
        assert {o.recipient: o.status for o in later}["dev@example.org"] == "blocked"
        assert [d.status for d in store.digests() if d.recipient == "dev@example.org"] == ["failed"]
        [contact] = store.contacts("cc-lomagne")
        handler.refused.clear()
        # the chef confirms
        WebQueries(store).save_contact("cc-lomagne", contact.email, contact.nom, contact.role, contact.id)
        fixed = run_weekly(config, store, "2027-W02", date(2027, 1, 11), send=True, porteur_id="cc-lomagne")
    assert [o.status for o in fixed] == ["sent"] and store.contacts("cc-lomagne")[0].last_error is None
    letter = email.message_from_bytes(server.handler.messages[-1], policy=email.policy.default)
    assert "NOUVEAUX APPELS" in letter.get_body(("plain",)).get_content()  # the refused letter told nothing
    store.close()


def test_a_letter_still_pending_when_its_week_is_over_is_never_sent_late_and_its_calls_go_in_the_next(
        tmp_path: Path) -> None:
    with smtp_server(tmp_path, handler=Handler(busy=1)) as server:
        config = example_config(tmp_path, port=server.port, max_retries=0)
        store = filled_store(config)
        [first] = run_weekly(config, store, WEEK, AS_OF, send=True, porteur_id="cc-lomagne")
        later = run_weekly(config, store, "2026-W49", date(2026, 11, 30), send=True, porteur_id="cc-lomagne")
    assert first.status == "pending"
    assert [d.status for d in store.digests(WEEK)] == ["expired"]
    assert [o.status for o in later] == ["sent"] and len(server.handler.messages) == 1
    letter = email.message_from_bytes(server.handler.messages[0], policy=email.policy.default)
    assert letter["Message-ID"] != store.digests(WEEK)[0].message_id  # this week's letter, not last week's
    assert "NOUVEAUX APPELS" in letter.get_body(("plain",)).get_content()  # the calls it never told
    store.close()


def test_the_chef_de_projet_hears_only_of_the_letters_that_went_out(tmp_path: Path) -> None:
    with smtp_server(tmp_path, handler=Handler(refused={"dev@example.org"})) as server:
        config = example_config(tmp_path, port=server.port)
        store = filled_store(config)
        run_weekly(config, store, WEEK, AS_OF, send=True)
    [chef] = [email.message_from_bytes(m, policy=email.policy.default) for m in server.handler.messages]
    text = chef.get_body(("plain",)).get_content()
    assert "dev@example.org (CC de la Lomagne) : destinataire refusé" in text
    assert "partent cette semaine" not in text and "part cette semaine" not in text  # its only letter was refused
    store.close()
