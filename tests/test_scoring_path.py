"""One way to score the stored calls: `vigie match` and `vigie tune` share vigie.pipeline.scoring, and the match
shell does not lean on the tuning tools (tune is built on the pipeline, not the other way round)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (imports inside functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_pipeline_imports_nothing_of_the_tuning_tools():
    leaning = {path.name: sorted(m for m in imported_modules(path) if m == "vigie.tune" or m.startswith("vigie.tune."))
               for path in sorted((ROOT / "vigie" / "pipeline").glob("*.py"))}
    assert {name: modules for name, modules in leaning.items() if modules} == {}


def test_match_and_the_tune_bench_load_and_score_through_the_same_functions():
    for path in (ROOT / "vigie" / "pipeline" / "match.py", ROOT / "vigie" / "tune" / "bench.py"):
        assert "vigie.pipeline.scoring" in imported_modules(path), path.name
        assert "matcher.pipeline" not in imported_modules(path), path.name
