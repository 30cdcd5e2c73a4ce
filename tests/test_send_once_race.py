"""Several senders at once (the scheduler, `vigie digest --send`, the web's « envoyer maintenant »): each letter
is claimed by one of them before it is handed to the server, so every recipient gets exactly one message a
week. Real processes (`vigie digest --send`) against one real SMTP server on 127.0.0.1, on SQLite and
PostgreSQL (skipped, saying why, when no PostgreSQL server answers)."""

from __future__ import annotations

from pathlib import Path

from killproc import kill_group, start_vigie
from models.config import load_config
from models.store import Store
from smtpserver import smtp_server
from test_send_once_world import AS_OF, WEEK, GatheringHandler, letters_expected, per_letter, recipients, write_world
from vigie.context import source_kinds

SENDERS = 4


def run_at_once(conf: Path, folder: Path, count: int) -> list[int]:
    """`vigie digest --send` started `count` times at once; their exit codes."""
    processes = [start_vigie(conf, "-v", "--as-of", AS_OF, "digest", "--send", log=folder / f"envoi-{n}.log")
                 for n in range(count)]
    codes = []
    for process in processes:
        try:
            codes.append(process.wait(timeout=300))
        finally:
            if process.poll() is None:
                kill_group(process)
    return codes


def test_senders_started_at_once_hand_each_letter_over_once(tmp_path: Path, db_url: str) -> None:
    handler = GatheringHandler(expected=SENDERS)
    with smtp_server(tmp_path, handler=handler) as server:
        conf = write_world(tmp_path, db_url, server.port)
        codes = run_at_once(conf, tmp_path, SENDERS)
    logs = "\n".join(p.read_text("utf-8") for p in sorted(tmp_path.glob("envoi-*.log")))
    assert per_letter(handler) == letters_expected(conf), logs
    assert codes == [0] * SENDERS, logs
    store = Store.open(load_config(conf, source_kinds()).database_url)
    letters = store.digests(WEEK)
    store.close()
    assert sorted(d.status for d in letters) == ["sent"] * len(recipients())
    assert all(d.claimed_by is None for d in letters)  # every claim given up once the letter was marked
