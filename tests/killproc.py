"""Run `vigie` as a real process in its own process group, and SIGKILL the whole group (its children too)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def start_vigie(conf: Path, *args: str, log: Path) -> subprocess.Popen:
    """`python -m vigie --config CONF ARGS…` in a new session (its own process group), output to `log`."""
    env = dict(os.environ, VIGIE_LOG_FILE="", PYTHONUNBUFFERED="1")
    env.pop("VIGIE_CONFIG", None)
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "vigie", "--config", str(conf), *args], cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def run_vigie(conf: Path, *args: str, log: Path, timeout: float = 300) -> int:
    """Run to the end; the exit code."""
    process = start_vigie(conf, *args, log=log)
    try:
        return process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            kill_group(process)


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, read from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the process and every child in its group (`kill -9 -PGID`), and wait until none is left."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while group_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)


def wait_for(condition, timeout: float, what: str) -> None:  # noqa: ANN001 - a callable returning bool
    """Poll until `condition()`; AssertionError naming `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} : rien après {timeout} s"
        time.sleep(0.05)
