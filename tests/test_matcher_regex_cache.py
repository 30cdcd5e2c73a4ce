"""Long regular expressions (spaCy's French tokenizer builds one of 1.4 million characters) are compiled once per
machine: later processes read the compiled program back, and anything unreadable is compiled again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from matcher import regex_cache
from matcher.regex_cache import kept_regexes

WORDS = [f"mot{n}-compose" for n in range(400)]


def long_pattern(tag: str) -> str:
    return f"(?i)(?P<{tag}>" + "|".join(WORDS) + r")\b"


def compiled_elsewhere(pattern: str, folder: Path) -> re.Pattern:
    """As a new process would: nothing in `re`'s own cache."""
    re.purge()
    with kept_regexes(folder):
        return re.compile(pattern)


def test_a_long_pattern_is_read_back_and_matches_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pattern = long_pattern("premier")
    first = compiled_elsewhere(pattern, tmp_path)
    monkeypatch.setattr(regex_cache, "_compile_watched", lambda *a: pytest.fail("compiled again"))
    again = compiled_elsewhere(pattern, tmp_path)
    assert (again.pattern, again.flags, again.groupindex) == (first.pattern, first.flags, first.groupindex)
    for text in ("MOT17-COMPOSE et", "mot399-compose", "mot400-compose", "amot1-compose"):
        assert bool(again.match(text)) == bool(first.match(text)) == bool(re.match(pattern, text))
    assert again.match("Mot3-Compose").group("premier") == "Mot3-Compose"


def test_a_damaged_entry_is_compiled_again(tmp_path: Path):
    pattern = long_pattern("second")
    compiled_elsewhere(pattern, tmp_path)
    [program] = tmp_path.glob("*.bin")
    program.write_bytes(program.read_bytes()[:-8] + b"\xff" * 8)
    assert compiled_elsewhere(pattern, tmp_path).match("mot5-compose")
    assert compiled_elsewhere(pattern, tmp_path).match("mot6-compose")  # rewritten whole


def test_short_patterns_and_unwritable_folders_change_nothing(tmp_path: Path):
    blocked = tmp_path / "fichier"
    blocked.write_text("pas un dossier")
    assert compiled_elsewhere(long_pattern("troisieme"), blocked / "regex").match("mot9-compose")
    assert compiled_elsewhere("court|motif", tmp_path).match("motif")
    assert not list(tmp_path.glob("*.bin"))
