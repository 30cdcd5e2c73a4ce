"""The COPIL report's three renderings of one report: XLSX read back with openpyxl, HTML printed on A4 by Debian's
chromium (Playwright), PDF laid out by WeasyPrint."""

from __future__ import annotations

import io
from html import unescape
from pathlib import Path

import pytest
from openpyxl import load_workbook

import copil_world
from models.copil_records import CopilReport
from models.store import Store
from vigie.report.html import render_html
from vigie.report.load import ReportRequest, load_report
from vigie.report.xlsx import render_xlsx

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> CopilReport:
    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('copil')}/vigie.db")
    copil_world.build(store)
    built = load_report(store, ReportRequest("gers-lomagne", copil_world.SINCE, "xlsx"), 0.03, copil_world.AS_OF)
    store.close()
    return built


def test_workbook_has_one_sheet_per_view_with_typed_cells(report: CopilReport) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    assert book.sheetnames == ["Synthèse", "Fiches", "Axes", "Changements", "Échéances"]
    summary = {row[0]: row[1] for row in book["Synthèse"].iter_rows(min_row=5, values_only=True)}
    assert summary["Montants obtenus (€)"] == 350_000 and summary["Reste à couvrir (€)"] == 850_000
    assert book["Synthèse"]["B13"].number_format == "#,##0 €"
    fiches = book["Fiches"]
    header = [c.value for c in fiches[1]]
    f1 = dict(zip(header, [c for c in fiches[2]], strict=True))
    assert f1["Titre"].value == "Réseau de chaleur" and f1["Montants demandés (€)"].value == 670_000
    assert f1["Taux d'aides publiques cumulées"].value == pytest.approx(0.62)
    assert f1["Taux d'aides publiques cumulées"].number_format == "0 %"
    assert fiches.cell(3, header.index("Plafond des taux") + 1).value == "inconnu"


def test_workbook_changes_and_deadlines_keep_dates(report: CopilReport) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(report)))
    changes = list(book["Changements"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in changes] == ["Nouvelle fiche-action", "Appel proposé", "Dossier obtenu",
                                           "Dossier refusé"]
    deadline = book["Échéances"]["A2"]
    assert deadline.value.date().isoformat() == "2027-07-15" and deadline.number_format == "DD/MM/YYYY"


def test_html_is_french(report: CopilReport) -> None:
    html = unescape(render_html(report))
    assert "taux d'aides publiques cumulées : 62\u202f% pour un plafond de 80\u202f%" in html.lower()
    assert "1\u00a0500\u00a0000\u00a0€" in html and "15/07/2027" in html and "None" not in html
    assert "@page" in html and "size: A4" in html


def test_pdf_has_the_summary_alone_on_its_first_page(report: CopilReport) -> None:
    weasyprint = importable_weasyprint()
    from vigie.report.pdf import render_pdf

    assert render_pdf(report).startswith(b"%PDF")
    pages = weasyprint.HTML(string=render_html(report)).render().pages
    first = _text(pages[0]._page_box)
    assert len(pages) >= 5 and "Synthèse au 01/06/2027" in first and "Par axe" not in first


def importable_weasyprint():  # noqa: ANN201
    """WeasyPrint, or the test skipped saying why (not installed, or Debian's Pango missing)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        pytest.skip(f"WeasyPrint inutilisable ici ({exc}) : pip install -e . et make setup (Pango)")
    return weasyprint


def _text(box) -> str:  # noqa: ANN001 - a WeasyPrint layout box
    return "".join(getattr(b, "text", "") for b in box.descendants())


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium absent (/usr/bin/chromium) : navigateur non testé")
def test_html_prints_on_a4_pages_in_chromium(report: CopilReport, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright absent")
    (tmp_path / "rapport.html").write_text(render_html(report), encoding="utf-8")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        page.goto((tmp_path / "rapport.html").as_uri())
        page.emulate_media(media="print")
        summary_height = page.eval_on_selector("#synthese", "e => e.getBoundingClientRect().height")
        breaks = page.eval_on_selector_all("section", "s => s.map(e => getComputedStyle(e).breakBefore)")
        pdf = page.pdf(prefer_css_page_size=True)
        browser.close()
    assert breaks == ["auto", "page", "page", "page", "page"]
    assert summary_height < 263 / 25.4 * 96  # A4 height less the margins, in CSS pixels: page 1 holds it
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page>") >= 5
