"""Export files: matches and follow-up for French spreadsheets (CSV, XLSX); stored calls in the etalab
dispositif-aide schema (CSV in the schema's own format, not the French one)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models import display, etalab
from models.tables import Opportunity
from vigie.web.formats import FOLLOWUP_LABELS, REJECT_REASONS, REVIEW_LABELS

MATCH_COLUMNS = ["Territoire", "Porteur", "Fiche", "Titre de la fiche", "Appel", "Financeurs", "Prochaine clôture",
                 "Score", "Revue", "Relecteur", "Revue le", "Motif du rejet", "Note", "Suivi", "Date du suivi",
                 "Montant demandé (€)", "Montant obtenu (€)", "Lien"]
DISPOSITIF_COLUMNS = ["id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs",
                      "programmes_parents", "url_source", "cibles", "eligibilite_geographique",
                      "eligibilite_geographique_exclusions", "date_ouverture", "date_cloture", "date_mise_a_jour"]
"""The columns of etalab dispositif-aide v0.2.0, in the schema's order."""
FRENCH_CSV = "excel-fr"
"""Name of the csv dialect of every export meant for a French spreadsheet (FrenchExcel)."""
PROFILE_FICHE = "Profil du porteur"
"""Fiche title of a porteur matched on its profile text rather than on a fiche-action."""
PARIS = ZoneInfo("Europe/Paris")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class FrenchExcel(csv.excel):
    """What French Excel and LibreOffice open in columns: `;` between fields, the comma being the decimal mark."""

    delimiter = ";"


csv.register_dialect(FRENCH_CSV, FrenchExcel)


def french_text(value: Any) -> str:
    """A CSV cell as a French spreadsheet reads it (models.display): 0,87 · 10/12/2026 · 23/11/2026 08:00 ·
    empty for None (not « — »: an empty cell stays empty for the spreadsheet's filters and sums). Amounts keep
    no digit grouping, so that Excel still reads them as numbers."""
    if value is None:
        return ""
    if isinstance(value, date):
        return display.short_date(value)
    if isinstance(value, float):
        return display.decimal(value, 2)
    return str(safe_cell(value))


def safe_cell(value: Any) -> Any:
    """Crawled text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def match_lines(rows: list[dict[str, Any]], today: date) -> list[list[Any]]:
    """One line per match (store.export_rows), in MATCH_COLUMNS order; dates and numbers stay typed (to_csv and
    to_xlsx show them the French way)."""
    return [_match_line(r, today) for r in rows]


def _match_line(r: dict[str, Any], today: date) -> list[Any]:
    m = r["match"]
    return [r["territoire"], r["porteur_nom"], m.fiche_id, r["fiche_titre"] or PROFILE_FICHE, r["title"],
            ", ".join(r["funders"] or []), next_close(r["close_dates"], today), round(m.score, 2),
            REVIEW_LABELS.get(m.review_status, m.review_status), display.reviewer_label(m.reviewer),
            paris_day(m.reviewed_at), REJECT_REASONS.get(m.reject_reason or "", m.reject_reason or ""),
            m.note or "", FOLLOWUP_LABELS.get(m.followup_status or "", ""), m.followup_at, m.amount_requested,
            m.amount_obtained, r["url"]]


def next_close(close_dates: list[str] | None, today: date) -> date | None:
    """The next relève on or after today (None for a permanent or closed call)."""
    day = min((d for d in close_dates or [] if d[:10] >= today.isoformat()), default=None)
    return date.fromisoformat(day[:10]) if day else None


def paris_day(moment: datetime | None) -> date | None:
    """The day in Paris of a stored instant (naive means UTC)."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(PARIS).date()


def to_csv(header: list[str], lines: list[list[Any]]) -> bytes:
    """A CSV for French spreadsheets: FRENCH_CSV dialect, UTF-8 with a BOM (Excel then reads the accents),
    decimal comma, JJ/MM/AAAA dates, formulas neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect=FRENCH_CSV)
    writer.writerow(header)
    writer.writerows([[french_text(v) for v in line] for line in lines])
    return ("\ufeff" + out.getvalue()).encode()


def to_schema_csv(header: list[str], lines: list[list[Any]]) -> bytes:
    """A CSV as the etalab schemas and data.gouv.fr publish them: `,` between fields, CRLF, UTF-8 without BOM,
    values as given (ISO dates, `|` lists); formulas neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect=csv.excel)
    writer.writerow(header)
    writer.writerows([[safe_cell(v) if v is not None else "" for v in line] for line in lines])
    return out.getvalue().encode()


def to_xlsx(title: str, header: list[str], lines: list[list[Any]]) -> bytes:
    """An XLSX workbook of one sheet (openpyxl): bold frozen header, autofilter, readable widths, real date and
    number cells (Excel shows them the French way), formulas neutralised."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header)
    for line in lines:
        sheet.append([safe_cell(v) for v in line])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.is_date:
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _fit_widths(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fit_widths(sheet: Worksheet) -> None:
    """Each column as wide as its longest first line (8 to 60 characters)."""
    for index, column in enumerate(sheet.iter_cols(), start=1):
        longest = max(len(french_text(c.value).split("\n")[0]) for c in column)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest, 8) + 2, 60)


def dispositif_line(row: Opportunity) -> list[Any]:
    """A stored call as one line of the etalab dispositif-aide schema (DISPOSITIF_COLUMNS order, ISO dates)."""
    closing = row.close_dates[-1] if row.close_dates else ""
    updated = (row.source_updated_at or row.last_seen).date().isoformat()
    return [etalab.call_uuid(row.source, row.source_id), row.title, row.summary,
            (row.description or "")[:etalab.DESCRIPTION_MAX], row.eligibility_text,
            etalab.schema_list(row.instruments, etalab.TYPES_AIDES), etalab.funders_json(row.funders),
            "|".join(row.programmes), row.url, etalab.schema_list(row.beneficiaries, etalab.CIBLES),
            "|".join(row.geo_codes),
            "|".join(row.geo_exclusions), row.open_date.isoformat() if row.open_date else "", closing, updated]
