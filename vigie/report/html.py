"""The COPIL report as one self-contained HTML page that prints on A4 (print CSS, a page per section)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from models import display
from models.copil_records import CopilReport
from models.display_funding import aid_rate_line, euros_or_unknown, overdue_line
from models.display_labels import FOLLOWUP_LABELS
from vigie.report import figures

_ENV = Environment(loader=PackageLoader("vigie.report", "templates"), autoescape=select_autoescape(["html", "j2"]),
                   trim_blocks=True, lstrip_blocks=True)
_ENV.filters.update(cell=lambda value, column: figures.french_cell(column.kind, value), euros=display.euros,
                    fr_date=display.short_date, euros_or_unknown=euros_or_unknown, aid_rate=aid_rate_line,
                    overdue=overdue_line, followup=lambda code: display.label(code, FOLLOWUP_LABELS),
                    rate=lambda value: figures.french_cell(figures.RATE, value),
                    bare=lambda header: header.removesuffix(" (€)"))  # the HTML writes « € » after each amount


def render_html(report: CopilReport) -> str:
    """The report's HTML (UTF-8 text, styles inline: it opens and prints from a file)."""
    return _ENV.get_template("copil.html.j2").render(
        report=report, f=figures, period=figures.period_line(report), summary=figures.summary_rows(report),
        fiche_columns=figures.FIGURE_COLUMNS[1:], axe_rows=[(figures.axe_name(a), figures.figure_values(v))
                                                            for a, v in report.axes],
        totals=figures.figure_values(report.summary), change_rows=figures.change_rows(report),
        deadline_rows=figures.deadline_rows(report))
