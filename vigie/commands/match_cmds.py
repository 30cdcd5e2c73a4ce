"""`vigie match` and `vigie review`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from models import display
from models.display import REVIEW_LABELS
from models.errors import VigieError
from models.vocab import ReviewStatus
from vigie.commands.common import acting_user, app_context, console
from vigie.commands.long_table import print_long_table
from vigie.errors import err_console
from vigie.pipeline.clock import utcnow

if TYPE_CHECKING:  # the matcher is imported only by the commands that score
    from vigie.pipeline.match import RankedMatch


class Format(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"


def as_json(m: RankedMatch) -> dict:
    """The JSON contract of `vigie match --format json`."""
    r = m.result
    return {
        "fiche_id": r.fiche_id, "porteur_id": r.porteur_id, "source": r.source, "source_id": r.source_id,
        "url": m.opportunity.url, "title": m.opportunity.title, "score": round(r.score, 4), "rank": m.rank,
        "eligible": r.eligible, "eligibility": [c.model_dump() for c in r.eligibility],
        "reasons": [x.model_dump() for x in r.reasons],
    }


def print_table(matches: list[RankedMatch]) -> None:
    """A readable table of matches (thousands of rows after a full match: see vigie.commands.long_table)."""
    rows = [(m.fiche_id, str(m.rank or "—"), display.decimal(m.score), display.yes_no(m.eligible), m.opportunity.title,
             " · ".join(c.detail for c in m.eligibility))
            for m in matches]  # no reasons shown here: the results are not built (see RankedMatch)
    print_long_table(console, "Correspondances", ("fiche", "rang", "score", "éligible", "appel", "éligibilité"), rows)


def match(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date du jour (AAAA-MM-JJ).")] = None,
    fiche: Annotated[str | None, typer.Option("--fiche", help="Une seule fiche-action.")] = None,
    output: Annotated[Format, typer.Option("--format", help="table ou json.")] = Format.table,
    show_all: Annotated[bool, typer.Option("--all", help="Toutes les paires, inéligibles comprises.")] = False,
    top: Annotated[int | None, typer.Option("--top", help="Nombre d'appels par fiche (défaut : matching.top_n).")] = None,
    full: Annotated[bool, typer.Option("--full", help="Réenregistrer toutes les paires, pas seulement ce qui a changé.")] = False,
) -> None:
    """Apparier les appels enregistrés aux fiches-actions : éligibilité, pertinence, raisons."""
    from vigie.pipeline.match import match_stored, select_for_display

    app = app_context(ctx)
    day = app.use_as_of(as_of)
    matching = app.config.settings.matching
    results = match_stored(app.config, app.store, day, full=full, every_pair=show_all)
    shown = select_for_display(results, matching.threshold, top or matching.top_n, show_all, fiche)
    if output == Format.json:
        typer.echo(json.dumps([as_json(m) for m in shown], ensure_ascii=False, indent=2))
    else:
        print_table(shown)
        console.print(f"{len(shown)} correspondance(s) affichée(s) sur {len(results)} paires retenues au {day:%d/%m/%Y}.")


def learn(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date du jour (AAAA-MM-JJ).")] = None,
) -> None:
    """Apprendre des revues du chef de projet : un modèle gardé seulement s'il fait mieux sur des revues de contrôle."""
    from matcher.learning import describe
    from vigie.pipeline.match import learn_from_reviews

    app = app_context(ctx)
    report = learn_from_reviews(app.config, app.store, app.use_as_of(as_of))
    console.print(report.message)
    if report.model is not None:
        console.print("Coefficients (variables centrées réduites) : " + " ; ".join(describe(report.model)))


review_app = typer.Typer(help="Revue des correspondances par le chef de projet.", no_args_is_help=True)


@review_app.command("list")
def review_list(
    ctx: typer.Context,
    territoire: Annotated[str | None, typer.Option("--territoire", help="Un seul territoire (son id).")] = None,
) -> None:
    """Lister les correspondances à revoir, comme la file par défaut de l'application web : éligibles, score au
    moins le seuil, appel non clos (de tous les territoires, ou d'un seul)."""
    from models.store.web_queue import review_filter

    app = app_context(ctx)
    plan = app.store.plan()
    names = {t.id: t.nom for t in [*plan.territories, *app.config.plan.territories]}
    known = {p.territoire for p in plan.porteurs} | set(names)
    if territoire and territoire not in known:
        raise VigieError("territoire inconnu", territoire, "voir les [[territoire]] de settings.toml")
    rows = app.store.queue_rows(review_filter(app.config.settings.matching.threshold, territoire=territoire or ""),
                                app.as_of)
    table = Table(title="À revoir")
    for column in ("n°", "territoire", "fiche", "score", "appel"):
        table.add_column(column)
    for row in rows:
        table.add_row(str(row["id"]), names.get(row["territoire_id"], row["territoire_id"]), row["fiche_id"],
                      display.decimal(row["score"]), row["title"])
    console.print(table)
    console.print(f"{len(rows)} correspondance(s) à revoir au {app.as_of:%d/%m/%Y}.")


REVIEWER_HELP = "Nom du relecteur (défaut : $VIGIE_USER, sinon le compte système)."


def _decide(ctx: typer.Context, ids: list[int], status: ReviewStatus, note: str | None,
            reviewer: str | None) -> None:
    app = app_context(ctx)
    reviewer = reviewer or acting_user()
    for match_id in ids:
        try:
            app.store.review(match_id, status, reviewer, utcnow(), note=note, reason=note)
        except KeyError as exc:
            raise VigieError("revue impossible", f"correspondance n°{match_id}", "introuvable") from exc
    console.print(f"{len(ids)} correspondance(s) marquée(s) « {display.label(status, REVIEW_LABELS)} ».")


@review_app.command("accept")
def review_accept(ctx: typer.Context, ids: list[int], note: str | None = typer.Option(None, "--note"),
                  reviewer: str | None = typer.Option(None, "--par", help=REVIEWER_HELP)) -> None:
    """Accepter des correspondances (elles partiront dans la prochaine lettre)."""
    _decide(ctx, ids, ReviewStatus.ACCEPTED, note, reviewer)


@review_app.command("reject")
def review_reject(ctx: typer.Context, ids: list[int], note: str | None = typer.Option(None, "--motif"),
                  reviewer: str | None = typer.Option(None, "--par", help=REVIEWER_HELP)) -> None:
    """Rejeter des correspondances (le motif sert à l'apprentissage)."""
    _decide(ctx, ids, ReviewStatus.REJECTED, note, reviewer)


@review_app.command("import")
def review_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Tableur des décisions (.csv ou .xlsx) : fiche_id, source_id, decision "
                                               "(« accepté » ou « rejeté », avec ou sans accent), motif et date facultatifs.")],
    reviewer: str | None = typer.Option(None, "--par", help="Nom du relecteur enregistré (défaut : « import »)."),
) -> None:
    """Importer des décisions prises hors de la file (tout ou rien, chaque ligne fautive signalée) : elles
    comptent comme celles de la file, y compris pour les fiches semblables des autres territoires."""
    from vigie.pipeline.review_import import import_decisions

    app = app_context(ctx)
    result = import_decisions(app.store, file, reviewer)
    if result.problems:
        err_console.print(f"Import refusé, rien n'est enregistré ({file.name}) :", markup=False)
        for line in result.problems:
            err_console.print(f"  {line}", markup=False)
        raise typer.Exit(2)
    console.print(result.summary() + ".", markup=False)


def register(app: typer.Typer) -> None:
    """Add the commands."""
    app.command("match")(match)
    app.command("learn")(learn)
    app.add_typer(review_app, name="review")
