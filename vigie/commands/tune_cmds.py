"""`vigie tune`: diff, explain, try and apply changes to profiles, synonyms and [matching]."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from vigie.commands.common import app_context, console
from vigie.pipeline.clock import utcnow

CHANGED_EXIT = 5
"""Exit code of `tune diff` when matches change (0: nothing changes; 1, 2: errors)."""

tune_app = typer.Typer(help="Régler les profils, synonymes et seuils en voyant leur effet.", no_args_is_help=True)


class Format(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"


def _print(lines: list[str]) -> None:
    for line in lines:  # rich markup built by vigie.tune.render, every outside text escaped there
        console.print(line, markup=True)


@tune_app.command("diff")
def diff(
    ctx: typer.Context,
    against: Annotated[str | None, typer.Option(
        "--against", help="Référence : dossier de configuration ou révision git (défaut : la dernière appliquée).")] = None,
    output: Annotated[Format, typer.Option("--format", help="table ou json.")] = Format.table,
) -> None:
    """Comparer les correspondances de la configuration actuelle à celles d'une référence (code 5 si elles changent)."""
    from vigie.tune import render  # the matcher: imported only when a tune command runs
    from vigie.tune.actions import diff_against

    app = app_context(ctx)
    result = diff_against(app.config, app.store, app.as_of, against)
    if output == Format.json:
        typer.echo(json.dumps(render.diff_json(result), ensure_ascii=False, indent=2))
    else:
        _print(render.diff_lines(result))
    if result.changed:
        raise typer.Exit(CHANGED_EXIT)


@tune_app.command("explain")
def explain(ctx: typer.Context,
            fiche_id: Annotated[str, typer.Argument(help="Identifiant de la fiche-action.")],
            source_id: Annotated[str, typer.Argument(help="Identifiant de l'appel (ou SOURCE:IDENTIFIANT).")]) -> None:
    """Afficher tout le calcul d'une paire : éligibilité, signaux, fusion, modèle appris, termes et synonymes."""
    from vigie.tune import render
    from vigie.tune.actions import explain_pair

    app = app_context(ctx)
    _print(render.explain_lines(explain_pair(app.config, app.store, app.as_of, fiche_id, source_id)))


@tune_app.command("try")
def trial(ctx: typer.Context,
          profile: Annotated[Path, typer.Argument(help="Fichier de profil (.toml) pas encore installé.")],
          fiche: Annotated[str, typer.Option("--fiche", help="Fiche-action sur laquelle l'essayer.")],
          top: Annotated[int, typer.Option("--top", help="Nombre d'appels affichés.")] = 10) -> None:
    """Essayer un profil non installé sur les appels enregistrés, comme sur un banc d'essai."""
    from vigie.tune import render
    from vigie.tune.actions import try_profile

    app = app_context(ctx)
    rows = try_profile(app.config, app.store, app.as_of, profile, fiche, top)
    _print(render.trial_lines(rows, profile.stem, fiche))


@tune_app.command("apply")
def apply(ctx: typer.Context,
          by: Annotated[str | None, typer.Option("--par", help="Qui applique (défaut : $VIGIE_USER ou le compte).")] = None
          ) -> None:
    """Enregistrer la configuration actuelle comme référence des prochains « tune diff »."""
    from vigie.tune import render
    from vigie.tune.actions import apply_current, who_applies

    app = app_context(ctx)
    result = apply_current(app.config, app.store, app.as_of, by or who_applies(), utcnow())
    effect = render.counts_line(result) if result else "première référence"
    console.print(f"Référence enregistrée dans {app.config.directory / 'var' / 'tune' / 'reference'} ({effect}).")


def register(app: typer.Typer) -> None:
    """Add the commands."""
    app.add_typer(tune_app, name="tune")
