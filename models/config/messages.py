"""French problem messages for configuration files: TOML syntax errors and pydantic validation errors.

Pure functions: they turn an exception into `(key path, message)` pairs; the loader adds the file name.
"""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

Loc = tuple[str | int, ...]

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")

_TOML_GIST = [
    # (start of tomllib's English message, French gist)
    ("Invalid value", "valeur invalide : texte entre guillemets, nombre, true/false, [liste] ou {table} attendu"),
    ("Expected '=' after a key", "« = » attendu après la clé"),
    ("Expected newline or end of document", "retour à la ligne attendu après la valeur"),
    ("Expected ']' at the end of a table", "« ] » attendu à la fin du nom de table"),
    ("Expected ']]' at the end of an array", "« ]] » attendu à la fin du nom de tableau de tables"),
    ("Unclosed array", "liste non fermée : « ] » manquant"),
    ("Unclosed inline table", "table en ligne non fermée : « } » manquant"),
    ("Unterminated string", "texte non terminé : guillemet fermant manquant"),
    ("Illegal character '\\n'", "texte non terminé : guillemet fermant manquant en fin de ligne"),
    ("Illegal character", "caractère interdit dans un texte"),
    ("Found invalid character", "caractère inattendu"),
    ("Invalid initial character for a key", "nom de clé invalide"),
    ("Invalid statement", "ligne incompréhensible"),
    ("Cannot declare", "table déclarée deux fois"),
    ("Cannot overwrite a value", "clé définie deux fois"),
    ("Duplicate inline table key", "clé définie deux fois dans la table en ligne"),
    ("Cannot mutate immutable namespace", "table en ligne déjà fermée, impossible de la compléter"),
    ("Cannot redefine namespace", "table déjà définie"),
    ("Invalid date or datetime", "date invalide (attendu AAAA-MM-JJ)"),
    ("Unescaped '\\' in a string", "« \\ » non échappé : écrivez « \\\\ » ou utilisez des apostrophes"),
    ("Invalid hex value", "séquence \\u invalide"),
    ("Escaped character is not a Unicode", "séquence \\u hors Unicode"),
]
_TOML_POSITION = re.compile(r"\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")

_PATTERNS = {
    r"^[a-z0-9][a-z0-9_-]*$": "identifiant attendu : minuscules, chiffres, « - » ou « _ », ex. « gers-lomagne »",
    r"^[a-z0-9][a-z0-9-]*$": "identifiant attendu : minuscules, chiffres et « - », ex. « gers-lomagne »",
    r"^\d{9}$": "9 chiffres attendus (SIREN)",
    r"^\d{4}-(0[1-9]|1[0-2])$": "mois attendu au format AAAA-MM, ex. « 2026-03 »",
}

_TYPE_EXPECTED = {
    "int_type": "nombre entier attendu", "int_parsing": "nombre entier attendu",
    "int_from_float": "nombre entier attendu", "float_type": "nombre attendu", "float_parsing": "nombre attendu",
    "bool_type": "booléen attendu (true ou false)", "bool_parsing": "booléen attendu (true ou false)",
    "string_type": "texte attendu", "list_type": "liste attendue", "tuple_type": "liste attendue",
    "dict_type": "table attendue", "model_type": "table attendue", "model_attributes_type": "table attendue",
}

_BOUNDS = {
    "greater_than": ("gt", "supérieure à"), "greater_than_equal": ("ge", "au moins"),
    "less_than": ("lt", "inférieure à"), "less_than_equal": ("le", "au plus"),
}


def toml_problem(error: Exception, text: str) -> str:
    """`ligne L, colonne C: syntaxe TOML invalide (gist)` from a tomllib.TOMLDecodeError."""
    message = str(error)
    gist = next((fr for en, fr in _TOML_GIST if message.startswith(en)), _TOML_POSITION.sub("", message))
    match = _TOML_POSITION.search(message)
    if match and match.group(1):
        where = f"ligne {match.group(1)}, colonne {match.group(2)}"
    else:
        where = f"ligne {text.count(chr(10)) + 1} (fin du fichier)"
    return f"{where}: syntaxe TOML invalide ({gist})"


