"""How big a configuration file may be: a few kilobytes in practice, refused well before it costs anything.

A file larger than `MAX_FILE_BYTES`, with more than `MAX_VALUES` values, an array longer than
`MAX_ARRAY_ITEMS` or tables and arrays nested deeper than `MAX_DEPTH` is refused with the limit it crosses,
instead of taking seconds to parse or exhausting Python's recursion (a file nested 5,000 deep). Pure
functions: the caller adds the file's name.
"""

from __future__ import annotations

from typing import Any

from models.config.messages import Loc

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Per file; the example configuration's largest file is 13 KB."""
MAX_VALUES = 100_000
"""Values (texts, numbers, lists, tables…) in one file."""
MAX_ARRAY_ITEMS = 10_000
"""Items of one list or of one array of tables (`[[source]]`…)."""
MAX_DEPTH = 20
"""Tables and lists inside one another; Vigie's own files use 4."""

TOO_MANY = f"trop de valeurs : plus de {MAX_VALUES:,} dans un seul fichier de configuration".replace(",", " ")
TOO_DEEP = f"imbrication trop profonde : plus de {MAX_DEPTH} niveaux de tables ou de listes les unes dans les autres"


def number(value: int) -> str:
    """1000000 → "1 000 000"."""
    return f"{value:,}".replace(",", " ")


def size_problem(size: int) -> str | None:
    """Why a file of `size` bytes is refused before being read (None: it may be read)."""
    if size <= MAX_FILE_BYTES:
        return None
    return (f"fichier trop volumineux : {size / 1024 / 1024:.1f} Mo, au plus {MAX_FILE_BYTES // 1024 // 1024} Mo "
            "pour un fichier de configuration").replace(".", ",", 1)


def count_problem(text: str) -> str | None:
    """Why a text is refused before being parsed: every value after the first of a list or a table ends a
    line or follows a comma, so more separators than `MAX_VALUES` means too many values (cheap, no parsing)."""
    separators = text.count(",") + text.count("\n")
    return None if separators <= MAX_VALUES else TOO_MANY


def shape_problem(data: dict[str, Any]) -> tuple[Loc, str] | None:
    """The first list too long, nesting too deep or count of values too high in parsed TOML, with where."""
    values = 0
    stack: list[tuple[Loc, Any]] = [((), data)]
    while stack:  # depth first, without recursion: the data may be nested very deep
        where, value = stack.pop()
        values += 1
        if len(where) > MAX_DEPTH:
            return where[:1], TOO_DEEP  # the top-level key it starts from
        if isinstance(value, list) and len(value) > MAX_ARRAY_ITEMS:
            return where, f"liste trop longue : {number(len(value))} éléments, au plus {number(MAX_ARRAY_ITEMS)}"
        if values > MAX_VALUES:
            return (), TOO_MANY
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        stack.extend((where + (key,), child) for key, child in children)
    return None
