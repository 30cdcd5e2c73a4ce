"""Checks of an Opendatasoft page, record by record: a wrong-typed field costs its record, never the page.

A record whose field does not have the type its dataset gives it (a title that is a number or an object,
labels that are an object…) is dropped with its id and a French reason; the other records of the page
are kept. A page whose total count is not a number is still read (the spider pages until an empty page).
"""

from __future__ import annotations

import math
from typing import Any

IDS = ("id_aide", "reference_administrative", "recordid")
"""Identifier fields: text or a whole number (IDF's `reference_administrative` is a number)."""
TEXTS = (
    # Île-de-France (ods_shapes.map_idf_record)
    "url_descriptif", "titre_alternatif_de_l_aide", "nom_de_l_aide_de_la_demarche", "chapo_txt", "entete",
    "objectif", "objectif_txt", "modalite", "modalite_txt", "publicsbeneficiaireprecision", "demarches",
    "demarches_txt", "porteur_aide", "date_ouverture", "date_cloture", "datedebutfuturcampagne", "date", "notes",
    # Occitanie (ods_shapes.map_occitanie_record)
    "titre", "chapo", "introduction", "url", "type", "date_publication", "date_modification",
)
"""Fields read as text: a string (or null)."""
LABELS = ("qui_peut_en_beneficier", "qui", "theme", "mots_cles", "thematiques", "thematique")
"""Fields read as labels: a string, a list of strings (or null)."""
_TYPE_NAMES = {bool: "un booléen", int: "un nombre", float: "un nombre", str: "un texte", list: "une liste",
               dict: "un objet"}


def type_name(value: Any) -> str:
    """« un nombre », « un objet »… (French, for a reason)."""
    return _TYPE_NAMES.get(type(value), f"une valeur {type(value).__name__}")


def field_problem(key: str, value: Any) -> str | None:
    """Why a known field's value has the wrong type (None: fine, or a field Vigie does not read)."""
    if value is None:
        return None
    if key in IDS and not (isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))):
        return f"champ « {key} » : texte ou nombre attendu, reçu {type_name(value)}"
    if key in TEXTS and not isinstance(value, str):
        return f"champ « {key} » : texte attendu, reçu {type_name(value)}"
    if key in LABELS and not (isinstance(value, str) or _strings(value)):
        return f"champ « {key} » : texte ou liste de textes attendu, reçu {type_name(value)}"
    return None


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) or v is None for v in value)


def record_problem(row: Any) -> str | None:
    """Why this record cannot be read (not an object, a field of the wrong type), or None."""
    if not isinstance(row, dict):
        return f"objet JSON attendu, reçu {type_name(row)}"
    if row.get("fields") is not None and not isinstance(row["fields"], dict):  # API v1: the record's fields
        return f"champ « fields » : objet attendu, reçu {type_name(row['fields'])}"
    problems = [p for key, value in row.items() if (p := field_problem(key, value))]
    return "; ".join(problems) or None


def record_id(row: Any, position: int) -> str:
    """The record's id at the source (for a reason), else its rank."""
    if isinstance(row, dict):
        for key in IDS:
            value = row.get(key)
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                return f"« {str(value).strip()[:80]} »"
    return f"n° {position}"


def read_total(value: Any) -> int | None:
    """A page's total count, or None when it is not a whole number ≥ 0 (missing, text, negative)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or value < 0 or value != int(value):
        return None
    return int(value)
