"""How large a plan d'actions file may be, checked before and while it is read.

A plan holds tens to hundreds of fiches; these caps are far above that and keep a hostile or broken file
(an XLSX "zip bomb" expanding to gigabytes, millions of rows) from running for minutes or filling memory.
Each check answers the French reason to refuse the file, or None; the reader raises it naming the file.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from models.display import NBSP

MAX_FILE_BYTES = 10 * 1024 * 1024
"""The file itself (CSV or XLSX)."""
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
"""The sum of the sizes an XLSX archive declares for its members once decompressed."""
MAX_RATIO = 100
"""How many times a member may expand (spreadsheet XML expands 5 to 20 times; a zip bomb a thousand)."""
RATIO_FROM_BYTES = 1024 * 1024
"""Members smaller than this once decompressed are not checked for their ratio (a tiny file may expand a lot)."""
MAX_MEMBERS = 1000
"""Parts of an XLSX archive (a workbook of a few sheets has about twenty)."""
MAX_ROWS = 20_000
"""Rows read, empty ones included (XLSX: the sheet's row numbers; CSV: records)."""
MAX_CELLS = 500_000
"""Cells read over the whole sheet, empty ones included."""


def size_text(size: int) -> str:
    """1,5 Mo, 3,9 Go, 800 octets: French units, decimal comma."""
    for unit, scale in (("Go", 1024**3), ("Mo", 1024**2), ("ko", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0").replace(".", ",") + f"{NBSP}{unit}"
    return f"{size}{NBSP}octets"


def count_text(count: int) -> str:
    """20 000 with a no-break space between thousands."""
    return f"{count:,}".replace(",", NBSP)


def file_size_problem(size: int) -> str | None:
    """Why a file of `size` bytes is refused, or None."""
    if size <= MAX_FILE_BYTES:
        return None
    return f"fichier trop volumineux ({size_text(size)} ; limite : {size_text(MAX_FILE_BYTES)})"


def archive_problem(members: Sequence[zipfile.ZipInfo]) -> str | None:
    """Why an XLSX archive is refused from the sizes its directory declares, before anything is decompressed.

    Declared sizes are enough: Python's zipfile never yields more bytes than a member declares (and fails on
    the checksum when the data would give more)."""
    if len(members) > MAX_MEMBERS:
        return (f"classeur refusé : {count_text(len(members))} parties internes "
                f"(limite : {count_text(MAX_MEMBERS)})")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        return (f"classeur refusé : son contenu décompressé ferait {size_text(total)} "
                f"(limite : {size_text(MAX_UNCOMPRESSED_BYTES)})")
    if any(_expands_too_much(member) for member in members):
        return (f"classeur refusé : une de ses parties se décompresse plus de {MAX_RATIO} fois "
                f"(limite : {MAX_RATIO} fois ; fichier piégé ou endommagé, réenregistrez-le depuis Excel "
                "ou LibreOffice)")
    return None


def _expands_too_much(member: zipfile.ZipInfo) -> bool:
    if member.file_size < RATIO_FROM_BYTES:
        return False
    return member.file_size > MAX_RATIO * max(member.compress_size, 1)


class TooLarge(Exception):
    """A file goes past a cap while it is read; the message is the French reason."""


def capped(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[int, Sequence[Any]]]:
    """The rows numbered from 1, stopping with TooLarge past MAX_ROWS rows or MAX_CELLS cells."""
    cells = 0
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise TooLarge(f"trop de lignes (limite : {count_text(MAX_ROWS)} lignes par fichier)")
        cells += len(row)
        if cells > MAX_CELLS:
            raise TooLarge(f"trop de cellules (limite : {count_text(MAX_CELLS)} cellules par feuille, "
                           f"dépassée à la ligne {count_text(number)})")
        yield number, row
