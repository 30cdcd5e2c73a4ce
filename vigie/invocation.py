"""Commands printed for people to type: they must work as printed, virtualenv activated or not."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Callable
from pathlib import Path


def shown_path(path: Path, cwd: Path | None = None) -> str:
    """`path` as typed from `cwd`: relative when inside it, absolute otherwise, quoted for the shell."""
    cwd = Path.cwd() if cwd is None else cwd
    absolute = Path(os.path.normpath(path if path.is_absolute() else cwd / path))  # symlinks kept as typed
    try:
        text = absolute.relative_to(cwd).as_posix()
    except ValueError:
        return shlex.quote(str(absolute))
    return shlex.quote(text)


def vigie_command(argv0: str | None = None, cwd: Path | None = None, executable: str | None = None,
                  which: Callable[[str], str | None] = shutil.which) -> str:
    """How to run this very Vigie again from `cwd`: `vigie` when the shell finds this executable on its PATH,
    else the executable's path (`.venv/bin/vigie` from the project root), else `python -m vigie`."""
    cwd = Path.cwd() if cwd is None else cwd
    running = Path(sys.argv[0] if argv0 is None else argv0)
    running = running if running.is_absolute() else cwd / running
    python = Path(executable or sys.executable)
    python = python if python.is_absolute() else cwd / python
    if running.name != "vigie" or not running.is_file():  # `python -m vigie`, a test runner…
        running = python.with_name("vigie")  # the console script installed beside this interpreter
        if not running.is_file():
            return f"{shown_path(python, cwd)} -m vigie"
    found = which("vigie")
    if found and os.path.samefile(found, running):
        return "vigie"
    shown = shown_path(running, cwd)
    return shown if "/" in shown else f"./{shown}"  # a bare name would be looked up on the PATH
