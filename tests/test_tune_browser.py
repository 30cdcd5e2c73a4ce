"""The tuning page and a match's full computation in a real headless browser (Debian's chromium, Playwright).
Skipped with the reason of tests/browser.py when chromium or playwright is missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import browser, log_in, page, serving, shot, world_app  # noqa: F401 - fixtures (skips without chromium)
from matcher import SimpleAnalyzer
from matcher.engine import MatchEngine
from test_web_world import world_dir  # noqa: F401 - fixture


@pytest.fixture
def served(world_dir: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:  # noqa: F811
    """The app on 127.0.0.1 (OS-chosen port) scoring with the fast test analyzer; yields (url, config folder)."""
    directory = tmp_path / "conf"
    with world_app(world_dir, directory) as (app, _):
        app.state.web.engine = MatchEngine(SimpleAnalyzer())
        with serving(app) as base:
            yield base, directory


def test_an_admin_applies_edits_a_threshold_and_sees_the_diff_before_applying(page, served) -> None:  # noqa: ANN001, F811
    base, directory = served
    log_in(page, base, "alice")
    page.click("a[href='/reglage']")
    assert "vigie tune apply" in page.locator("main").inner_text()
    page.click("button:has-text('Appliquer')")
    assert "Référence enregistrée" in page.locator(".flash").inner_text()
    settings = directory / "settings.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("threshold = 0.03", "threshold = 0.95"),
                        encoding="utf-8")
    page.goto(f"{base}/reglage")
    rows = page.locator("tr.tune-sort")
    assert rows.count() >= 1 and "seuil 0,03 → 0,95" in rows.first.inner_text()
    shot(page, "reglage")


def test_the_full_computation_is_shown_on_the_match_page(page, served) -> None:  # noqa: ANN001, F811
    base, _ = served
    log_in(page, base, "camille")
    page.goto(f"{base}/correspondances/1")
    page.click("text=Afficher le calcul complet du score")
    section = page.locator("section.calcul")
    assert "Fusion" in section.inner_text() and section.locator("mark").count() >= 1
    shot(page, "correspondance-calcul")
