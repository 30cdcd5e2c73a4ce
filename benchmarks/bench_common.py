"""What the benchmarks share: the machine and its load beside each figure, commands timed as a user runs them
(wall clock and peak memory of a child process), medians over runs, figures in French.

The load is the 1-minute load average (os.getloadavg) read when each measure ends, beside the CPU count: a
figure taken at load 4 on 2 cores is not a figure taken on an idle machine.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models import display  # noqa: E402


@dataclass(frozen=True)
class Measure:
    """One timed run."""

    seconds: float
    """Wall clock."""
    load: float
    """1-minute load average when the run ended."""
    peak_mib: float | None = None
    """Peak resident memory of the child process (with the descendants it waited for), MiB."""
    output: str = ""
    """What the child printed on its standard output."""
    cpu: float | None = None
    """User + system CPU seconds of the child (with the descendants it waited for): on a loaded machine the wall
    clock grows with the load, the CPU time much less."""
    extra: dict = field(default_factory=dict)
    """Figures the run reported itself (stages, counts)."""
    tree_memory: bool = False
    """`peak_mib` is the process tree's summed PSS (larger than the child's own peak RSS)."""


def load_now() -> float:
    """The 1-minute load average."""
    return os.getloadavg()[0]


def machine() -> str:
    """CPU model, cores, current load and Python version."""
    info = Path("/proc/cpuinfo")
    model = next((line.split(":", 1)[1].strip() for line in info.read_text().splitlines()
                  if line.startswith("model name")), "") if info.exists() else ""
    load = " ; ".join(display.decimal(x) for x in os.getloadavg())
    return (f"{model or platform.processor() or platform.machine()} — {os.cpu_count()} cœurs, charge 1/5/15 min "
            f"{load}, Python {platform.python_version()}")


def vigie_command() -> list[str]:
    """The `vigie` command installed beside this Python (what a user types), else `python -m vigie`."""
    script = Path(sys.executable).parent / "vigie"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vigie"]


def run_timed(argv: Sequence[str], env: dict[str, str] | None = None, check: bool = True) -> Measure:
    """Run a command to its end: wall clock, peak RSS and CPU time, standard output.

    os.wait4 gives the child's own figures and those of the descendants it waited for; processes it starts
    without waiting for them (`vigie crawl`'s crawl processes, forked from a server that exits with it) escape
    it, so the process tree is also sampled from /proc: the memory figure is the larger of the child's peak RSS
    and the tree's sampled peak PSS (summed over its processes, shared pages counted once; `tree_memory` says
    which), CPU the child's plus what the other processes had used when last seen."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(list(argv), stdout=out, stderr=err, env=env, text=True)
        with TreeSampler(child.pid) as tree:
            _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
    if check and child.returncode != 0:
        raise SystemExit(f"échec de la commande mesurée ({' '.join(argv[:4])}…), code {child.returncode} : "
                         f"{last_line(errors)}")
    own, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime + tree.others_cpu()
    return Measure(seconds, load_now(), max(own, tree.peak_mib), output, cpu, tree_memory=tree.peak_mib > own)


def last_line(text: str) -> str:
    """The last line written (a command's error message, without what led to it)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "aucun message"


class TreeSampler:
    """Every `period` seconds, the processes descending from `root` (read from /proc, Linux): the peak of their
    summed PSS and the CPU seconds each had used when last seen. Elsewhere it records nothing."""

    def __init__(self, root: int, period: float = 0.1) -> None:
        self.root, self.period = root, period
        self.peak_mib = 0.0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def __enter__(self) -> TreeSampler:
        if Path("/proc/self/stat").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def others_cpu(self) -> float:
        """CPU seconds of the tree's processes other than the root (whose own figure wait4 gives exactly)."""
        return sum(seconds for pid, seconds in self.cpu.items() if pid != self.root)

    def _sample_until_stopped(self) -> None:
        while not self._stop.wait(self.period):
            stats = _proc_stats()
            tree = _descendants(self.root, stats)
            self.peak_mib = max(self.peak_mib, sum(_pss(pid) for pid in tree) / 2**20)
            self.cpu.update({pid: stats[pid][1] for pid in tree})


def _pss(pid: int) -> int:
    """Proportional set size in bytes (shared pages divided among the processes sharing them: forks of one
    server are not counted several times), 0 once the process is gone."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
    return int(found.group(1)) * 1024 if found else 0


def _proc_stats() -> dict[int, tuple[int, float]]:
    """pid → (parent pid, CPU seconds) of every process /proc shows."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks)
    return stats


def _descendants(root: int, stats: dict[int, tuple[int, float]]) -> set[int]:
    """`root` and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    found, todo = set(), [root] if root in stats else []
    while todo:
        pid = todo.pop()
        found.add(pid)
        todo.extend(children.get(pid, []))
    return found


def seconds(value: float) -> str:
    """1,23 s (two decimals under 10 s, one above)."""
    return f"{display.decimal(value, 2 if value < 10 else 1)} s"


def median(values: Sequence[float]) -> float:
    """Median of the runs."""
    return statistics.median(values)


def load_span(measures: Sequence[Measure]) -> str:
    """« charge 3,10 à 4,20 / 2 cœurs » over the runs of one figure."""
    loads = [m.load for m in measures]
    span = display.decimal(min(loads)) if max(loads) - min(loads) < 0.005 else \
        f"{display.decimal(min(loads))} à {display.decimal(max(loads))}"
    return f"charge {span} / {os.cpu_count()} cœurs"


def figure(label: str, measures: Sequence[Measure], ratio_to: Sequence[Measure] | None = None) -> str:
    """One line: median seconds, each run, median peak memory, the load; ratio to an anchor's median if given."""
    middle = median([m.seconds for m in measures])
    runs = " ; ".join(display.decimal(m.seconds) for m in measures)
    line = f"{label} : {seconds(middle)} (médiane de {len(measures)} : {runs})"
    peaks = [m.peak_mib for m in measures if m.peak_mib is not None]
    cpus = [m.cpu for m in measures if m.cpu is not None]
    if cpus:
        line += f", processeur {display.decimal(median(cpus))} s"
    if peaks:
        tree = any(m.tree_memory for m in measures)
        line += f", pic {'mémoire (PSS des processus)' if tree else 'RSS'} {median(peaks):.0f} Mio"
    if ratio_to:
        line += f", {display.decimal(middle / median([m.seconds for m in ratio_to]), 1)}× la référence"
    return f"{line} — {load_span(measures)}"


def fresh_copy(pristine: Path, into: Path) -> Path:
    """A copy of a prepared folder (configuration and database), so that each run starts from the same state."""
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(pristine, into)
    return into
