"""Who may hand a letter over: one sender at a time, whatever runs at once (the scheduler, `vigie digest --send`,
the web's « envoyer maintenant », on one machine or several).

A sender claims a letter with one conditional UPDATE (only a letter still pending and free can be taken: the
database lets exactly one claimant win, on SQLite and PostgreSQL) before it renders and hands it over, and marks
it sent as soon as the server took it. A claim names its holder (machine, process, run) and ends at a lease.
A claim whose holder is a process of this machine that no longer runs (killed) is taken over at once; one held
from another machine, only when its lease is over. Taking over a letter that the dead holder had handed to the
server just before dying sends it a second time, with the same Message-ID: the one duplicate left possible.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from models.config.schema import SmtpConfig

MIN_LEASE = timedelta(minutes=15)
"""The shortest lease: far longer than handing one message over takes."""


@dataclass(frozen=True)
class Holder:
    """A sender: the machine and process it runs in, and a run id (two runs of one web process are two)."""

    host: str
    pid_namespace: str
    """The process-id namespace (/proc/self/ns/pid): two containers of one machine may share a host name."""
    pid: int
    started: str
    """The process's start time in clock ticks since boot (a pid reused by a later process differs)."""
    run: str

    def __str__(self) -> str:
        return "|".join((self.host, self.pid_namespace, str(self.pid), self.started, self.run))


def this_holder() -> Holder:
    """A new holder id for a run of this process."""
    return Holder(socket.gethostname(), _pid_namespace(), os.getpid(), start_ticks(os.getpid()) or "",
                  uuid.uuid4().hex[:12])


def parse_holder(text: str | None) -> Holder | None:
    """The holder stored on a letter (None when unreadable)."""
    parts = (text or "").split("|")
    if len(parts) != 5 or not parts[2].isdigit():
        return None
    return Holder(parts[0], parts[1], int(parts[2]), parts[3], parts[4])


def is_dead(holder: Holder, me: Holder) -> bool:
    """The holder is a process of this machine (same host and pid namespace) that no longer runs; a holder on
    another machine is never known dead here: its lease decides."""
    if (holder.host, holder.pid_namespace) != (me.host, me.pid_namespace) or not holder.pid_namespace:
        return False
    return start_ticks(holder.pid) != holder.started


def lease_for(smtp: SmtpConfig | None) -> timedelta:
    """How long a claim holds: three times the longest a live sender may spend on one message (every try
    timing out on connect and on send, with the pauses between), never less than MIN_LEASE."""
    if smtp is None:
        return MIN_LEASE
    tries = smtp.max_retries + 1
    per_try = (tries + 3) * smtp.timeout_seconds  # connecting (itself retried), then MAIL, RCPT and DATA
    pauses = smtp.retry_backoff_seconds * (2 ** tries - 1)  # between tries, and between connection attempts
    longest = timedelta(seconds=tries * per_try + 2 * pauses)
    return max(MIN_LEASE, 3 * longest)


def _pid_namespace() -> str:
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:
        return ""  # no /proc: liveness cannot be told here, leases alone decide


def start_ticks(pid: int) -> str | None:
    """Field 22 of /proc/PID/stat (start time since boot), None when no such process runs (a zombie is dead)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return None if fields[0] in ("Z", "X") else fields[19]
