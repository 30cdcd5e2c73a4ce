"""The COPIL report from the store: the territory and the period checked (French errors, exit code 2), the rows
loaded, the report built (models.copil) and rendered in the format asked; the generation recorded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from models.copil import build_report
from models.copil_records import CopilReport
from models.errors import InputError
from models.plan.porteurs import TerritoryResolver
from models.store import Store
from vigie.context import read_day

DEFAULT_DAYS = 90
"""Without --depuis and without an earlier report: the changes of the last 90 days."""
FORMATS = {"xlsx": ".xlsx", "html": ".html", "pdf": ".pdf"}
"""Formats of the report and their file suffix."""
MEDIA_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@dataclass(frozen=True)
class ReportRequest:
    """What a COPIL report is asked for: checked by `check_request` before anything is loaded or written."""

    territory_id: str
    since: date
    fmt: str


def check_request(store: Store, territory: str, since: str | None, fmt: str, as_of: date) -> ReportRequest:
    """The territory (id or name, case and accents aside), the start of the changes and the format, or a French
    InputError naming the option."""
    return ReportRequest(territory_id(store, territory), _since(store, territory_id(store, territory), since, as_of),
                         report_format(fmt))


def territory_id(store: Store, value: str) -> str:
    """The stored territory `value` names."""
    known = {t.id: t.nom for t in store.plan().territories}
    found = TerritoryResolver(known).resolve(value)
    if found is None:
        names = ", ".join(sorted(known)) or "aucun (importez d'abord le plan d'actions)"
        raise InputError("rapport impossible", f"--territoire {value}", f"territoire inconnu (territoires : {names})")
    return found


def report_format(value: str) -> str:
    """xlsx, html or pdf (case aside)."""
    fmt = value.strip().lower()
    if fmt not in FORMATS:
        raise InputError("rapport impossible", f"--format {value}", f"format inconnu (formats : {', '.join(FORMATS)})")
    return fmt


def parse_day(value: str, option: str = "--depuis") -> date:
    """A day as AAAA-MM-JJ or JJ/MM/AAAA."""
    day = read_day(value)
    if day is None:
        raise InputError("rapport impossible", f"{option} {value}", "date invalide (attendu AAAA-MM-JJ ou JJ/MM/AAAA)")
    return day


def _since(store: Store, territory: str, value: str | None, as_of: date) -> date:
    """--depuis, else the day of the last report generated before today, else 90 days ago."""
    if value is None or not value.strip():
        return store.last_copil_day(territory, as_of) or as_of - timedelta(days=DEFAULT_DAYS)
    day = parse_day(value)
    if day > as_of:
        raise InputError("rapport impossible", f"--depuis {value}", f"date postérieure au {as_of:%d/%m/%Y}")
    return day


def load_report(store: Store, request: ReportRequest, threshold: float, as_of: date) -> CopilReport:
    """The report of the requested territory as of `as_of`."""
    fiches, calls = store.copil_rows(request.territory_id, threshold)
    name = store.territory_name(request.territory_id) or request.territory_id
    return build_report(name, fiches, calls, as_of, request.since)


def renderer(fmt: str) -> Callable[[CopilReport], bytes]:
    """The renderer of a format (imported when used: WeasyPrint and openpyxl are heavy)."""
    if fmt == "xlsx":
        from vigie.report.xlsx import render_xlsx

        return render_xlsx
    if fmt == "pdf":
        from vigie.report.pdf import render_pdf

        return render_pdf
    from vigie.report.html import render_html

    return lambda report: render_html(report).encode()


def file_name(report: CopilReport, request: ReportRequest) -> str:
    """« rapport-copil-gers-lomagne-2026-12-08.xlsx »."""
    return f"rapport-copil-{request.territory_id}-{report.as_of.isoformat()}{FORMATS[request.fmt]}"
