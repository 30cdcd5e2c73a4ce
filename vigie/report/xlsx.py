"""The COPIL report as an XLSX workbook (openpyxl): one sheet per view (Synthèse, Fiches, Axes, Changements,
Échéances), French headers, numbers and dates kept as such with French display formats."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.copil_records import CopilReport
from models.display import UNKNOWN
from vigie.report import figures
from vigie.report.figures import Column
from vigie.web.exports import safe_cell

FORMATS = {figures.EUROS: "#,##0 €", figures.DAY: "DD/MM/YYYY", figures.RATE: "0 %", figures.COUNT: "0"}
"""Excel number formats (stored in Excel's own syntax; a French Excel shows « 1 234 567 € », « 62 % »)."""


def render_xlsx(report: CopilReport) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    book.remove(book.active)
    _summary(book.create_sheet("Synthèse"), report)
    _sheet(book.create_sheet("Fiches"), figures.FICHE_COLUMNS, [figures.fiche_values(s) for s in report.fiches])
    _sheet(book.create_sheet("Axes"), figures.AXE_COLUMNS,
           [[figures.axe_name(axe), *figures.figure_values(values)] for axe, values in report.axes])
    _sheet(book.create_sheet("Changements"), figures.CHANGE_COLUMNS, figures.change_rows(report))
    _sheet(book.create_sheet("Échéances"), figures.DEADLINE_COLUMNS, figures.deadline_rows(report))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary(sheet: Worksheet, report: CopilReport) -> None:
    """Title, period, then one line per figure (Indicateur, Valeur)."""
    sheet.append([f"Rapport au comité de pilotage — {report.territory}"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"Synthèse {figures.period_line(report)}"])
    sheet.append([])
    _sheet(sheet, [Column("Indicateur"), Column("Valeur")], [], header_row=4)
    for column, value in figures.summary_rows(report):
        sheet.append([column.header, _value(column, value)])
        _format(sheet.cell(sheet.max_row, 2), column.kind)
    _fit(sheet)


def _sheet(sheet: Worksheet, columns: list[Column], rows: list[list[Any]], header_row: int = 1) -> None:
    """Header (bold, frozen, filtered) then typed rows."""
    sheet.append([c.header for c in columns])
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = f"A{header_row + 1}"
    for row in rows:
        sheet.append([_value(column, value) for column, value in zip(columns, row, strict=True)])
        for index, column in enumerate(columns, start=1):
            _format(sheet.cell(sheet.max_row, index), column.kind)
    if header_row == 1:
        sheet.auto_filter.ref = sheet.dimensions
        _fit(sheet)


def _value(column: Column, value: Any) -> Any:
    """Rates as fractions (Excel's « % » multiplies by 100), « inconnu » when unknown; crawled text that looks
    like a formula neutralised."""
    if column.kind == figures.RATE:
        return UNKNOWN if value is None else value / 100
    return safe_cell(value)


def _format(cell: Any, kind: str) -> None:
    if kind in FORMATS:
        cell.number_format = FORMATS[kind]


def _fit(sheet: Worksheet) -> None:
    """Each column as wide as its longest cell (10 to 60 characters)."""
    for index, column in enumerate(sheet.iter_cols(min_row=2 if sheet.title == "Synthèse" else 1), start=1):
        longest = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest, 10) + 2, 60)
