"""`vigie rapport`: the COPIL report of a territory (XLSX, HTML printable on A4, or PDF)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from models import display
from models.errors import VigieError
from vigie.commands.common import app_context, console


def rapport(
    ctx: typer.Context,
    territoire: Annotated[str, typer.Option("--territoire", help="Le territoire (son identifiant ou son nom).")],
    depuis: Annotated[str | None, typer.Option(
        "--depuis", help="Début des changements « depuis le dernier COPIL » (AAAA-MM-JJ ou JJ/MM/AAAA ; défaut : le "
                         "jour du dernier rapport produit pour ce territoire, sinon il y a 90 jours).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="xlsx (classeur, une feuille par vue), html (imprimable "
                                     "sur A4) ou pdf.")] = "xlsx",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Fichier à écrire (défaut : "
                                                "rapport-copil-TERRITOIRE-AAAA-MM-JJ.xlsx dans le dossier courant).")]
    = None,
) -> None:
    """Rapport au comité de pilotage : synthèse, chaque fiche-action et chaque axe (appels proposés, acceptés,
    dossiers déposés et obtenus, montants, reste à couvrir, prochaines échéances), changements depuis le
    dernier COPIL."""
    from vigie.pipeline.clock import utcnow
    from vigie.report.load import check_request, file_name, load_report, renderer

    app = app_context(ctx)
    request = check_request(app.store, territoire, depuis, fmt, app.as_of)
    report = load_report(app.store, request, app.config.settings.matching.threshold, app.as_of)
    content = renderer(request.fmt)(report)
    target = output or Path(file_name(report, request))
    write_file(target, content)
    app.store.record_copil_report(request.territory_id, utcnow(), app.as_of, request.since, request.fmt)
    console.print(f"Rapport de {report.territory} écrit dans {target} ({len(report.fiches)} fiche(s)-action(s), "
                  f"changements depuis le {display.short_date(request.since)}).")


def write_file(target: Path, content: bytes) -> None:
    """Write the whole file or nothing (a temporary file renamed over the target)."""
    partial = target.with_name(f".{target.name}.partiel")
    try:
        partial.write_bytes(content)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise VigieError("écriture impossible", str(target), exc.strerror or str(exc)) from exc


def register(app: typer.Typer) -> None:
    """Add `rapport`."""
    app.command("rapport")(rapport)
