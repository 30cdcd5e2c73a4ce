"""`kill -9` of `vigie digest --send` in the middle of a batch, then a rerun: every contact gets exactly one
message. A real SMTP server (aiosmtpd on 127.0.0.1) accepts the first messages, then holds the next
MAIL FROM until the sending process is killed."""

from __future__ import annotations

import email
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

from conftest import NOW
from factories import opportunity
from killproc import group_members, kill_group, run_vigie, start_vigie, wait_for
from models.config import load_config
from models.records import MatchResult
from models.store import Store
from models.vocab import ReviewStatus
from smtpserver import StallingHandler, smtp_server
from test_territories_e2e import DATA
from vigie.context import source_kinds

ACCEPTED_BEFORE_STALL = 2


def configured(tmp_path: Path, port: int) -> Path:
    """The two-territory config sending through the test server, its plan stored, every match accepted."""
    conf = tmp_path / "conf"
    shutil.copytree(DATA, conf)
    with (conf / "settings.toml").open("a", encoding="utf-8") as settings:
        settings.write(f'\n[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\nrate_per_minute = 100000\n'
                       "timeout_seconds = 60\nretry_backoff_seconds = 0\n")
    config = load_config(conf, source_kinds())
    store = Store.open(config.database_url)
    store.import_plan(config.plan, NOW)
    for call in ("chaleur", "friches"):
        store.upsert_opportunity(opportunity(call, source="mte", beneficiaries=["epci", "entreprise"]), NOW)
    results = [MatchResult(fiche_id=f.id, porteur_id=f.porteur_id, source="mte", source_id=call, score=0.8,
                           eligible=True) for f in config.plan.fiches for call in ("chaleur", "friches")]
    store.save_matches(results, {}, NOW)
    for match in store.matches():
        store.review(match.id, ReviewStatus.ACCEPTED, "chef", NOW)
    store.close()
    return conf


def digest_states(config_dir: Path) -> dict[str, int]:
    with sqlite3.connect(config_dir / "var" / "vigie.db") as db:
        return dict(db.execute("select status, count(*) from digest group by status").fetchall())


def recipients(config_dir: Path) -> set[str]:
    config = load_config(config_dir, source_kinds())
    contacts = {c.email for p in config.plan.porteurs for c in p.contacts}
    return contacts | {str(t.chef_de_projet_email) for t in config.plan.territories}


def test_a_digest_batch_killed_midway_then_rerun_gives_every_contact_exactly_one_message(tmp_path: Path) -> None:
    handler = StallingHandler(accept=ACCEPTED_BEFORE_STALL)
    log = tmp_path / "digest.log"
    with smtp_server(tmp_path, handler=handler) as server:
        conf = configured(tmp_path, server.port)
        sending = start_vigie(conf, "--as-of", "2026-11-23", "digest", "--send", log=log)
        wait_for(handler.stalled.is_set, 120, "le serveur SMTP n'a jamais été mis en attente")
        kill_group(sending)
        assert not group_members(sending.pid)
        assert len(handler.messages) == ACCEPTED_BEFORE_STALL, log.read_text("utf-8")
        assert digest_states(conf) == {"sent": ACCEPTED_BEFORE_STALL, "pending": 1}  # recorded, not yet sent
        handler.gate.set()
        assert run_vigie(conf, "--as-of", "2026-11-23", "digest", "--send", log=log) == 0, log.read_text("utf-8")
        assert run_vigie(conf, "--as-of", "2026-11-23", "digest", "--send", log=log) == 0
    received = [email.message_from_bytes(m) for m in handler.messages]
    per_recipient = Counter(email.utils.parseaddr(m["To"])[1] for m in received)
    assert per_recipient == Counter(recipients(conf))  # five contacts and chefs, one message each
    assert len({m["Message-ID"] for m in received}) == len(received)
