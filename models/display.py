"""Vigie in French for people: every stored vocabulary by its label, places by their name, amounts,
percentages, dates and yes/no — one layer for the pages, the letters and the command output.

It lives in `models` because that is the one package all the others may import. An internal code never
reaches a person: an unlisted code at least loses its underscores. An absent value reads « — »; a fact
nobody could establish (a status without dates, a criterion without evidence, a yes/no never answered)
reads « inconnu ».
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from models.display_labels import (  # noqa: F401 - the vocabularies' labels, re-exported
    AXE_LABELS, BENEFICIARY_LABELS, CALL_STATUS_LABELS, CHANGE_LABELS, CRITERION_LABELS, DIGEST_LABELS,
    FOLLOWUP_LABELS, INSTRUMENT_LABELS, PORTEUR_TYPE_LABELS, RECURRENCE_LABELS, REJECT_REASONS, REVIEW_LABELS,
    ROLE_LABELS, SEND_OUTCOME_LABELS, TAILLE_LABELS, VERDICT_LABELS,
)
from models import communes
from models.geo import FRANCE, commune_departement, departements, regions
from models.vocab import GeoScope

NBSP = "\u00a0"
"""No-break space: between the digit groups of an amount and before « € » (« 1 100 000 € » never wraps)."""
NNBSP = "\u202f"
"""Narrow no-break space: before « % » (« 50 % »)."""
DASH = "—"
"""An absent value: no amount, no date, no error."""
UNKNOWN = "inconnu"
"""A fact with no evidence."""
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def label(value: Any, table: Mapping[str, str], empty: str = DASH) -> str:
    """The French label of a stored code; an unlisted code without its underscores; `empty` when absent."""
    if value is None or value == "":
        return empty
    key = str(value)
    return table.get(key, key.replace("_", " "))


def labels_line(values: Iterable[Any], table: Mapping[str, str], empty: str = DASH) -> str:
    """Several codes as one line of labels, in order, without repeats: « PME, Communes »."""
    names = [label(v, table) for v in values if v not in (None, "")]
    return ", ".join(dict.fromkeys(names)) or empty


def place_name(code: str) -> str:
    """A COG code by its name: « France », « Occitanie », « Gers », « Thiers (Puy-de-Dôme) », « CA du Cotentin »;
    a commune or intercommunality missing from the tables: « commune 32147 (Gers) », « intercommunalité SIREN … »."""
    level, _, value = code.strip().partition("-")
    if code.strip() == GeoScope.UNION_EUROPEENNE:
        return "Union européenne"
    if code.strip() == FRANCE or level == "PAYS":
        return "France"
    if level == "REG" and value in regions():
        return regions()[value]
    if level == "DEP" and value in departements():
        return departements()[value].nom
    if level == "COM" and (dep := commune_departement(value)):
        commune = communes.communes().get(value)
        return f"{commune.nom if commune else f'commune {value}'} ({departements()[dep].nom})"
    if level == "EPCI":
        return communes.epcis().get(value, f"intercommunalité SIREN {value}")
    return code


def places_line(codes: Iterable[str], empty: str = UNKNOWN) -> str:
    """Codes by name, comma-separated (`empty` when there is none: a call that names no place is not national,
    its territory is unknown)."""
    return ", ".join(dict.fromkeys(place_name(c) for c in codes if c)) or empty


def decimal(value: float | None, places: int = 2) -> str:
    """A number with a decimal comma: 0,90 (— when absent)."""
    return DASH if value is None else f"{float(value):.{places}f}".replace(".", ",")


def euros(amount: float | str | None) -> str:
    """1 100 000 € rounded to the euro, no-break spaces (— when absent)."""
    if amount is None or amount == "":
        return DASH
    return f"{round(float(amount)):,}".replace(",", NBSP) + f"{NBSP}€"


def percent(rate: float | None) -> str:
    """50 % or 12,5 %: decimal comma, narrow no-break space (— when absent)."""
    if rate is None:
        return DASH
    number = f"{float(rate):.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{number}{NNBSP}%"


def amount_range(
    low: float | None, high: float | None, rate: float | None = None,
    project_low: float | None = None, project_high: float | None = None,
) -> str:
    """The aid then the project it asks for: « de 10 000 € à 500 000 € · taux max 40 % · projet de 100 000 € à
    2 000 000 € », « jusqu'à 500 000 € »… ("" when nothing is known)."""
    parts = []
    if low and high and low != high:
        parts.append(f"de {euros(low)} à {euros(high)}")
    elif low and low == high:
        parts.append(f"montant {euros(low)}")
    elif high:
        parts.append(f"jusqu'à {euros(high)}")
    elif low:
        parts.append(f"à partir de {euros(low)}")
    if rate:
        parts.append(f"taux max {percent(rate)}")
    if project_low or project_high:
        parts.append(project_range(project_low, project_high))
    return " · ".join(parts)


def project_range(low: float | None, high: float | None) -> str:
    """The project's budget a call admits: « projet de 500 000 € à 3 000 000 € », « projet d'au moins
    100 000 € », « projet d'au plus 3 000 000 € » ("" when the call says nothing)."""
    if low and high:
        return f"projet de {euros(low)} à {euros(high)}"
    if low:
        return f"projet d'au moins {euros(low)}"
    return f"projet d'au plus {euros(high)}" if high else ""


def _as_date(value: Any) -> date | None:
    """A date or an instant; an ISO string gives its day."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return value if isinstance(value, date) else None


def short_date(value: Any) -> str:
    """15/06/2027 (with the time for an instant: 15/06/2027 08:00); ISO strings accepted; — when absent."""
    day = _as_date(value)
    if day is None:
        return DASH if not value else str(value)
    return day.strftime("%d/%m/%Y %H:%M" if isinstance(day, datetime) else "%d/%m/%Y")


def long_date(value: Any) -> str:
    """« 15 juin 2027 », « 1er juin 2027 »; ISO strings accepted; — when absent."""
    day = _as_date(value)
    if day is None:
        return DASH if not value else str(value)
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS[day.month - 1]} {day.year}"


CLI_REVIEWER = "cli"
"""What `vigie review` recorded as reviewer before it recorded who ran it; still in older rows."""


def reviewer_label(value: Any) -> str:
    """Who reviewed, for people: the account or person name; the old "cli" mark reads « ligne de commande »."""
    if not value:
        return ""
    return "ligne de commande" if value == CLI_REVIEWER else str(value)


def yes_no(value: bool | None) -> str:
    """oui, non, or inconnu when nobody knows."""
    return UNKNOWN if value is None else ("oui" if value else "non")


def text_or_dash(value: Any) -> str:
    """A free text as is, — when absent (never « None »)."""
    return DASH if value is None or str(value).strip() == "" else str(value)


_WEIGHT = re.compile(r"\s*\((?:[+\-−]\s?\d+(?:[.,]\d+)?)\)")
"""A profile term's weight as the matcher writes it: « friche (+5) », « (−4) »."""


def strip_weights(text: str) -> str:
    """The words without their weights: « friche (+5), dépollution (+4) » → « friche, dépollution »."""
    return _WEIGHT.sub("", text)


def reason_text(feature: str, evidence: str) -> str:
    """A match's reason as a porteur reads it: words, never weights (« mots du profil friches : friche… »)."""
    text = strip_weights(evidence)
    if feature == "profil" and text.startswith("profil "):
        return "mots du " + text
    return text


def best_reasons(reasons: list[dict[str, Any]], limit: int) -> list[str]:
    """A match's `limit` most telling reasons (highest weight first) in words (reason_text)."""
    best = sorted(reasons, key=lambda r: -r.get("weight", 0))[:limit]
    return [reason_text(r.get("feature", ""), r.get("evidence", "")) for r in best]


def days_until(day: date, as_of: date) -> str:
    """« dans 12 jours », « demain », « aujourd'hui », « il y a 3 jours »."""
    days = (day - as_of).days
    if days == 0:
        return "aujourd'hui"
    if days == 1:
        return "demain"
    if days > 1:
        return f"dans {days} jours"
    return "hier" if days == -1 else f"il y a {-days} jours"
