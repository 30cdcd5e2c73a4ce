"""Leaving the `vigie` process once its command is done, without freeing one by one what the command built.

A `vigie match` holds millions of small objects (analysed words, documents, results); at a normal exit the
interpreter frees each of them before the process ends: seconds of work whose result the system throws away at
once. `leave` does what a normal exit does that anyone can observe — the exit functions (`atexit`: log files,
temporary folders, multiprocessing helpers), the flushing of standard output and error, the exit status of
`sys.exit` — then ends the process directly. While a thread the interpreter would wait for is still running,
it exits the usual way.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn


def leave(code: object = None) -> NoReturn:
    """End the process with the status `sys.exit(code)` would give (None: 0; an int: itself; anything else:
    written to standard error, status 1)."""
    if _waited_threads():
        sys.exit(code)
    status = _status(code)
    atexit._run_exitfuncs()  # noqa: SLF001 - the exit functions, as the interpreter runs them at exit
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`vigie match | head`) or stream: nothing more to write
            pass
    os._exit(status)


def _status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        print(code, file=sys.stderr)
    except (OSError, ValueError):
        pass
    return 1


def _waited_threads() -> bool:
    """Whether a thread other than this one would make a normal exit wait (a non-daemon thread still alive)."""
    current = threading.current_thread()
    return any(t is not current and not t.daemon and t.is_alive() for t in threading.enumerate())
