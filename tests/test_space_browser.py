"""The porteurs' space in Debian's chromium (Playwright) on a 360 px phone and a 1280 px desktop: no horizontal
scroll on the phone, the deadline, the countdown and the answer buttons in view, an answer recorded by a tap.
Skipped with the reason of tests/browser.py when chromium or playwright is missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import ARTIFACTS, browser, serving, world_app  # noqa: F401 - fixture (skips without chromium)
from models.store import Store, WebQueries
from models.vocab import ReviewStatus
from test_web_world import NOW, SECRET, match_id, world_dir  # noqa: F401 - fixture
from vigie.signing import PersonalLinks


@pytest.fixture(scope="module")
def served(world_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:  # noqa: F811
    """The app on 127.0.0.1 (OS-chosen port), three calls accepted for the CC de la Lomagne (one hostile title)."""
    with world_app(world_dir, tmp_path_factory.mktemp("space-browser") / "conf") as (app, store):
        for source_id in ("aap-1", "aap-2", "aap-3"):
            store.review(match_id(store, source_id), ReviewStatus.ACCEPTED, "camille", NOW)
        with serving(app) as base:
            yield base, store


def open_space(browser, served, width: int):  # noqa: ANN001, ANN201, F811
    """A fresh context `width` px wide on the first contact's space."""
    base, store = served
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 800},
                                  is_mobile=width < 500, has_touch=width < 500)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    contact = store.contacts("cc-lomagne")[0]
    page.goto(f"{base}/espace/{PersonalLinks(SECRET, 60).space_token(contact.id, store.link_generation(contact.id))}")
    return context, page


@pytest.mark.parametrize("width", [360, 1280], ids=["telephone", "ordinateur"])
def test_the_space_reads_on_a_phone_and_a_desktop(browser, served, width: int) -> None:  # noqa: ANN001, F811
    context, page = open_space(browser, served, width)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"espace-{width}.png"), full_page=True)
    first = page.locator("article.space-call").first
    button = first.locator("button", has_text="Ça m'intéresse")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert "dans 17 jours" in first.locator(".deadline").inner_text()
    assert first.locator("h3").is_visible() and button.is_visible()
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.dialogs == []  # the hostile title is text, not a script
    context.close()


def test_a_tap_on_an_answer_records_it_on_a_phone(browser, served) -> None:  # noqa: ANN001, F811
    _, store = served
    context, page = open_space(browser, served, 360)
    page.locator("article.space-call").first.locator("button", has_text="Je dépose un dossier").click()
    assert "Réponse enregistrée" in page.locator(".flash").inner_text()
    assert "Je dépose un dossier" in page.locator("article.space-call .answer-now").first.inner_text()
    mid = match_id(store, "aap-1")
    assert WebQueries(store).match_detail(mid)["match"].followup_status == "a_deposer"
    context.close()
