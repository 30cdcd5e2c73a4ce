"""Reading configuration files while collecting every problem as a `file: key path: message` line."""

from __future__ import annotations

import errno
import logging
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from models.config.messages import Loc, format_loc, toml_problem, validation_problems

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

_OS_ERRORS = {errno.EACCES: "accès refusé", errno.EISDIR: "c'est un dossier", errno.ENOENT: "introuvable"}


class ProblemReport:
    """Problems found in one configuration directory, in the order they were found."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.name = directory.absolute().name or str(directory)
        """First component of every file label: `config/settings.toml`."""
        self.lines: list[str] = []

    def label(self, path: Path) -> str:
        """The file as the user knows it: relative to the parent of the configuration directory."""
        try:
            relative = path.relative_to(self.directory).as_posix()
        except ValueError:
            return path.as_posix()
        return self.name if relative == "." else f"{self.name}/{relative}"

    def add(self, path: Path, where: str | Loc, message: str) -> None:
        """Record one problem; `where` is a key path (dotted text or a location tuple), "" for the file."""
        key = where if isinstance(where, str) else format_loc(where)
        line = f"{self.label(path)}: {key}: {message}" if key else f"{self.label(path)}: {message}"
        if line not in self.lines:
            self.lines.append(line)

    def add_errors(
        self, path: Path, error: ValidationError, model: type[BaseModel],
        prefix: Loc = (), rename: Mapping[str, Loc] | None = None,
    ) -> None:
        """Record every error of a pydantic ValidationError, in French."""
        for key, message in validation_problems(error, model, prefix, rename):
            self.add(path, key, message)

    def read_toml(self, path: Path, required: bool) -> dict[str, Any] | None:
        """The parsed file, or None (with a problem recorded unless it is optional and absent)."""
        if not path.exists():
            if required:
                hint = f"lancez « vigie init {self.directory} » pour créer une configuration d'exemple"
                self.add(path, "", f"fichier manquant ({hint})")
            return None
        text = self._read_text(path)
        if text is None:
            return None
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            self.add(path, "", toml_problem(exc, text))
            return None

    def _read_text(self, path: Path) -> str | None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            reason = _OS_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))
            self.add(path, "", f"fichier illisible ({reason})")
            return None
        try:
            return raw.decode("utf-8-sig")  # tolerate the BOM some Windows editors add
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            byte = raw[exc.start]
            message = f"octet 0x{byte:02X} invalide, le fichier doit être enregistré en UTF-8"
            self.add(path, "", f"ligne {line}: {message}")
            return None

    def load(self, path: Path, model: type[M], required: bool = True) -> M | None:
        """The file read and validated as `model`, or None with its problems recorded."""
        data = self.read_toml(path, required)
        return None if data is None else self.validate(path, model, data)

    def validate(self, path: Path, model: type[M], data: Any, prefix: Loc = ()) -> M | None:
        """`model` validated from `data`, or None with every error recorded."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.add_errors(path, exc, model, prefix)
            return None

    def record(
        self, path: Path, build: Callable[[], T], model: type[BaseModel],
        prefix: Loc = (), rename: Mapping[str, Loc] | None = None,
    ) -> T | None:
        """The record `build()` returns, or None with the record's errors placed at their config keys."""
        try:
            return build()
        except ValidationError as exc:
            self.add_errors(path, exc, model, prefix, rename)
            return None
