"""`vigie schedule` (the scheduler) and `vigie status` (next runs, last results, sources, links)."""

from __future__ import annotations

import logging
import threading

import typer
from rich.table import Table

from models import display
from vigie.commands.common import app_context, console, fmt_date
from vigie.pipeline.clock import utcnow


def schedule(ctx: typer.Context) -> None:
    """Lancer le planificateur : collectes, appariements, lettres, réapprentissage, liens morts, aux heures de settings.toml."""
    from vigie.scheduler.plan import job_specs
    from vigie.scheduler.service import serve, stop_on_signals

    app = app_context(ctx)
    specs = job_specs(app.config)
    app.store  # noqa: B018 - the schema is brought up to date before the job store opens
    logging.getLogger("vigie.scheduler").setLevel(logging.INFO)
    stop = threading.Event()
    stop_on_signals(stop)
    serve(app.config.database_url, specs, app.config_dir, stop, say=lambda line: console.print(line, markup=False))


def status(ctx: typer.Context) -> None:
    """Afficher l'état du planificateur : prochaines exécutions, derniers résultats par tâche et par source."""
    from vigie.scheduler.plan import job_specs
    from vigie.scheduler.status import gather, last_result, when

    app = app_context(ctx)
    now = utcnow()
    state = gather(app.store, job_specs(app.config), now, app.as_of)
    table = Table(title="Tâches planifiées (heure de Paris)")
    table.add_column("tâche", no_wrap=True)
    for column in ("cron", "prochaine exécution", "dernier résultat"):
        table.add_column(column)
    for job in state.jobs:
        planned = when(job.next_run) + ("" if job.stored else " *")
        table.add_row(job.spec.label, job.spec.cron, planned, last_result(job.last, now))
    console.print(table)
    if not all(job.stored for job in state.jobs):
        console.print("* d'après settings.toml : « vigie schedule » n'a pas encore planifié la tâche.")
    console.print(sources_table(app))
    links = state.links
    console.print(f"Liens des appels ouverts : {links.checked} vérifiés, {links.dead} morts, "
                  f"{links.unchecked} pas encore vérifiés.")


def sources_table(app) -> Table:  # noqa: ANN001
    """Per-source health: last crawl, last success, consecutive failures, last error."""
    health = {s.slug: s for s in app.store.sources_health()}
    table = Table(title="Sources")
    for column in ("source", "dernière collecte", "dernier succès", "échecs consécutifs", "dernière erreur"):
        table.add_column(column)
    for source in app.config.sources:
        h = health.get(source.slug)
        table.add_row(source.slug, fmt_date(h and h.last_run_at), fmt_date(h and h.last_success_at),
                      str(h.consecutive_failures if h else 0), display.text_or_dash(h and h.last_error))
    return table


def register(app: typer.Typer) -> None:
    """Add the commands."""
    app.command("schedule")(schedule)
    app.command("status")(status)
