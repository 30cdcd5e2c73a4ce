"""Long regular expressions compiled once per machine, not once per process: spaCy's French tokenizer builds a
pattern of 1.4 million characters (hyphenated and elided words) that Python takes seconds to compile every time
the model loads, the largest part of loading it.

    with kept_regexes(cache_folder()):
        nlp = spacy.load(...)

Within the block, a pattern of at least `MIN_CHARS` characters is compiled as usual the first time and its
compiled program (the numbers Python's regular expression engine runs) written to the folder; later processes
hand that program to the engine directly. Entries are keyed by the pattern, its flags and the Python version
(a new Python never reads an old program); the engine checks a program before running it, and an entry that
cannot be read or checked is compiled again. A folder that cannot be written costs the time, never the run.
"""

from __future__ import annotations

import array
import hashlib
import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from re import _compiler  # type: ignore[attr-defined]
from typing import Any

logger = logging.getLogger(__name__)

MIN_CHARS = 1_000
"""Shorter patterns compile in well under a millisecond: not worth a file."""
_WORD = array.array("I")
"""The engine's programs are unsigned numbers of its CODESIZE bytes (4): kept only where "I" has that size."""


def cache_folder() -> Path:
    """Where compiled programs are kept: $VIGIE_CACHE_DIR, else the user's cache folder (XDG)."""
    own = os.environ.get("VIGIE_CACHE_DIR")
    base = Path(own) if own else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vigie"
    return base / "regex"


@contextmanager
def kept_regexes(folder: Path) -> Iterator[None]:
    """Within the block, long patterns compiled by `re` are read from or written to `folder`."""
    original = _compiler.compile

    def compile_kept(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str) or len(pattern) < MIN_CHARS or _compiler._sre.CODESIZE != _WORD.itemsize:
            return original(pattern, flags)
        file = folder / f"{_key(pattern, flags)}.json"
        compiled = _read(file, pattern)
        if compiled is None:
            compiled, arguments = _compile_watched(original, pattern, flags)
            if arguments is not None:
                _write(file, arguments)
        return compiled

    _compiler.compile = compile_kept
    try:
        yield
    finally:
        _compiler.compile = original


def _key(pattern: str, flags: int) -> str:
    version = f"{sys.implementation.cache_tag}/{sys.version_info[:3]}/{_compiler._sre.MAGIC}/{flags}"
    return hashlib.sha1(f"{version}\x1f{pattern}".encode()).hexdigest()


def _compile_watched(original: Any, pattern: str, flags: int) -> tuple[Any, tuple | None]:
    """Compile as `re` does, noting what it hands to the engine (`_sre.compile`'s arguments)."""
    engine, seen = _compiler._sre, []

    class Watch:
        def __getattr__(self, name: str) -> Any:
            return getattr(engine, name)

        @staticmethod
        def compile(*arguments: Any) -> Any:
            seen.append(arguments)
            return engine.compile(*arguments)

    _compiler._sre = Watch()
    try:
        compiled = original(pattern, flags)
    finally:
        _compiler._sre = engine
    return compiled, seen[0] if len(seen) == 1 and seen[0][0] == pattern else None


def _read(file: Path, pattern: str) -> Any | None:
    """The compiled pattern from its kept program, None when absent or unusable."""
    try:
        meta, program = file.with_suffix(".json").read_text("utf-8"), file.with_suffix(".bin").read_bytes()
        flags, groups, groupindex, indexgroup, digest = json.loads(meta)
        if hashlib.sha1(program).hexdigest() != digest:
            return None
        code = array.array("I")
        code.frombytes(program)
        return _compiler._sre.compile(pattern, flags, code.tolist(), groups, groupindex, tuple(indexgroup))
    except (OSError, ValueError, TypeError, RuntimeError, OverflowError):
        return None


def _write(file: Path, arguments: tuple) -> None:
    _, flags, code, groups, groupindex, indexgroup = arguments
    try:
        program = array.array("I", code).tobytes()
        meta = [flags, groups, dict(groupindex), list(indexgroup), hashlib.sha1(program).hexdigest()]
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(program)
        os.replace(partial, file.with_suffix(".bin"))
        partial.write_text(json.dumps(meta), "utf-8")
        os.replace(partial, file.with_suffix(".json"))
    except (OSError, ValueError, TypeError, OverflowError) as exc:
        logger.debug("expression compilée non gardée fichier=%s erreur=%s", file, exc)
