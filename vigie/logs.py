"""Logging: one line per event with key=value context (handlers are configured only here).

Two handlers: the terminal (warnings, everything with -v) and, once the configuration is read, a
rotating file (`[logging]` of settings.toml) in text or JSON Lines. In JSON each `key=value` of the
message also becomes a field of its own, so that `jq 'select(.source == "bpifrance")'` works.
"""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import UTC, datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.config import VigieConfig

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
FILE_HANDLER = "vigie-file"
TERMINAL_HANDLER = "vigie-terminal"
NOISY = ("scrapy", "twisted", "urllib3", "filelock", "alembic")
_PAIR = re.compile(r"(?<![\w.])([a-z_][a-z0-9_]*)=(\"[^\"]*\"|'[^']*'|\S+)")
_RESERVED = {"time", "level", "logger", "message", "exception"}


def context_pairs(message: str) -> dict[str, str]:
    """The `key=value` pairs of a log message (quotes around a value are dropped)."""
    return {key: value.strip("\"'") for key, value in _PAIR.findall(message) if key not in _RESERVED}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO), level, logger, message, the key=value pairs, exception."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "message": message,
        } | context_pairs(message)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def setup_logging(verbose: bool) -> None:
    """The terminal: warnings by default, everything with -v."""
    level = logging.DEBUG if verbose else logging.WARNING
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format=TEXT_FORMAT)
        root.handlers[0].set_name(TERMINAL_HANDLER)
    for handler in root.handlers:
        if handler.get_name() == TERMINAL_HANDLER:
            handler.setLevel(level)
    root.setLevel(level)
    _remove_file_handler(root)
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.WARNING if verbose else logging.ERROR)


def log_file_path(config: VigieConfig) -> Path | None:
    """VIGIE_LOG_FILE, else `[logging] file` resolved against the configuration directory; None: no file."""
    chosen = os.environ.get("VIGIE_LOG_FILE", config.settings.logging.file)
    return config.resolve(chosen) if chosen else None


def setup_file_logging(config: VigieConfig) -> Path | None:
    """Add the rotating log file of `config` (replacing one set up before); returns its path."""
    root = logging.getLogger()
    _remove_file_handler(root)
    settings = config.settings.logging
    path = log_file_path(config)
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=int(settings.max_megabytes * 1024 * 1024),
                                  backupCount=settings.backup_count, encoding="utf-8", delay=True)
    handler.set_name(FILE_HANDLER)
    level = logging.getLevelName(settings.level)
    handler.setLevel(level)
    handler.setFormatter(JsonFormatter() if settings.format == "json" else logging.Formatter(TEXT_FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.WARNING, level))
    return path


def _remove_file_handler(root: logging.Logger) -> None:
    for handler in [h for h in root.handlers if h.get_name() == FILE_HANDLER]:
        root.removeHandler(handler)
        handler.close()
