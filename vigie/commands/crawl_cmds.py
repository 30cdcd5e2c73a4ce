"""`vigie crawl` and `vigie sources`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from models import display
from vigie.commands.common import app_context, console, fmt_date

if TYPE_CHECKING:  # the crawl pipeline is imported only when a command runs it
    from vigie.pipeline.crawl import SourceOutcome
    from vigie.pipeline.crawl_dropped import DroppedReport


def crawl_summary(outcomes: list[SourceOutcome]) -> Table:
    """Per-source summary: new / changed / unchanged / closed / dropped / warnings / failed."""
    table = Table(title="Collecte par source")
    for column in ("source", "nouveaux", "modifiés", "inchangés", "clos", "écartés", "avertissements", "état"):
        table.add_column(column)
    for o in outcomes:
        c = o.counts
        table.add_row(o.slug, str(c.new), str(c.changed), str(c.unchanged), str(c.closed), str(c.dropped),
                      str(o.warnings), crawl_state(o))
    return table


def crawl_state(o: SourceOutcome) -> Text:
    """The « état » cell: coloured by us, the texts from outside (errors, warnings) kept literal."""
    if o.skipped:
        return Text(o.skipped)
    if o.error:
        return Text.assemble(("échec", "red"), " : ", o.error)
    if o.warnings and o.notes:
        return Text.assemble(("ok, avec avertissement", "yellow"), " : ", o.notes[0])
    if o.warnings:
        return Text("ok, pages de détail illisibles (appels gardés d'après la liste)", "yellow")
    return Text("ok", "green")


def run_crawl(app, slugs: list[str]) -> list[SourceOutcome]:  # noqa: ANN001
    """Crawl with a progress line per source, then print the summary."""
    from vigie.pipeline.crawl import crawl_all
    from vigie.pipeline.crawl_dropped import DroppedReport

    config, store, as_of = app.config, app.store, app.as_of
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("collecte", total=None)
        outcomes = crawl_all(
            config, store, slugs, as_of,
            on_start=lambda s: progress.update(task, description=f"collecte de {s.slug} ({s.kind})…"),
            on_done=lambda o: console.print(f"  {o.slug} : " + ("échec" if o.error else o.skipped or "ok")),
        )
    console.print(crawl_summary(outcomes))
    if app.verbose:
        print_dropped(DroppedReport(o.slug, None, len(o.dropped), o.dropped) for o in outcomes if o.dropped)
    elif any(o.dropped for o in outcomes):
        console.print("Raison de chaque appel écarté : vigie sources --details (ou vigie -v crawl).")
    return outcomes


def print_dropped(reports: Iterable[DroppedReport]) -> None:
    """Each source's dropped calls, one reason a line (texts from the sites are never read as markup)."""
    for report in reports:
        console.print(f"{report.slug} : {report.headline}", markup=False)
        for reason in report.reasons:
            console.print(f"  – {reason}", markup=False)
        if report.hidden:
            console.print(f"  {report.hidden}", markup=False)


def crawl(
    ctx: typer.Context,
    slugs: Annotated[list[str] | None, typer.Argument(help="Sources à collecter (défaut : toutes les actives).")] = None,
) -> None:
    """Collecter les appels des sources configurées et les enregistrer (nouveaux, modifiés, clos).

    Code de sortie : 0 sans échec, 6 si une partie des sources est en échec, 7 si toutes le sont."""
    from vigie.pipeline.crawl_verdict import crawl_verdict

    outcomes = run_crawl(app_context(ctx), slugs or [])
    verdict = crawl_verdict(outcomes)
    console.print(verdict.line)  # the last line, for whoever watches the exit code
    if verdict.code:
        raise typer.Exit(verdict.code)


def sources(
    ctx: typer.Context,
    details: Annotated[bool, typer.Option("--details", help="Lister aussi les appels écartés lors de la dernière "
                                          "collecte de chaque source, avec la raison de chacun.")] = False,
) -> None:
    """Afficher l'état des sources : dernière collecte, éléments, échecs consécutifs, dernière erreur."""
    app = app_context(ctx)
    health = {s.slug: s for s in app.store.sources_health()}
    table = Table(title="État des sources")
    for column in ("source", "type", "active", "dernière collecte", "dernier succès", "éléments", "échecs", "dernière erreur"):
        table.add_column(column)
    for source in app.config.sources:
        h = health.get(source.slug)
        active = "non (410)" if h and h.disabled_reason else ("oui" if source.enabled else "non")
        if h and h.unconfigured_reason and source.enabled:
            active = f"non configurée ({h.unconfigured_reason})"
        table.add_row(source.slug, source.kind, active, fmt_date(h and h.last_run_at),
                      fmt_date(h and h.last_success_at), str(h.last_item_count if h and h.last_item_count is not None else "—"),
                      str(h.consecutive_failures if h else 0),
                      display.text_or_dash(h and h.last_error))
    console.print(table)
    if details:
        from vigie.pipeline.crawl_dropped import dropped_reports

        reports = dropped_reports(app.config.sources, app.store.last_runs())
        print_dropped(reports)
        if not reports:
            console.print("Aucun appel écarté lors des dernières collectes.")


def register(app: typer.Typer) -> None:
    """Add the commands."""
    app.command("crawl")(crawl)
    app.command("sources")(sources)
