"""The command line's own words in French: typer's help screens (usage line, panel titles, defaults,
required marks, the help option, value types) and the usage errors of its bundled click.

Typer ships these strings in English only: its bundled click has no gettext catalogue to install, and the
help option's text is a literal. So Vigie's commands are built from the two classes below (the supported
`cls` hook of typer), and the titles typer reads from `typer.rich_utils` at display time are set once here.
Help texts are escaped for rich, so a docstring naming a TOML table (« [retention] ») shows it as written.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from rich.markup import escape
from typer import rich_utils
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

USAGE = "Utilisation : "
HELP_TEXT = "Afficher cette aide et quitter."
SUBCOMMAND_METAVAR = "COMMANDE [ARGUMENTS]..."
ARGUMENT_NAMES = {"directory": "DOSSIER", "file": "FICHIER", "labels": "LABELS.csv", "dest": "DESTINATION",
                  "slugs": "SOURCE", "ids": "N", "username": "NOM", "profile": "PROFIL.toml"}
"""How an argument is written in the help (as in the README); others: their name in capitals."""
TYPE_NAMES = {"int": "ENTIER", "float": "NOMBRE", "str": "TEXTE"}
"""Value types in the help: click's convention (capitals), in French."""

rich_utils.DEFAULT_STRING = "[défaut : {}]"
rich_utils.ENVVAR_STRING = "[variable d'environnement : {}]"
rich_utils.REQUIRED_LONG_STRING = "[obligatoire]"
rich_utils.DEPRECATED_STRING = "(obsolète) "
rich_utils.ARGUMENTS_PANEL_TITLE = "Arguments"
rich_utils.OPTIONS_PANEL_TITLE = "Options"
rich_utils.COMMANDS_PANEL_TITLE = "Commandes"
rich_utils.ERRORS_PANEL_TITLE = "Erreur"
rich_utils.ABORTED_TEXT = "Interrompu."
rich_utils.RICH_HELP = "Essayez [blue]« {command_path} {help_option} »[/] pour l'aide."


def _metavar(param: Any) -> str | None:
    """The French placeholder of a parameter's value ("" for a flag, which takes none)."""
    if isinstance(param, TyperArgument):
        return ARGUMENT_NAMES.get(param.name or "", (param.name or "").upper())
    if isinstance(param, TyperOption) and param.is_flag:
        return ""
    desc = getattr(param, "type_descriptor", None)
    if desc is None:  # a typer still built on click: its own type names
        return None
    if desc.is_choice:
        return None  # the choices themselves (« table|json ») are what one types
    if desc.is_path:
        return "CHEMIN"
    element = desc.annotation
    args = getattr(element, "__args__", None)
    element = args[0] if args else element
    return TYPE_NAMES.get(getattr(element, "__name__", ""), "TEXTE")


def _no_type(ctx: Any = None) -> None:  # noqa: ARG001 - called as display_type_rich(ctx=…)
    """An argument's type column: empty, its French name (« DOSSIER », « N ») already says it."""
    return None


def _french_params(params: list[Any]) -> None:
    for param in params:
        if param.metavar is None:
            param.metavar = _metavar(param)
        if isinstance(param, TyperArgument):
            param.display_type_rich = _no_type  # typer would show the Python type (« <list[int]> »)
        if getattr(param, "help", None):
            param.help = escape(param.help)


class _FrenchHelp:
    """What both classes change: usage prefix, plain argument names, the help option, escaped texts."""

    def _frenchify(self) -> None:
        self.help = escape(self.help) if self.help else self.help
        self.short_help = escape(self.short_help) if self.short_help else self.short_help
        _french_params(self.params)

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        # typer wraps a required argument in braces (« {DOSSIER} »): the README writes it bare
        return [re.sub(r"^\{(.*)\}", r"\1", piece) for piece in super().collect_usage_pieces(ctx)]

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help, option.metavar = HELP_TEXT, ""
        return option


