"""Where `vigie tune apply` keeps the applied reference and its journal: `var/tune/` of the configuration folder.

`vigie tune` (vigie.tune.reference) writes them; the chef de projet's weekly digest reads the journal to say
that a matching configuration was applied. Both find the files here, so the digest needs nothing of `vigie tune`.
"""

from __future__ import annotations

import json
from pathlib import Path


def tune_dir(config_dir: Path) -> Path:
    """Where Vigie keeps the applied reference and its journal."""
    return config_dir / "var" / "tune"


def journal_path(config_dir: Path) -> Path:
    """The journal: one JSON line per `apply`, with when, who and the effect."""
    return tune_dir(config_dir) / "journal.jsonl"


def journal(config_dir: Path) -> list[dict]:
    """Every `apply`, oldest first."""
    path = journal_path(config_dir)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
