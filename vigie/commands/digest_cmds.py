"""`vigie digest` and `vigie run` (crawl → match → digest)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from models.errors import VigieError
from vigie.commands.common import app_context, console
from vigie.commands.crawl_cmds import run_crawl

if TYPE_CHECKING:  # the notifier and the matcher are imported only when a command runs them
    from vigie.pipeline.digest import DigestOutcome

STATUS_LABELS = {
    "written": "envoyée (boîte d'envoi)",
    "sent": "envoyée (SMTP)",
    "preview": "aperçu",
    "already_sent": "déjà envoyée",
    "busy": "en cours d'envoi ailleurs",
    "pending": "en attente (erreur temporaire, repartira au prochain envoi)",
    "failed": "refusée par le serveur",
    "blocked": "non envoyée : adresse déjà refusée par son serveur (à corriger dans le contact)",
}


def resolve_week(week: str | None, as_of: date, as_of_fixed: bool) -> tuple[str, date]:
    """The ISO week and the day the digest is written as of (the week's Monday unless --as-of is given)."""
    from notifier import iso_week, week_bounds

    if week is None:
        return iso_week(as_of), as_of
    try:
        monday, _ = week_bounds(week)
    except ValueError as exc:
        raise VigieError("semaine invalide", f"--week {week}", str(exc)) from exc
    return week, as_of if as_of_fixed else monday


def print_outcomes(outcomes: list[DigestOutcome], week: str) -> None:
    """Where each digest went."""
    table = Table(title=f"Lettres de la semaine {week}")
    for column in ("destinataire", "porteur", "appels", "état", "fichier ou erreur"):
        table.add_column(column)
    for o in outcomes:
        where = str(o.paths[0]) if o.paths else (o.error or "")
        table.add_row(o.recipient, o.porteur_id or "chef de projet", str(o.entries), STATUS_LABELS[o.status], where)
    console.print(table)
    if not outcomes:
        console.print("Aucune lettre cette semaine : rien de nouveau à annoncer.")


def digest(
    ctx: typer.Context,
    week: Annotated[str | None, typer.Option("--week", help="Semaine ISO AAAA-Sss, ex. 2026-W48 (défaut : la semaine du jour).")] = None,
    porteur: Annotated[str | None, typer.Option("--porteur", help="Un seul porteur.")] = None,
    send: Annotated[bool, typer.Option("--send/--dry-run", help="Envoyer (et enregistrer) ou seulement prévisualiser (défaut).")] = False,
) -> None:
    """Préparer les lettres hebdomadaires (porteurs et chef de projet) : aperçus (--dry-run) ou envoi (--send)."""
    from vigie.pipeline.weekly import run_weekly

    app = app_context(ctx)
    the_week, as_of = resolve_week(week, app.as_of, app.as_of_fixed)
    outcomes = run_weekly(app.config, app.store, the_week, as_of, send, porteur)
    print_outcomes(outcomes, the_week)


def run(ctx: typer.Context) -> None:
    """Tout enchaîner : collecte de toutes les sources, appariement, lettres de la semaine (envoi).

    Code de sortie de la collecte : 6 si une partie des sources est en échec, 7 si toutes le sont."""
    from notifier import iso_week
    from vigie.pipeline.crawl_verdict import crawl_verdict
    from vigie.pipeline.match import match_stored
    from vigie.pipeline.weekly import run_weekly

    app = app_context(ctx)
    verdict = crawl_verdict(run_crawl(app, []))
    matches = match_stored(app.config, app.store, app.as_of)
    console.print(f"Appariement : {len(matches)} correspondances retenues, "
                  f"{sum(m.result.eligible for m in matches)} éligibles.")
    week = iso_week(app.as_of)
    print_outcomes(run_weekly(app.config, app.store, week, app.as_of, send=True), week)
    # A failed source stops neither the matching nor the letters; the exit code still says it, last.
    console.print(f"Collecte : {verdict.line}")
    if verdict.code:
        raise typer.Exit(verdict.code)


def register(app: typer.Typer) -> None:
    """Add the commands."""
    app.command("digest")(digest)
    app.command("run")(run)
