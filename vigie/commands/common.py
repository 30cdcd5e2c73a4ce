"""Helpers shared by command modules."""

from __future__ import annotations

import getpass
import os
from datetime import datetime

import typer
from rich.console import Console

from models import display
from vigie.context import AppContext

console = Console(highlight=False, soft_wrap=True)


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
