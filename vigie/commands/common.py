"""Helpers shared by command modules."""

from __future__ import annotations

import typer
from rich.console import Console

from vigie.context import AppContext

console = Console(highlight=False, soft_wrap=True)


def app_context(ctx: typer.Context) -> AppContext:
    """The AppContext set by the main callback."""
    return ctx.find_root().obj


def fmt_date(value) -> str:  # noqa: ANN001 - date or None
    """French short date."""
    return value.strftime("%d/%m/%Y") if value else "—"
