"""What `vigie demo` prints: what happened, step by step, then how to look at the result.

Everything fits the terminal's width (80 columns included): prose is wrapped between words, the crawl table
keeps whole words, and the commands to type are printed alone on their lines, ready to copy.
"""

from __future__ import annotations

import email
import re
import textwrap
from dataclasses import dataclass
from email import policy
from pathlib import Path

from rich import box
from rich.table import Table

from vigie.commands.common import console
from vigie.demo.chef import ACCEPT_PER_FICHE
from vigie.demo.folder import DEMO_REVIEWER
from vigie.demo.run import DemoReport
from vigie.invocation import shown_path
from vigie.pipeline.crawl import SourceOutcome

UNREADABLE = "pages de détail illisibles, appels gardés d'après la liste"
SPACE_LINK = re.compile(r"https?://\S+/espace/[\w.\-]+")


@dataclass(frozen=True)
class Account:
    """The web account the demo created, and the session key `vigie serve` needs."""

    username: str
    password: str
    secret_env: str
    secret: str
    """A fresh random key, printed for an `export` (never written in a file)."""


def say(text: str, indent: str = "  ") -> None:
    """A paragraph wrapped between words at the console's width, continuation lines indented."""
    width = max(console.width, 40)
    console.print(textwrap.fill(text, width, subsequent_indent=indent, break_long_words=False,
                                break_on_hyphens=False), markup=False)


def crawl_table(outcomes: list[SourceOutcome]) -> tuple[Table, list[str]]:
    """Per source: calls stored, dropped, state (details below the table, so that no cell is cut)."""
    table = Table(title="Collecte par source", box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                  show_edge=False)
    table.add_column("source", no_wrap=True)
    for column in ("appels", "écartés"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("état", no_wrap=True)
    notes = []
    for o in outcomes:
        c = o.counts
        state = "ok"
        if o.skipped or o.error or o.warnings:
            notes.append(f"{len(notes) + 1}. {o.slug} : {o.skipped or o.error or UNREADABLE}.")
            state = f"{'échec' if o.error else 'non collectée' if o.skipped else 'ok'} (note {len(notes)})"
        table.add_row(o.slug, str(c.new + c.changed + c.unchanged), str(c.dropped), state)
    return table, notes


def print_steps(report: DemoReport) -> None:
    """Crawl, plan, matching, review queue, the demo's decisions, letters."""
    table, notes = crawl_table(report.crawl)
    console.print(table)
    for note in notes:
        say(note, "   ")
    plan, reviews = report.plan, report.reviews
    eligible = [m for m in report.matches if m.result.eligible]
    toml = len(report.config.plan.porteurs)
    console.print()
    say(f"Plan d'actions : {plan.fiches_new} fiches-actions de {plan.porteurs_new} porteurs importées du tableur "
        f"de démonstration, plus {toml} porteur{'s' if toml > 1 else ''} de porteurs/*.toml.")
    say(f"Appariement : {len(report.matches)} correspondances retenues, dont {len(eligible)} éligibles, "
        f"pour {len({m.result.fiche_id for m in eligible})} fiches-actions.")
    threshold = f"{report.config.settings.matching.threshold:.2f}".replace(".", ",")
    say(f"File de revue : {reviews.waiting} correspondances à relire (éligibles, score d'au moins {threshold}) "
        f"pour {reviews.fiches} fiches-actions ; seules celles que le chef de projet accepte partent aux porteurs.")
    say(f"La démo joue le chef de projet (relecteur « {DEMO_REVIEWER} ») : elle accepte les {ACCEPT_PER_FICHE} "
        f"meilleures correspondances de chaque fiche-action et laisse les autres à relire : {reviews.accepted} "
        f"acceptées, {reviews.left} à relire.")
    letters = [d for d in report.digests if d.status == "written"]
    porteurs = sum(1 for d in letters if d.porteur_id)
    say(f"Lettres de la semaine {report.week} (fichiers .eml et aperçus .html), avec les seules correspondances "
        f"acceptées : {porteurs} aux contacts des porteurs, {len(letters) - porteurs} au chef de projet.")


def space_link(report: DemoReport) -> tuple[str, str] | None:
    """(recipient, link to their space) from the first porteur letter that carries one, as written."""
    for outcome in report.digests:
        for path in outcome.paths if outcome.porteur_id else []:
            if path.suffix == ".eml" and path.is_file():
                message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
                found = SPACE_LINK.search(message.get_body(("plain",)).get_content())
                if found:
                    return outcome.recipient, found[0]
    return None


def print_report_and_space(report: DemoReport, base: str) -> None:
    """The commands of the COPIL report and the link of one porteur's space (it opens once `serve` runs)."""
    territory = report.config.plan.territories[0]
    say(f"  Le rapport au comité de pilotage de « {territory.nom} » (page HTML à imprimer ; "
        "--format xlsx ou pdf pour le classeur ou le PDF) :", "    ")
    console.print(f"    {base} rapport --territoire {territory.id} --format html", markup=False)
    link = space_link(report)
    if link:
        say(f"  L'espace d'un porteur, sans compte, par le lien personnel de sa lettre (à {link[0]}), une fois le "
            "serveur lancé :", "    ")
        console.print(f"    {link[1]}", markup=False)


def print_next_steps(report: DemoReport, vigie: str, account: Account) -> None:
    """Where everything is, and the commands to look at it (they work as printed from the current folder)."""
    config_dir = shown_path(report.config_dir)
    outbox = report.config.outbox / report.week
    web = report.config.settings.web
    console.print(f"\nDémo terminée (au {report.as_of:%d/%m/%Y}).", markup=False)
    console.print(f"  Configuration : {config_dir}", markup=False)
    if report.database_url.startswith("sqlite:///"):
        console.print(f"  Base SQLite   : {shown_path(Path(report.database_url.removeprefix('sqlite:///')))}", markup=False)
    console.print(f"  Lettres       : {shown_path(outbox)}", markup=False)
    base = f"{vigie} --config {config_dir} --as-of {report.as_of.isoformat()}"
    console.print("\nPour voir le résultat, depuis ce dossier :", markup=False)
    say("  Les correspondances qui restent à relire :", "    ")
    console.print(f"    {base} review list", markup=False)
    say(f"  L'application web du chef de projet : d'abord la clé des sessions (variable {account.secret_env}, "
        "32 caractères au moins), puis le serveur :", "    ")
    console.print(f"    export {account.secret_env}={account.secret}", markup=False)
    console.print(f"    {base} serve", markup=False)
    say(f"  puis ouvrez http://{web.host}:{web.port}/ et connectez-vous avec le compte « {account.username} », "
        f"mot de passe « {account.password} » (chef de projet du territoire de la démo).", "  ")
    print_report_and_space(report, base)
