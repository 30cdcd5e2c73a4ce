"""The web app in a real headless browser (Playwright driving Debian's chromium, no browser download).

Skipped, with the reason, when /usr/bin/chromium or playwright is missing (tests/browser.py). Screenshots of
every page go to test-artifacts/ (gitignored)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from browser import browser, log_in, page, serving, shot, world_app  # noqa: F401 - fixtures (skips without chromium)
from models.store import Store
from test_web_world import world_dir  # noqa: F401 - fixture


@pytest.fixture(scope="module")
def served(world_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:  # noqa: F811
    """The app on 127.0.0.1 with an OS-chosen port, in a uvicorn thread."""
    with world_app(world_dir, tmp_path_factory.mktemp("browser") / "conf") as (app, store), serving(app) as base:
        yield base, store


def test_a_chef_de_projet_reviews_a_match_previews_the_digest_and_exports(page, served) -> None:  # noqa: ANN001
    base, store = served
    log_in(page, base, "camille")
    shot(page, "tableau-de-bord")
    page.goto(f"{base}/file")
    page.select_option("select[name=funder]", "Région Occitanie")
    page.click("#filtres button[type=submit]")
    rows = page.locator("table.queue tbody tr")
    assert rows.count() == 1 and "Réseaux de chaleur biomasse" in rows.first.inner_text()
    shot(page, "file-d-attente")
    rows.first.locator("input[name=ids]").check()
    page.click("button[value=accepter]")
    assert "marquée(s) « Acceptée »" in page.locator(".flash").inner_text()
    page.goto(f"{base}/porteurs/cc-lomagne/apercu")
    assert "Réseaux de chaleur biomasse" in page.locator("pre.digest").inner_text()
    shot(page, "apercu-lettre")
    page.goto(f"{base}/exports")
    shot(page, "exports")
    with page.expect_download() as download:
        page.click("a[href='/exports/correspondances.xlsx']")
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    header = [c.value for c in sheet[1]]
    accepted = [r for r in sheet.iter_rows(values_only=True) if r[header.index("Revue")] == "Acceptée"]
    assert [r[header.index("Appel")] for r in accepted] == ["Réseaux de chaleur biomasse"]


PAGES = [("/plan", "plan"), ("/recherche?q=friches", "recherche"), ("/porteurs", "porteurs"),
         ("/porteurs/cc-lomagne", "porteur"), ("/sources", "sources"), ("/appels/2", "appel"),
         ("/correspondances/2", "correspondance")]


def test_every_page_renders_in_the_browser(page, served) -> None:  # noqa: ANN001
    base, _ = served
    log_in(page, base, "alice")
    statuses = {}
    for path, name in PAGES:
        statuses[path] = (page.goto(f"{base}{path}").status, page.locator("h1").count())
        shot(page, name)
    assert statuses == {path: (200, 1) for path, _ in PAGES}


def test_a_hostile_call_title_does_not_run_but_our_script_does(page, served) -> None:  # noqa: ANN001
    base, _ = served
    log_in(page, base, "alice")
    for path in ["/", "/file?status=", "/appels/3", "/recherche?q=script"]:
        page.goto(f"{base}{path}")
        assert "<script>alert(1)</script>" in page.content().replace("&lt;", "<").replace("&gt;", ">")
    page.goto(f"{base}/file?status=")
    page.check("input.check-all")
    boxes = page.locator("input[name=ids]")
    assert page.dialogs == [] and all(boxes.nth(i).is_checked() for i in range(boxes.count()))


def test_the_queue_and_a_match_fit_a_tablet_in_portrait(browser, served) -> None:  # noqa: ANN001
    base, _ = served
    context = browser.new_context(locale="fr-FR", viewport={"width": 768, "height": 1024})
    tab = context.new_page()
    try:
        log_in(tab, base, "alice")
        tab.goto(f"{base}/file?status=")
        deadline = tab.locator("table.queue th", has_text="Clôture").bounding_box()
        widest = tab.evaluate("document.documentElement.scrollWidth")
        shot(tab, "tablette-file")
        tab.goto(f"{base}/correspondances/1")
        marks = tab.locator(".pair mark").all_inner_texts()
        shot(tab, "tablette-correspondance")
    finally:
        context.close()
    assert deadline is not None and deadline["x"] + deadline["width"] <= 768 and widest <= 768
    assert {"réseau de chaleur alimenté", "local", "réseaux de chaleur alimentés", "locale"} <= set(marks)


def test_search_lists_funders_and_marks_a_closed_call_visibly(page, served) -> None:  # noqa: ANN001
    from datetime import UTC, date, datetime

    from factories import opportunity

    base, store = served
    store.upsert_opportunity(opportunity("friche-close", title="Friches d'hier", beneficiaries=["association"],
                                         funders=["AGENCE DE L ENVIRONNEMENT ET DE LA MAITRISE DE L ENERGIE (ADEME)"],
                                         close_dates=[date(2026, 11, 20)]), datetime(2026, 11, 10, tzinfo=UTC))
    log_in(page, base, "camille")
    page.goto(f"{base}/recherche")
    page.select_option("select[name=financeur]", "ADEME")
    page.click("form.filters button[type=submit]")
    rows = page.locator("tbody tr")
    closed = page.locator("tr.call-closed")
    tag = closed.locator(".tag.status-closed")
    shot(page, "recherche-financeur")
    assert rows.count() == 3 and "ADEME · clôturé le 20/11/2026" in closed.inner_text()
    assert tag.is_visible() and tag.inner_text() == "clos"
    assert tag.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert closed.locator("button", has_text="Suggérer").count() == 0
    page.select_option("select[name=beneficiaire]", label="Associations")
    page.click("form.filters button[type=submit]")
    assert page.locator("tbody tr").all_inner_texts() == [closed.inner_text()]
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
