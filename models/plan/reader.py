"""Read a plan d'actions file (CSV or XLSX) into a header and rows tagged with their line numbers.

Line numbers are the ones a person sees: the header is usually line 1, the first data row
line 2. For a CSV record holding a multi-line quoted cell, the line is where the record starts.
Fully empty rows are skipped, strings are stripped, trailing empty columns are ignored.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable


from models.errors import PlanImportError
from models.french import fold
from models.plan.cells import Cell, parse_text
from models.plan.limits import MAX_FILE_BYTES, TooLarge, archive_problem, capped, file_size_problem

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
PLAN_SHEET_NAMES = {"plan", "plan d'actions", "plan d'action", "plan_actions"}
"""An XLSX sheet with one of these names (any case) is read instead of the first sheet."""


@dataclass(frozen=True)
class RawRow:
    """One non-empty data row."""

    line: int
    """Line number as shown by a spreadsheet (CSV: line where the record starts)."""
    cells: tuple[Cell, ...]
    """Cell values, trailing empty cells removed."""


@dataclass(frozen=True)
class Table:
    """A file's header and data rows; `header` is empty when the file holds no row at all."""

    header: list[str]
    header_line: int
    rows: list[RawRow]


def read_table(path: Path) -> Table:
    """Read `path` (.csv or .xlsx); raise PlanImportError when the file cannot be read as a table or goes past
    a cap of limits.py (size, decompressed size, rows, cells)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        _fail(path, f"format « {path.suffix or 'sans extension'} » non pris en charge "
                    "(enregistrez le plan en .csv ou .xlsx)")
    try:
        numbered = _read_csv(path) if suffix == ".csv" else _read_xlsx(path)
    except OSError as error:
        _fail(path, _os_reason(error))
    except TooLarge as error:
        _fail(path, str(error))
    return _to_table(numbered)


def _os_reason(error: OSError) -> str:
    """A French reason for a file that cannot be opened (OS messages are in English)."""
    if isinstance(error, FileNotFoundError):
        return "fichier introuvable"
    if isinstance(error, IsADirectoryError):
        return "c'est un dossier, pas un fichier"
    if isinstance(error, PermissionError):
        return "accès refusé (droits de lecture insuffisants)"
    return f"fichier illisible (erreur système {error.errno})"


def _fail(path: Path, message: str) -> Any:
    raise PlanImportError(str(path), [f"{path.name}: {message}"])


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refused past MAX_FILE_BYTES (never reading more than one byte past it)."""
    with path.open("rb") as handle:  # OSError here means the file itself cannot be opened
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(MAX_FILE_BYTES + 1)
    problem = file_size_problem(max(size, len(data)))
    return data if problem is None else _fail(path, problem)


def _to_table(numbered: Iterable[tuple[int, list[Cell]]]) -> Table:
    """Drop empty rows and trailing empty cells; the first remaining row is the header."""
    kept = [(line, _trim(cells)) for line, cells in numbered]
    kept = [(line, cells) for line, cells in kept if cells]
    if not kept:
        return Table(header=[], header_line=0, rows=[])
    (header_line, header), data = kept[0], kept[1:]
    names = [parse_text(cell) or "" for cell in header]
    return Table(names, header_line, [RawRow(line, tuple(cells)) for line, cells in data])


def _trim(cells: Iterable[Any]) -> list[Cell]:
    values = [_clean(cell) for cell in cells]
    while values and values[-1] is None:
        values.pop()
    return values


def _clean(cell: Any) -> Cell:
    if isinstance(cell, str):
        return cell.strip() or None
    return cell


# --- CSV -------------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[tuple[int, list[Cell]]]:
    """Decode, pick the delimiter, and number each record by the line where it starts."""
    text = _decode(path, _read_bytes(path))
    if "\x00" in text:
        _fail(path, "le fichier ne ressemble pas à un CSV texte (octets nuls) ; "
                    "un classeur Excel doit avoir l'extension .xlsx")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    numbered, start = [], 1
    try:
        for _count, record in capped(reader):
            numbered.append((start, list(record)))
            start = reader.line_num + 1
    except csv.Error as error:
        _fail(path, f"CSV illisible vers la ligne {start} ({error})")
    return numbered


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), else cp1252, which French Excel writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return _fail(path, "encodage non reconnu (UTF-8 ou Windows-1252 attendu)")
    logger.info("plan file decoded as cp1252 file=%s", path.name)
    return text


def sniff_delimiter(text: str) -> str:
    """`;` (French Excel) or `,`: whichever the first non-empty line holds more of."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if first.count(";") > first.count(",") else ","


# --- XLSX ------------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> list[tuple[int, list[Cell]]]:
    """Rows of the plan sheet, numbered as Excel numbers them; the archive's declared sizes are checked
    before openpyxl decompresses anything, rows and cells while the sheet is read."""
    data = _read_bytes(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception as error:  # noqa: BLE001 - not a zip archive at all (BadZipFile, ValueError...)
        return _invalid_workbook(path, error)
    problem = archive_problem(members)
    if problem is not None:
        _fail(path, problem)
    try:
        import openpyxl  # only here: a CSV import or a help screen never loads the spreadsheet library

        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = _plan_sheet(workbook)
            sheet.reset_dimensions()  # some writers store a wrong dimension; read every cell
            rows = sheet.iter_rows(min_row=1, values_only=True)
            return [(line, list(values)) for line, values in capped(rows)]
        finally:
            workbook.close()
    except TooLarge:
        raise
    # openpyxl raises many kinds of errors (BadZipFile, KeyError, XML parse errors...) on a
    # damaged or foreign file; to the user they all mean the same thing.
    except Exception as error:  # noqa: BLE001
        return _invalid_workbook(path, error)


def _invalid_workbook(path: Path, error: Exception) -> Any:
    logger.debug("invalid workbook file=%s error=%r", path.name, error)
    return _fail(path, "classeur XLSX invalide ou endommagé (ouvrez-le et réenregistrez-le "
                       "en .xlsx depuis Excel ou LibreOffice)")


def _plan_sheet(workbook: Any) -> Any:
    """The sheet named like the plan if there is one, else the first sheet."""
    for sheet in workbook.worksheets:
        if fold(sheet.title) in PLAN_SHEET_NAMES:
            return sheet
    return workbook.worksheets[0]
