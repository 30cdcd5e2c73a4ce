"""The commands Vigie prints for people to type work as printed, virtualenv activated or not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vigie.invocation import shown_path, vigie_command


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with a virtualenv holding the `vigie` console script."""
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "vigie").write_text("#!/bin/sh\n")
    (tmp_path / ".venv" / "bin" / "python").write_text("")
    return tmp_path


def test_the_script_of_a_virtualenv_not_activated_is_named_by_its_path(project: Path) -> None:
    assert vigie_command(".venv/bin/vigie", project, which=lambda _: None) == ".venv/bin/vigie"


def test_the_script_found_on_the_path_is_just_vigie(project: Path) -> None:
    found = str(project / ".venv" / "bin" / "vigie")
    assert vigie_command(".venv/bin/vigie", project, which=lambda _: found) == "vigie"


def test_another_vigie_on_the_path_does_not_hide_this_one(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    other = tmp_path_factory.mktemp("ailleurs") / "vigie"
    other.write_text("#!/bin/sh\n")
    assert vigie_command(".venv/bin/vigie", project, which=lambda _: str(other)) == ".venv/bin/vigie"


def test_python_dash_m_vigie_names_the_script_beside_the_interpreter(project: Path) -> None:
    python = str(project / ".venv" / "bin" / "python")
    assert vigie_command("/src/vigie/__main__.py", project, python, which=lambda _: None) == ".venv/bin/vigie"


def test_from_another_folder_the_path_is_absolute(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("ailleurs")
    script = project / ".venv" / "bin" / "vigie"
    assert vigie_command(str(script), elsewhere, which=lambda _: None) == str(script)


@pytest.mark.parametrize(("path", "expected"), [
    ("vigie-demo/config", "vigie-demo/config"),
    ("mes démos/config", "'mes démos/config'"),
], ids=["inside", "quoted-for-the-shell"])
def test_a_path_inside_the_current_folder_is_shown_relative(tmp_path: Path, path: str, expected: str) -> None:
    assert shown_path(tmp_path / path, tmp_path) == expected


def test_init_tells_the_next_step_as_a_command_that_works_from_here(tmp_path: Path) -> None:
    """`vigie init` run through the virtualenv's script, not on the PATH, names that script in its hint."""
    script = Path(sys.executable).with_name("vigie")
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env["PATH"] = "/usr/bin:/bin"
    out = subprocess.run([str(script), "init", str(tmp_path / "conf")], cwd=script.parent.parent.parent, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    hint = [line for line in out.stdout.splitlines() if line.startswith("Étape suivante")]
    shown = os.path.relpath(script, script.parent.parent.parent)
    assert hint == [f"Étape suivante : {shown} --config {tmp_path / 'conf'} check-config"]
