"""A sending process killed (`kill -9`) in the middle of the week's letters, then run again: every letter goes
out once, and each chef de projet's letter is planned once, from the week's facts — the porteurs' letters planned
for the week, whether they went out before the crash, after it, or are still put off by the server."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import NOW
from digestworld import example_config, filled_store
from factories import opportunity
from killproc import group_members, kill_group, run_vigie, start_vigie, wait_for
from models.config import load_config
from models.records import MatchResult
from models.store import Store
from smtpserver import smtp_server
from test_send_once_world import (
    AS_OF, CHEFS, WEEK, GreylistHandler, HoldingHandler, is_chef_letter, letters_expected, per_letter, received,
    text_of, write_world,
)
from vigie.context import source_kinds
from vigie.pipeline.weekly import run_weekly

ORDERS = {"chef-first": ("ca-tarbes", "before"), "chef-middle": ("sas-adour", "instead"),
          "chef-last": ("scop-bois", "after")}
"""Where the chef de projet's own porteur letter falls in the batch: 1st; 3rd, her porteur's only letter and the
one the server holds when the sender is killed; last of the porteur letters."""


def held_letter(conf: Path) -> str:
    """The recipient of the letter recorded but not marked sent (the one the killed sender held)."""
    store = Store.open(load_config(conf, source_kinds()).database_url)
    try:
        [held] = [d.recipient for d in store.digests(WEEK) if d.status == "pending"]
    finally:
        store.close()
    return held


def accepted_calls(text: str) -> int:
    """« 12 appels acceptés partent cette semaine » of a chef de projet's letter (0 when it says none)."""
    found = re.search(r"(\d+) appels? acceptés? part", text)
    return int(found.group(1)) if found else 0


@pytest.mark.parametrize(("porteur_id", "place"), list(ORDERS.values()), ids=list(ORDERS))
def test_a_sender_killed_midway_then_run_twice_sends_each_letter_once_and_chefs_hear_of_the_whole_week(
        tmp_path: Path, porteur_id: str, place: str) -> None:
    handler, log = HoldingHandler(accept=2), tmp_path / "envoi.log"
    with smtp_server(tmp_path, handler=handler) as server:
        conf = write_world(tmp_path, f"sqlite:///{tmp_path}/vigie.db", server.port, porteur_id, place)
        sending = start_vigie(conf, "--as-of", AS_OF, "digest", "--send", log=log)
        wait_for(handler.stalled.is_set, 120, "le serveur SMTP n'a jamais retenu le troisième message")
        kill_group(sending)
        assert not group_members(sending.pid)
        handler.greylisted.add(held_letter(conf))  # the relay still puts that letter off at the first rerun
        handler.gate.set()
        for _ in range(2):
            assert run_vigie(conf, "--as-of", AS_OF, "digest", "--send", log=log) == 0, log.read_text("utf-8")
    assert per_letter(handler) == letters_expected(conf), log.read_text("utf-8")
    chefs = {m["To"].addresses[0].addr_spec: accepted_calls(text_of(m)) for m in received(handler) if is_chef_letter(m)}
    assert chefs == {address: 12 for address in CHEFS.values()}  # two porteurs × six calls each, every time


def test_a_chef_letter_put_off_goes_out_later_as_first_planned(tmp_path: Path) -> None:
    handler = GreylistHandler(greylisted={"camille@example.org"})
    with smtp_server(tmp_path, handler=handler) as server:
        config = example_config(tmp_path, port=server.port, max_retries=0)
        store = filled_store(config)
        first = run_weekly(config, store, "2026-W48", date(2026, 11, 23), send=True)
        store.upsert_opportunity(opportunity("aap-2", title="Chaufferies bois des zones d'activités"), NOW)
        store.save_matches([MatchResult(fiche_id="F1", porteur_id="cc-lomagne", source="occitanie",
                                        source_id="aap-2", score=0.9, eligible=True)], {}, NOW)  # to review now
        run_weekly(config, store, "2026-W48", date(2026, 11, 25), send=True)
    assert {o.recipient: o.status for o in first} == {"dev@example.org": "sent", "camille@example.org": "pending"}
    [chef] = [email.message_from_bytes(m, policy=email.policy.default) for m in handler.messages
              if b"camille@example.org" in m.split(b"\r\n\r\n")[0]]
    [recorded] = [d for d in store.digests("2026-W48") if d.recipient == "camille@example.org"]
    assert chef["Message-ID"] == recorded.message_id and recorded.status == "sent"
    assert "à relire" not in chef["Subject"]  # the letter planned on Monday, not one gathered again on Wednesday
    store.close()
