"""`vigie changes`: the typed changes of the calls between crawls, as a French table or as JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from models import display
from models.errors import VigieError
from vigie.commands.common import app_context, console
from vigie.context import read_day

if TYPE_CHECKING:
    from models.store.changes import StoredChange

DEFAULT_DAYS = 7
"""Without --depuis: the changes of the last week."""


class Format(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"


def parse_day(value: str) -> date:
    """--depuis as AAAA-MM-JJ or JJ/MM/AAAA."""
    day = read_day(value)
    if day is None:
        raise VigieError("date invalide", f"--depuis {value}", "format attendu AAAA-MM-JJ ou JJ/MM/AAAA")
    return day


def as_json(item: StoredChange) -> dict:
    """The JSON contract of `vigie changes --format json` (ISO dates; keys never renamed)."""
    from models.display_changes import change_label, change_sentence

    change = item.change
    return {
        "opportunity_id": item.opportunity_id, "source": item.source, "source_id": item.source_id,
        "title": item.title, "url": item.url, "type": change.type.value, "before": change.before,
        "after": change.after, "detected_on": item.detected_on.isoformat(),
        "detected_at": item.detected_at.isoformat(), "label": change_label(change),
        "description": change_sentence(change),
    }


def changes_table(items: list[StoredChange]) -> Table:
    """One line per change: call, source, type, before → after, day detected (French dates)."""
    from models.display_changes import change_label, change_values

    table = Table(title="Changements des appels")
    for column in ("détecté le", "source", "appel", "changement", "avant → après"):
        table.add_column(column)
    for item in items:
        before, after = change_values(item.change)
        table.add_row(display.short_date(item.detected_on), item.source, item.title, change_label(item.change),
                      f"{before} → {after}")
    return table


def changes(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(
        "--depuis", help=f"Changements détectés depuis ce jour (AAAA-MM-JJ ou JJ/MM/AAAA ; défaut : il y a "
                         f"{DEFAULT_DAYS} jours).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Les appels d'une seule source (son slug).")] = None,
    output: Annotated[Format, typer.Option("--format", help="table (pour les personnes) ou json (pour les scripts).")]
    = Format.table,
) -> None:
    """Lister les changements des appels entre deux collectes : nouvelle relève, date limite repoussée ou
    avancée, clos avant terme ou retiré, rouvert, bénéficiaires ou montant modifiés."""
    app = app_context(ctx)
    day = parse_day(since) if since else app.as_of - timedelta(days=DEFAULT_DAYS)
    if source:
        known = {s.slug for s in app.config.sources} | app.store.change_sources()
        if source not in known:
            raise VigieError("source inconnue", source, f"sources configurées : {', '.join(sorted(known))}")
    items = app.store.call_changes(since=day, source=source)
    if output == Format.json:
        typer.echo(json.dumps([as_json(i) for i in items], ensure_ascii=False, indent=2))
        return
    console.print(changes_table(items))
    console.print(f"{len(items)} changement(s) détecté(s) depuis le {display.short_date(day)}.")


def register(app: typer.Typer) -> None:
    """Add the command."""
    app.command("changes")(changes)
