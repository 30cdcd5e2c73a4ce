"""Export files: matches and follow-up (CSV, XLSX), stored calls in the etalab dispositif-aide schema (CSV)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from openpyxl import Workbook

from models.tables import Opportunity
from vigie.web.formats import FOLLOWUP_LABELS, REJECT_REASONS, REVIEW_LABELS

MATCH_COLUMNS = ["territoire", "porteur", "fiche", "appel", "url", "score", "revue", "relecteur", "motif_rejet",
                 "note", "suivi", "date_suivi", "montant_obtenu"]
DISPOSITIF_COLUMNS = ["id", "titre", "promesse", "description", "eligibilite", "porteurs", "programmes_parents",
                      "types_aides", "cibles", "eligibilite_geographique", "eligibilite_geographique_exclusions",
                      "date_ouverture", "date_cloture", "url_source", "date_mise_a_jour"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Crawled text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def match_lines(rows: list[dict[str, Any]]) -> list[list[Any]]:
    """One line per match (store.export_rows), in MATCH_COLUMNS order."""
    lines = []
    for r in rows:
        m = r["match"]
        lines.append([r["territoire"], r["porteur_nom"], m.fiche_id, r["title"], r["url"], round(m.score, 4),
                      REVIEW_LABELS.get(m.review_status, m.review_status), m.reviewer or "",
                      REJECT_REASONS.get(m.reject_reason or "", m.reject_reason or ""), m.note or "",
                      FOLLOWUP_LABELS.get(m.followup_status or "", ""),
                      m.followup_at.isoformat() if m.followup_at else "", m.amount_obtained])
    return lines


def to_csv(header: list[str], lines: list[list[Any]]) -> bytes:
    """UTF-8 CSV with a BOM (Excel reads the accents), formulas neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[safe_cell(v) if v is not None else "" for v in line] for line in lines])
    return ("\ufeff" + out.getvalue()).encode()


def to_xlsx(title: str, header: list[str], lines: list[list[Any]]) -> bytes:
    """An XLSX workbook of one sheet (openpyxl), formulas neutralised."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header)
    for line in lines:
        sheet.append([safe_cell(v) for v in line])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def dispositif_line(row: Opportunity) -> list[Any]:
    """A stored call as one line of the etalab dispositif-aide schema."""
    closing = row.close_dates[-1] if row.close_dates else ""
    updated = (row.source_updated_at or row.last_seen).date().isoformat()
    return [f"{row.source}:{row.source_id}", row.title, row.summary, row.description, row.eligibility_text,
            json.dumps([{"nom": f} for f in row.funders], ensure_ascii=False), "|".join(row.programmes),
            "|".join(row.instruments), "|".join(row.beneficiaries), "|".join(row.geo_codes),
            "|".join(row.geo_exclusions), row.open_date.isoformat() if row.open_date else "", closing, row.url,
            updated]
