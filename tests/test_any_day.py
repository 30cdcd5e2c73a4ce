"""Vigie tells the same story whatever day it runs: "today" comes from --as-of / VIGIE_AS_OF, else the clock.

The demo runs twice in real processes: once on the machine's clock, once with the system clock a year
and a half ahead (libfaketime, Debian's `faketime`, installed by `make setup`). Both are "as of" the
demo's Monday, so their letters must be the same letters, word for word once volatile tokens are masked.
"""

from __future__ import annotations

import email
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path

import pytest
from itsdangerous.encoding import base64_decode, bytes_to_int

from vigie.pipeline import clock

ROOT = Path(__file__).resolve().parent.parent
VOLATILE = re.compile(r"(/desabonnement/|/calendrier/|token=|jeton=)[\w.\-~%]+|<[^<>@\s]+@[^<>\s]+>")
PERSONAL = re.compile(r"/(espace|reponse)/([\w\-]+)\.([\w\-]+)\.[\w\-]+")
"""A personal link is payload.timestamp.signature (itsdangerous). Each demo run signs with its own random key, and
a match's row id depends on the order matches were stored: the link is shown as what it opens (contact,
generation, answer) and the day it is dated, which must be the letter's day whatever the clock says."""


def personal(link: re.Match[str]) -> str:
    """A personal link without its signature nor its match's row id (the call it answers is the line above)."""
    payload = json.loads(base64_decode(link[2]))
    payload.pop("m", None)
    dated = datetime.fromtimestamp(bytes_to_int(base64_decode(link[3])), clock.PARIS)
    return f"/{link[1]}/{json.dumps(payload, sort_keys=True)} du {dated:%d/%m/%Y %H:%M}"


def run_demo(directory: Path, faked: str | None) -> None:
    """`vigie demo --dir DIRECTORY` in its own process, under faketime when `faked` is given."""
    env = {k: v for k, v in os.environ.items() if k != "VIGIE_AS_OF"}
    command = [sys.executable, "-m", "vigie", "demo", "--dir", str(directory)]
    if faked:
        command = ["faketime", "-f", faked, *command]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def letters(directory: Path) -> dict[str, str]:
    """Each letter of the outbox: file name without its time stamp → subject and plain body, tokens masked."""
    found = {}
    for path in sorted((directory / "config" / "var" / "outbox").rglob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        body = message.get_body(("plain",)).get_content()
        key = re.sub(r"_\d{8}T?\d*.*$", "", path.stem)
        found[key] = PERSONAL.sub(personal, VOLATILE.sub("<masqué>", f"{message['Subject']}\n{body}"))
    return found


@pytest.mark.skipif(shutil.which("faketime") is None,
                    reason="faketime absent (apt-get install faketime, fait par « make setup ») : "
                           "test de la démo un an plus tard sauté")
def test_the_demo_writes_the_same_letters_with_the_clock_far_ahead(tmp_path: Path) -> None:
    run_demo(tmp_path / "today", None)
    run_demo(tmp_path / "later", "+540d")
    now, later = letters(tmp_path / "today"), letters(tmp_path / "later")
    assert now and set(later) == set(now)
    chef = next(text for name, text in later.items() if "chef-" in name)
    assert "nouveaux appels :" in chef
    assert any("/espace/" in text and "/reponse/" in text for text in now.values())
    assert any("du 23/11/2026 00:00" in text for text in now.values())
    assert later == now


def test_a_fixed_day_dates_every_stored_timestamp_on_that_day() -> None:
    clock.fix_today(date(2026, 11, 23))
    stamp = clock.utcnow()
    assert stamp.tzinfo is UTC and stamp.astimezone(clock.PARIS).date() == date(2026, 11, 23)
    assert clock.today() == date(2026, 11, 23) and clock.is_fixed()
    clock.fix_today(None)
    assert abs((clock.utcnow() - datetime.now(UTC)).total_seconds()) < 5 and not clock.is_fixed()


def test_the_cli_fixes_the_day_for_the_whole_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from vigie.context import AppContext

    monkeypatch.setenv("VIGIE_AS_OF", "2031-02-03")
    AppContext(config_option=tmp_path)
    assert clock.today() == date(2031, 2, 3)
    assert clock.utcnow().astimezone(clock.PARIS).date() == date(2031, 2, 3)
