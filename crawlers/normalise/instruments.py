"""Instrument labels ("Subvention", "Prêt", "Appel à projets"…) → Vigie's Instrument vocabulary.

A label may name several instruments ("Avance récupérable ou subvention"): every matching rule
counts. Call formats (appel à projets, AMI, concours) can also be read from a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crawlers.normalise.text import fold
from models.vocab import Instrument as I

_RULES: list[tuple[str, I]] = [
    (r"subvention|financement|aide financiere|dotation|\bgrant\b", I.SUBVENTION),
    (r"\bprets?\b|emprunt", I.PRET),
    (r"avance[s]? (recuperable|remboursable)", I.AVANCE_REMBOURSABLE),
    (r"\bgaranties?\b", I.GARANTIE),
    (r"fonds propres|quasi-fonds|prise de participation|capital-risque", I.FONDS_PROPRES),
    (r"appels? a projets?|\baap\b", I.AAP),
    (r"appels? a manifestation|\bami\b", I.AMI),
    (r"concours|\bprix\b|trophee|challenge", I.CONCOURS),
    (r"appels? d'offres?", I.APPEL_OFFRES),
    (r"accompagnement|ingenierie|etude|conseil|assistance|formation|diagnostic|expertise", I.ACCOMPAGNEMENT),
    (r"\bcee\b|certificats? d'economies? d'energie", I.CEE),
    (r"avantage fiscal|credit d'impot|exoneration", I.AVANTAGE_FISCAL),
]
_COMPILED = [(re.compile(pattern), instrument) for pattern, instrument in _RULES]
_CALL_FORMATS = {I.AAP, I.AMI, I.CONCOURS, I.APPEL_OFFRES}
_MONEY_IN_TEXT = [
    (re.compile(r"\bsubventions?\b"), I.SUBVENTION),
    (re.compile(r"\bprets? (a taux zero|bonifie|d'honneur|participatif)|\bprets?\b"), I.PRET),
    (re.compile(r"avances? (recuperables?|remboursables?)"), I.AVANCE_REMBOURSABLE),
]


def instruments_of_label(label: str) -> list[I]:
    """Every instrument one label names ([] when unknown)."""
    folded = fold(label)
    return [instrument for pattern, instrument in _COMPILED if pattern.search(folded)]


def map_instruments(labels: Iterable[str]) -> list[I]:
    """Every instrument the labels name, in first-seen order, without duplicates."""
    found: dict[I, None] = {}
    for label in labels:
        found.update(dict.fromkeys(instruments_of_label(label)))
    return list(found)


def call_formats_in_text(text: str) -> list[I]:
    """Call formats (AAP, AMI, concours, appel d'offres) named in a title or a short text."""
    return [i for i in instruments_of_label(text) if i in _CALL_FORMATS]


def money_instruments_in_text(text: str) -> list[I]:
    """Subvention / prêt / avance remboursable mentioned in a free text (modalités, montant)."""
    folded = fold(text)
    return [instrument for pattern, instrument in _MONEY_IN_TEXT if pattern.search(folded)]


def is_call_format(instrument: I) -> bool:
    """True for AAP, AMI, concours and appels d'offres (a call with a deadline, not a guichet)."""
    return instrument in _CALL_FORMATS

