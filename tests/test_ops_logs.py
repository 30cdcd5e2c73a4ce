"""The log file: one line per event with key=value context, text or JSON, rotated by size."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from clirun import run_cli
from models.config import VigieConfig, load_config
from vigie.context import source_kinds
from vigie.defaults import copy_example_config
from vigie.logs import FILE_HANDLER, context_pairs, setup_file_logging


@pytest.fixture(autouse=True)
def no_file_handler_left() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == FILE_HANDLER]:
        root.removeHandler(handler)
        handler.close()


def configured(tmp_path: Path, **logging_settings: object) -> VigieConfig:
    copy_example_config(tmp_path / "conf")
    config = load_config(tmp_path / "conf", source_kinds())
    settings = config.settings.logging.model_copy(update=logging_settings)
    return config.model_copy(update={"settings": config.settings.model_copy(update={"logging": settings})})


@pytest.mark.parametrize(("message", "pairs"), [
    ("crawl done source=bpifrance new=3 error=None", {"source": "bpifrance", "new": "3", "error": "None"}),
    ("x error='délai dépassé : 900 s' y=1", {"error": "délai dépassé : 900 s", "y": "1"}),
    ("digest delivered recipient=a@b.fr", {"recipient": "a@b.fr"}),
    ("pas de contexte", {}),
], ids=["plain", "quoted", "email", "none"])
def test_key_value_context_is_read_from_the_message(message: str, pairs: dict[str, str]) -> None:
    assert context_pairs(message) == pairs


def test_json_lines_carry_the_context_as_fields(tmp_path: Path) -> None:
    path = setup_file_logging(configured(tmp_path, format="json"))
    logging.getLogger("vigie.test").info("crawl done source=%s new=%d", "bpifrance", 3)
    logging.getLogger("vigie.test").debug("below the level source=x")
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len(lines) == 1
    assert lines[0] | {"time": "-"} == {"time": "-", "level": "INFO", "logger": "vigie.test",
                                        "message": "crawl done source=bpifrance new=3", "source": "bpifrance", "new": "3"}


def test_the_file_rotates_at_its_size_and_keeps_backup_count_files(tmp_path: Path) -> None:
    path = setup_file_logging(configured(tmp_path, max_megabytes=0.001, backup_count=2))
    for n in range(100):
        logging.getLogger("vigie.test").warning("event n=%d padding=%s", n, "x" * 40)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["vigie.log", "vigie.log.1", "vigie.log.2"]
    assert "n=99" in path.read_text("utf-8")


def test_vigie_log_file_overrides_the_setting_and_empty_writes_no_file(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIGIE_LOG_FILE", str(tmp_path / "web.log"))
    assert setup_file_logging(configured(tmp_path)) == tmp_path / "web.log"
    monkeypatch.setenv("VIGIE_LOG_FILE", "")
    assert setup_file_logging(configured(tmp_path / "b")) is None
    assert not [h for h in logging.getLogger().handlers if h.get_name() == FILE_HANDLER]


def test_a_command_writes_its_events_to_the_configured_file(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIE_LOG_FILE", raising=False)
    copy_example_config(tmp_path / "conf")
    result = run_cli(capsys, "--config", str(tmp_path / "conf"), "purge")
    assert result.code == 0, result.err
    log = (tmp_path / "conf" / "var" / "log" / "vigie.log").read_text("utf-8")
    assert "INFO vigie.pipeline.retention purge done raw_payloads=0 crawl_runs=0 outbox_files=0" in log
