"""The demo run once through the CLI, for the test modules that read what it left."""

from __future__ import annotations

from pathlib import Path

import pytest


def run_demo(factory: pytest.TempPathFactory) -> Path:
    """`vigie demo --dir …` in a fresh folder; the demo's folder (its configuration is in `config/`)."""
    from vigie.cli import main

    directory = factory.mktemp("demo") / "vigie-demo"
    try:
        main(["demo", "--dir", str(directory)])
    except SystemExit as exc:  # pragma: no cover - a failing demo fails every test that uses it
        pytest.fail(f"vigie demo a échoué (code {exc.code})")
    return directory
