"""Collects the French problem lines of one plan file, reported in file order."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.plan.columns import COLUMNS


@dataclass
class Problems:
    """Every problem found in one file; formats each line the same way.

    Checks run in passes (cells, then duplicates, then porteur agreement), so `lines` sorts
    the problems back into file order: whole-file first, then by line and column.
    """

    file_name: str
    """Shown at the start of each line (the file's name, not its full path)."""
    _found: list[tuple[int, int, str]] = field(default_factory=list)

    def cell(self, line: int, column: str, message: str) -> None:
        """A bad cell: `<file> ligne <N>, colonne <X>: <message>`."""
        order = COLUMNS.index(column) if column in COLUMNS else len(COLUMNS)
        self._found.append((line, order, f"{self.file_name} ligne {line}, colonne {column}: {message}"))

    def row(self, line: int, message: str) -> None:
        """A problem with a whole row: `<file> ligne <N>: <message>`."""
        self._found.append((line, len(COLUMNS), f"{self.file_name} ligne {line}: {message}"))

    def file(self, message: str) -> None:
        """A problem with the whole file: `<file>: <message>`."""
        self._found.append((0, 0, f"{self.file_name}: {message}"))

    @property
    def lines(self) -> list[str]:
        """The problem lines in file order (stable for problems of the same cell)."""
        return [text for _, _, text in sorted(self._found, key=lambda found: found[:2])]

    def __bool__(self) -> bool:
        return bool(self._found)
