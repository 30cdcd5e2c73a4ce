"""`vigie check-config` on sender.public_url: one-click unsubscribe (RFC 8058) needs HTTPS at an address the
recipients reach — a warning (never an error), a softer note for a local address while letters stay local."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import run_cli
from digestworld import example_config
from models.config.public_url import public_url_advice
from models.config.schema import SmtpConfig


def advice(tmp_path: Path, url: str, smtp: bool = False) -> tuple[list[str], list[str]]:
    config = example_config(tmp_path)
    sender = config.settings.sender.model_copy(update={"public_url": url})
    settings = config.settings.model_copy(update={"sender": sender, "smtp": SmtpConfig(host="smtp.example.org") if smtp else None})
    return public_url_advice(config.model_copy(update={"settings": settings}))


@pytest.mark.parametrize(("url", "smtp", "warned", "noted"), [
    ("https://vigie.example.org", True, False, False),
    ("http://vigie.example.org", False, True, False),
    ("http://127.0.0.1:8000", False, False, True),
    ("http://localhost:8000", True, True, False),
], ids=["https", "public-http", "local-outbox-only", "local-with-smtp"])
def test_public_url_advice(tmp_path: Path, url: str, smtp: bool, warned: bool, noted: bool) -> None:
    warnings, notes = advice(tmp_path, url, smtp)
    assert (bool(warnings), bool(notes)) == (warned, noted)
    assert all(line.startswith("conf/settings.toml: sender.public_url: ") for line in warnings + notes)


def test_check_config_warns_on_an_http_public_url_and_still_succeeds(capsys, tmp_path: Path) -> None:  # noqa: ANN001
    conf = tmp_path / "conf"
    run_cli(capsys, "init", str(conf))
    settings = conf / "settings.toml"
    settings.write_text(settings.read_text("utf-8").replace('public_url = "http://127.0.0.1:8000"',
                                                            'public_url = "http://vigie.example.org"'), "utf-8")
    result = run_cli(capsys, "--config", str(conf), "check-config")
    assert result.code == 0
    assert ("avertissement : conf/settings.toml: sender.public_url: « http://vigie.example.org » n'est pas en HTTPS : "
            "la désinscription en un clic des lettres (RFC 8058) exige un lien https://") in result.out