class FrenchCommand(_FrenchHelp, TyperCommand):
    """A command whose help is in French."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._frenchify()


class FrenchGroup(_FrenchHelp, TyperGroup):
    """A group of commands whose help is in French."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["subcommand_metavar"] = kwargs.get("subcommand_metavar") or SUBCOMMAND_METAVAR
        super().__init__(*args, **kwargs)
        self._frenchify()


def use_french_help(app: typer.Typer) -> None:
    """Build `app`, its commands and its groups (recursively) from the French classes."""
    app.info.cls = FrenchGroup
    for command in app.registered_commands:
        custom = isinstance(command.cls, type) and command.cls is not TyperCommand
        command.cls = command.cls if custom else FrenchCommand
    for group in app.registered_groups:
        group.cls = FrenchGroup
        if group.typer_instance is not None:
            use_french_help(group.typer_instance)


TYPE_WORDS = {"int": "un nombre entier", "float": "un nombre", "Path": "un chemin", "str": "un texte",
              "bool": "oui ou non", "date": "une date", "datetime": "une date"}
MESSAGES = [
    (r"^No such command '(.*)'\.(?: Did you mean (.*)\?)?$", "commande inconnue « {0} »{1}"),
    (r"^Missing command\.$", "commande manquante (voir la liste de --help)"),
    (r"^Got unexpected extra argument\(s\) \((.*)\)$", "argument en trop : {0}"),
    (r"^Option '(.*)' requires (?:an argument|(\d+) arguments)\.$", "l'option {0} attend une valeur"),
    (r"^Option '(.*)' does not take a value\.$", "l'option {0} ne prend pas de valeur"),
    (r"^Argument '(.*)' takes (\d+) values\.$", "l'argument {0} attend {1} valeurs"),
    (r"^No such option: (\S+)$", "option inconnue {0}"),
    (r"^Value (.*) is not a valid (\w+)\.$", "{0} n'est pas {1}"),
    (r"^(.*) is not one of (.*)\.$", "{0} n'est pas l'une des valeurs possibles : {1}"),
    (r"^Input should be a valid integer.*$", "nombre entier attendu"),
    (r"^Input should be a valid number.*$", "nombre attendu"),
    (r"^Input should be a valid (\w+).*$", "valeur attendue : {0}"),
]
"""Typer's usage-error messages (its bundled click has no translation catalogue) and their French."""


def _french_message(message: str) -> str:
    message = message.strip().removeprefix("Value error, ")  # pydantic's prefix, when typer validates with it
    for pattern, french in MESSAGES:
        found = re.match(pattern, message, re.S)
        if found:
            groups = [g or "" for g in found.groups()]
            if pattern.startswith("^No such command") and groups[1]:
                groups[1] = f" (vouliez-vous dire {groups[1].replace(chr(39), '')} ?)"
            if pattern.startswith("^Value"):
                groups[1] = TYPE_WORDS.get(groups[1], groups[1])
            return french.format(*groups)
    return message


def usage_error_line(exc: Exception) -> str:
    """A usage error of typer (missing argument, unknown option, bad value…) as one French line."""
    param = getattr(exc, "param", None)
    if type(exc).__name__ == "MissingParameter" and param is not None:
        if isinstance(param, TyperArgument):
            return f"argument {param.metavar or param.name} manquant"
        return f"option {' / '.join(param.opts)} manquante"
    if type(exc).__name__ == "NoSuchOption":
        near = getattr(exc, "possibilities", None)
        return f"option inconnue {exc.option_name}" + (f" (options proches : {', '.join(near)})" if near else "")
    message = _french_message(getattr(exc, "message", str(exc)))
    if type(exc).__name__ == "BadParameter" and param is not None:
        name = param.metavar if isinstance(param, TyperArgument) else " / ".join(param.opts)
        return f"valeur invalide pour {name} : {message}"
    return message
