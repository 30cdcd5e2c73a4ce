"""The process ends as a normal exit would end it, without the interpreter's teardown (vigie.leave)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize(("code", "status", "stderr"), [
    ("None", 0, ""),
    ("0", 0, ""),
    ("3", 3, ""),
    ("'arrêt demandé'", 1, "arrêt demandé"),
])
def test_status_is_the_one_sys_exit_gives(code: str, status: int, stderr: str) -> None:
    done = run_python(f"from vigie.leave import leave\nleave({code})")
    assert done.returncode == status
    assert done.stderr.strip() == stderr


def test_unflushed_output_and_exit_functions_are_not_lost() -> None:
    done = run_python(
        "import atexit, sys\n"
        "from vigie.leave import leave\n"
        "atexit.register(lambda: print('fonction de sortie', file=sys.stderr))\n"
        "sys.stdout.write('sans fin de ligne')\n"
        "leave(0)\n"
    )
    assert (done.returncode, done.stdout, done.stderr.strip()) == (0, "sans fin de ligne", "fonction de sortie")


def test_teardown_is_skipped() -> None:
    """An object freed at teardown would speak; after `leave` it does not (the teardown did not run)."""
    done = run_python(
        "import sys\n"
        "from vigie.leave import leave\n"
        "class Loud:\n"
        "    def __del__(self):\n"
        "        sys.stderr.write('libéré')\n"
        "kept = Loud()\n"
        "leave(0)\n"
    )
    assert done.returncode == 0 and "libéré" not in done.stderr
    usual = run_python("import sys\nclass Loud:\n    def __del__(self):\n        sys.stderr.write('libéré')\nkept = Loud()\n")
    assert "libéré" in usual.stderr  # the probe is sound: a normal exit frees it


def test_a_running_thread_is_waited_for() -> None:
    done = run_python(
        "import threading, time\n"
        "from vigie.leave import leave\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    print('fil terminé', flush=True)\n"
        "threading.Thread(target=late).start()\n"
        "leave(4)\n"
    )
    assert (done.returncode, done.stdout.strip()) == (4, "fil terminé")


def test_the_console_script_and_module_leave_this_way() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["vigie"] == "vigie.cli:run"
    done = subprocess.run([sys.executable, "-m", "vigie", "commande-inexistante"], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 2 and "commande-inexistante" in done.stderr
    done = subprocess.run([sys.executable, "-m", "vigie", "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and "Utilisation : vigie" in done.stdout
