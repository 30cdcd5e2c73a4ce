"""The COPIL report as PDF: the print-ready HTML laid out on A4 by WeasyPrint, in this process.

WeasyPrint rather than a headless browser: it is a library installed from PyPI (pinned in pyproject.toml),
renders CSS paged media (@page A4, page breaks, page numbers) itself and runs in a fraction of a second without
a browser process to start, sandbox or time out. It needs Debian's Pango (libpango-1.0-0, libpangoft2-1.0-0,
installed by `make setup`); without it the error says what to install, and the HTML format still prints."""

from __future__ import annotations

import logging

from models.copil_records import CopilReport
from models.errors import VigieError
from vigie.report.html import render_html

PANGO_MISSING = ("WeasyPrint ne trouve pas la bibliothèque Pango : installez-la (apt-get install libpango-1.0-0 "
                 "libpangoft2-1.0-0, fait par « make setup ») ou produisez le rapport en HTML (--format html) et "
                 "imprimez-le en PDF depuis un navigateur")


def render_pdf(report: CopilReport) -> bytes:
    """The PDF's bytes (A4, one section per page at least)."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: the Pango shared library is missing
        raise VigieError("PDF impossible", "WeasyPrint", PANGO_MISSING) from exc
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # CSS it ignores is not the user's business
    return weasyprint.HTML(string=render_html(report)).write_pdf()
