"""`vigie init` and `vigie check-config`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vigie.commands.common import app_context, console
from vigie.context import AppContext, resolve_config_dir, source_kinds
from vigie.defaults import copy_example_config
from vigie.invocation import vigie_command


def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="Dossier où créer la configuration.")],
    force: Annotated[bool, typer.Option("--force", help="Écraser une configuration existante.")] = False,
    region: Annotated[str | None, typer.Option(
        "--region", help="Région du territoire (code INSEE comme 76 ou REG-76, ou nom comme Occitanie) : "
                         "seules ses sources régionales restent actives, avec les sources nationales.")] = None,
) -> None:
    """Créer une configuration commentée d'exemple dans DOSSIER et sa base de données."""
    from vigie.source_regions import init_lines, keep_region, parse_region, regional_sources

    chosen = parse_region(region) if region is not None else None  # before copying anything
    copied = copy_example_config(directory, force)
    if chosen:
        keep_region(directory / "sources.toml", chosen)
    console.print(f"Configuration d'exemple copiée dans {directory} ({len(copied)} fichiers).")
    app = AppContext(config_option=directory, as_of_option=app_context(ctx).as_of_option)
    config = app.config
    for line in init_lines(regional_sources(config.sources), chosen, directory):
        console.print(line, markup=False)
    store = app.store
    console.print(f"Base de données prête : {config.database_url}")
    store.close()
    console.print(f"Étape suivante : {vigie_command()} --config {directory} check-config", markup=False)


def check(ctx: typer.Context) -> None:
    """Vérifier toute la configuration et lister chaque problème (fichier: clé: message)."""
    from models.config import check_config, load_config
    from models.config.public_url import public_url_advice
    from vigie.source_regions import region_warnings
    from vigie.tune.checks import check_warnings  # the profile lint needs the matcher

    directory = resolve_config_dir(app_context(ctx).config_option)
    problems = check_config(directory, source_kinds())
    if problems:
        for line in problems:
            console.print(line, markup=False)
        console.print(f"{len(problems)} problème(s) dans {directory}.")
        raise typer.Exit(2)
    config = load_config(directory, source_kinds())
    active = sum(1 for s in config.sources if s.enabled)
    console.print(
        f"Configuration valide ({directory}) : {len(config.sources)} sources ({active} actives), "
        f"{len(config.plan.territories)} territoire(s), {len(config.plan.porteurs)} porteur(s), "
        f"{len(config.plan.fiches)} fiche(s)-action(s), {len(config.profiles)} profil(s)."
    )
    warnings, note = check_warnings(config)  # warnings never change the exit code
    warnings = region_warnings(config) + warnings
    url_warnings, notes = public_url_advice(config)
    warnings = url_warnings + warnings
    for line in warnings:
        console.print(f"avertissement : {line}", markup=False)
    for line in notes:
        console.print(f"remarque : {line}", markup=False)
    console.print(f"{len(warnings)} avertissement(s) — {note}.")


def register(app: typer.Typer) -> None:
    """Add the commands."""
    app.command("init")(init)
    app.command("check-config")(check)
