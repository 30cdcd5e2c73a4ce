"""A long table of plain text cells printed as rich prints it, without rich's cost per cell.

Rich renders every cell through several layers (padding, wrapping, lines cut and padded, twice): thousands of
rows take seconds. The text of a table whose cells are plain one-line strings is simple to produce: rich computes
the column widths from two rows that stand for all (per column, the cell with the longest word and the cell with
the longest text: the widths depend on nothing else) and draws the title, header and borders of a table with
those widths; each cell that fits its width is written as is, a longer one is wrapped by rich's own `Text.wrap`.
The rows come out with the borders and padding rich gives them (heavy head box, one space each side, no style).
A table with any other cell (line break, tab, control character) is left to rich.
"""

from __future__ import annotations

from collections.abc import Sequence

import re

from rich.box import HEAVY_HEAD
from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table

Row = Sequence[str]
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def print_long_table(console: Console, title: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
    """Print `rows` under `columns` as `console.print` prints a rich Table built from them."""
    if all(_simple(cell) for row in rows for cell in row):
        console.print(LongTable(title, columns, rows))
    else:
        console.print(rich_table(title, columns, rows))


def rich_table(title: str, columns: Sequence[str], rows: Sequence[Row], fixed: Sequence[int] | None = None) -> Table:
    """The rich Table of these rows (`fixed`: column widths, padding included)."""
    table = Table(title=title, box=HEAVY_HEAD)
    for n, column in enumerate(columns):
        table.add_column(column, width=None if fixed is None else fixed[n] - 2)
    for row in rows:
        table.add_row(*row)
    return table


class LongTable:
    """A renderable: the table of `rows`, each cell written or wrapped here (see the module)."""

    def __init__(self, title: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
        self.title, self.columns, self.rows = title, columns, rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.widths(console, options)
        frame = list(Segment.split_lines(console.render(rich_table(self.title, self.columns, [], widths), options)))
        box = HEAVY_HEAD.substitute(options, safe=console.safe_box)
        for line in frame[:-1]:
            yield from line
            yield Segment.line()
        for row in self.rows:
            for text in _row_lines(console, row, widths, box.mid_left, box.mid_vertical, box.mid_right):
                yield Segment(text)
                yield Segment.line()
        yield from frame[-1]
        yield Segment.line()

    def widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        """The column widths rich gives the whole table (padding included), from the two rows that stand for all."""
        table = rich_table(self.title, self.columns, _standing_rows(self.columns, self.rows))
        return table._calculate_column_widths(console, options.update_width(options.max_width - table._extra_width))


def _standing_rows(columns: Sequence[str], rows: Sequence[Row]) -> list[list[str]]:
    """Per column, the cell with the longest word and the cell with the longest text (what rich measures)."""
    if not rows:
        return []
    longest_word = [max((row[n] for row in rows), key=_longest_word) for n in range(len(columns))]
    longest = [max((row[n] for row in rows), key=cell_len) for n in range(len(columns))]
    return [longest_word, longest]


def _longest_word(cell: str) -> int:
    words = cell.split()
    return max(map(cell_len, words)) if words else cell_len(cell)


def _row_lines(console: Console, row: Row, widths: list[int], left: str, divider: str, right: str) -> list[str]:
    """The text lines of one row: cells wrapped to their width, top-aligned, padded with one space each side."""
    cells = [_cell_lines(console, cell, width - 2) for cell, width in zip(row, widths)]
    height = max(len(lines) for lines in cells)
    blank = [" " * (width - 2) for width in widths]
    return [left + divider.join(f" {lines[k] if k < len(lines) else blank[n]} " for n, lines in enumerate(cells))
            + right for k in range(height)]


def _cell_lines(console: Console, cell: str, width: int) -> list[str]:
    """A cell's lines, each `width` cells wide, as rich wraps a cell (left, long words cut with an ellipsis)."""
    size = cell_len(cell)
    if size <= width:
        return [cell + " " * (width - size)]
    lines = console.render_str(cell, highlight=False).wrap(console, width, justify="left", overflow="ellipsis")
    return [set_cell_size(line.plain, width) for line in lines]


def _simple(cell: object) -> bool:
    """A one-line string without control characters (rich reads nothing else in it but its characters)."""
    return isinstance(cell, str) and _CONTROL.search(cell) is None
