"""Reading configuration files while collecting every problem as a `file: key path: message` line."""

from __future__ import annotations

import errno
import logging
import os
import stat
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from models.config.limits import MAX_FILE_BYTES, TOO_DEEP, count_problem, shape_problem, size_problem
from models.config.messages import Loc, format_loc, toml_problem, validation_problems

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

_OS_ERRORS = {errno.EACCES: "accès refusé", errno.EISDIR: "c'est un dossier", errno.ENOENT: "introuvable",
              errno.ELOOP: "lien symbolique en boucle"}


def present(path: Path) -> bool:
    """Whether something is at `path`, a symbolic link that leads nowhere included (it is reported, not skipped)."""
    return path.exists() or path.is_symlink()


def broken_link(path: Path) -> str | None:
    """Why the symbolic link at `path` cannot be followed (a loop, a missing target); None: not a broken link."""
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return ("lien symbolique en boucle : il mène, de lien en lien, à lui-même ; "
                    "faites-le pointer vers un vrai fichier ou dossier")
        return f"lien symbolique cassé : sa cible « {os.readlink(path)} » n'existe pas"
    return None


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

    def check_link(self, path: Path) -> None:
        """Report `path` when it is a symbolic link that cannot be followed (a folder glob would skip it)."""
        link = broken_link(path)
        if link is not None:
            self.add(path, "", link)

    def read_toml(self, path: Path, required: bool) -> dict[str, Any] | None:
        """The parsed file, or None (with a problem recorded unless it is optional and absent)."""
        if not path.exists():
            link = broken_link(path)
            if link is not None:
                self.add(path, "", link)
            elif required:
                hint = f"lancez « vigie init {self.directory} » pour créer une configuration d'exemple"
                self.add(path, "", f"fichier manquant ({hint})")
            return None
        text = self._read_text(path)
        return None if text is None else self._parse(path, text)

    def _parse(self, path: Path, text: str) -> dict[str, Any] | None:
        """The TOML text as data, or None with its problem: syntax, too many values, nested too deep…"""
        too_many = count_problem(text)
        if too_many is not None:
            self.add(path, "", too_many)
            return None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            self.add(path, "", toml_problem(exc, text))
            return None
        except RecursionError:  # lists or inline tables nested thousands deep
            self.add(path, "", TOO_DEEP)
            return None
        shape = shape_problem(data)
        if shape is not None:
            self.add(path, shape[0], shape[1])
            return None
        return data

    def _read_text(self, path: Path) -> str | None:
        try:
            raw = _read_capped(path)
        except OSError as exc:
            reason = _OS_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))
            self.add(path, "", f"fichier illisible ({reason})")
            return None
        except _Refused as refused:
            self.add(path, "", str(refused))
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


class _Refused(Exception):
    """A file Vigie will not read: too large, or not a regular file."""


def _read_capped(path: Path) -> bytes:
    """The file's bytes, refused without reading when it is too large or is not a regular file (a FIFO or a
    device would block or never end); at most the limit plus one byte is read, should the file grow meanwhile."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise _Refused("pas un fichier ordinaire (tube, périphérique…) : remplacez-le par un fichier texte")
    problem = size_problem(info.st_size)
    if problem is None:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        problem = size_problem(len(raw))
    if problem is not None:
        raise _Refused(problem)
    return raw