def format_loc(loc: Loc) -> str:
    """Dotted key path with 1-based array indices: ("source", 2, "url") → "source[3].url"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            key = part if _BARE_KEY.match(part) else f'"{part}"'
            out += f".{key}" if out else key
    return out


def show(value: Any) -> str:
    """A found value as the user wrote it, short."""
    if isinstance(value, Mapping):
        return "une table"
    if isinstance(value, list | tuple):
        return "une liste"
    if isinstance(value, bool):
        return "« true »" if value else "« false »"
    text = value.isoformat() if isinstance(value, date | datetime | time) else str(value)
    return f"« {text if len(text) <= 80 else text[:77] + '…'} »"


def suggestion(value: str, valid: Sequence[str], label: str = "valeurs possibles") -> str:
    """The hint `(vouliez-vous dire « x » ?)` with the closest valid name, else the list of valid ones."""
    close = difflib.get_close_matches(value, list(valid), n=1, cutoff=0.6)
    if close:
        return f"(vouliez-vous dire « {close[0]} » ?)"
    return f"({label} : {', '.join(valid) or 'aucune'})"


def validation_problems(
    error: ValidationError, model: type[BaseModel],
    prefix: Loc = (), rename: Mapping[str, Loc] | None = None,
) -> list[tuple[str, str]]:
    """(key path, French message) for every error of `error`, raised while validating `model`.

    `prefix` places the model inside its file; `rename` maps a record field to its config key
    (e.g. TerritoryData's "geo_codes" → ("geo",)), relative to `prefix`.
    """
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if rename and loc and loc[0] in rename:
            loc = tuple(rename[loc[0]]) + loc[1:]
        problems.append((format_loc(tuple(prefix) + loc), translate(item, model)))
    return problems


def translate(item: Mapping[str, Any], model: type[BaseModel]) -> str:
    """One pydantic error (an item of `ValidationError.errors()`) in French."""
    kind, ctx, found = item["type"], item.get("ctx") or {}, item.get("input")
    if kind == "missing":
        return "valeur manquante"
    if kind == "extra_forbidden":
        valid = fields_at(model, tuple(item["loc"])[:-1])
        return f"clé inconnue {suggestion(str(item['loc'][-1]), valid, 'clés valides')}"
    if kind in _TYPE_EXPECTED:
        return f"{_TYPE_EXPECTED[kind]}, reçu {show(found)}"
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"valeur non autorisée {show(found)} (valeurs possibles : {', '.join(allowed)})"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"valeur hors limites {show(found)} (attendu {words} {ctx.get(key)})"
    return _translate_other(kind, item, ctx, found)


def _translate_other(kind: str, item: Mapping[str, Any], ctx: Mapping[str, Any], found: Any) -> str:
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return f"format invalide {show(found)} ({_PATTERNS.get(pattern, 'motif attendu : ' + pattern)})"
    if kind == "string_too_short":
        return "texte vide" if ctx.get("min_length") == 1 else f"texte trop court {show(found)}"
    if kind == "too_short":
        return f"liste trop courte (au moins {ctx.get('min_length')} élément(s))"
    if kind == "value_error" and str(item["msg"]).startswith("value is not a valid email address"):
        return f"adresse e-mail invalide {show(found)}"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])  # our validators already speak French
    return f"valeur invalide {show(found)} ({item['msg']})"


def fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the model found at `loc` inside `model` ([] when it is not a model)."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _step(annotation: Any, part: str | int) -> Any:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field else None
    args = get_args(annotation)
    if get_origin(annotation) in (list, tuple, set) and isinstance(part, int) and args:
        return args[0]
    if get_origin(annotation) is dict and isinstance(part, str) and len(args) == 2:
        return args[1]
    return None


def _unwrap(annotation: Any) -> Any:
    """`X | None` → X."""
    if get_origin(annotation) in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation
