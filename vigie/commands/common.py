"""Helpers shared by command modules."""

from __future__ import annotations

import getpass
import os
from datetime import datetime

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from models import display
from vigie.context import AppContext


def literal_console(stderr: bool = False) -> Console:
    """A console that prints text as it is: no rich markup, no emoji codes, no highlighting.

    Titles, plan cells, names, reasons, errors and paths come from outside (a crawled page, a spreadsheet,
    a file name): « [/bold] » or « :fire: » in them is text, not an instruction (rich would raise on an
    unmatched closing tag). Table cells and titles given as text follow the console, so they are literal too.
    A line that wants colour says so with `styled`."""
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, soft_wrap=True)


def styled(template: str, *values: object) -> Text:
    """`template` (our own rich markup, `{}` for each value) with `values` inserted as plain text."""
    return Text.from_markup(template.format(*(escape(str(v)) for v in values)), emoji=False)


console = literal_console()


def app_context(ctx: typer.Context) -> AppContext:
    """The AppContext set by the main callback."""
    return ctx.find_root().obj


def acting_user() -> str:
    """Who runs the command, for what it records (a review…): $VIGIE_USER, else the system account."""
    try:
        return os.environ.get("VIGIE_USER") or getpass.getuser()
    except (KeyError, OSError):  # an account without a name (some containers)
        return "ligne de commande"


def fmt_date(value) -> str:  # noqa: ANN001 - date, instant or None
    """French short date, the day only (— when absent): models.display, like the pages and the letters."""
    return display.short_date(value.date() if isinstance(value, datetime) else value)
