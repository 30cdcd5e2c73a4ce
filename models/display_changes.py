"""A call's typed changes (models.changes) in French: the type's name, its values before and after (the
`vigie changes` table) and the sentence the letters and the review queue show — one wording everywhere."""

from __future__ import annotations

from datetime import date
from typing import Any

from models.changes import STATED_CLOSED, WITHDRAWN, Change, ChangeType, amount_moved
from models.display import BENEFICIARY_LABELS, DASH, amount_range, euros, label, short_date

CHANGE_TYPE_LABELS = {
    ChangeType.NEW_RELEVE: "Nouvelle relève",
    ChangeType.DEADLINE_POSTPONED: "Date limite repoussée",
    ChangeType.DEADLINE_ADVANCED: "Date limite avancée",
    ChangeType.RELEVE_REMOVED: "Relève supprimée",
    ChangeType.CLOSED_EARLY: "Clos avant terme ou retiré",
    ChangeType.REOPENED: "Rouvert",
    ChangeType.BENEFICIARIES_CHANGED: "Bénéficiaires modifiés",
    ChangeType.AMOUNT_CHANGED: "Montant modifié",
}
"""The name of each kind of change, as a column or a tag shows it."""

_ENDED = {WITHDRAWN: "retiré de la source", STATED_CLOSED: "clos"}
_BOUNDS = (("min", "montant minimum"), ("max", "montant maximum"))


def change_label(change: Change) -> str:
    """« Date limite avancée »."""
    return CHANGE_TYPE_LABELS.get(change.type, str(change.type).replace("_", " "))


def change_sentence(change: Change) -> str:
    """What happened, in one French line: « la date limite passe du 15/03/2027 au 30/04/2027 (repoussée de
    46 jours) »."""
    kind, before, after = change.type, change.before, change.after
    if kind in (ChangeType.DEADLINE_POSTPONED, ChangeType.DEADLINE_ADVANCED):
        return _moved(before, after)
    if kind == ChangeType.NEW_RELEVE:
        return f"nouvelle relève le {short_date(after)}"
    if kind == ChangeType.RELEVE_REMOVED:
        return f"relève du {short_date(before)} supprimée"
    if kind == ChangeType.CLOSED_EARLY:
        term = f"avant sa date limite prévue du {short_date(before)}" if before else "(guichet permanent)"
        return f"{_ENDED.get(after, after)} {term}"
    if kind == ChangeType.REOPENED:
        return f"rouvert : prochaine date limite le {short_date(after)}" if after else "rouvert"
    if kind == ChangeType.BENEFICIARIES_CHANGED:
        return _beneficiaries(before or [], after or [])
    if kind == ChangeType.AMOUNT_CHANGED:
        return " ; ".join(_bound(word, (before or {}).get(key), (after or {}).get(key)) for key, word in _BOUNDS
                          if amount_moved((before or {}).get(key), (after or {}).get(key)))
    return change_label(change).lower()


def change_values(change: Change) -> tuple[str, str]:
    """The values before and after, for a table: « 15/03/2027 », « Communes, PME », « jusqu'à 500 000 € »."""
    kind, before, after = change.type, change.before, change.after
    if kind == ChangeType.CLOSED_EARLY:
        return (f"ouvert jusqu'au {short_date(before)}" if before else "guichet permanent"), _ENDED.get(after, after)
    if kind == ChangeType.REOPENED:
        return _ENDED.get(before, before), (f"ouvert jusqu'au {short_date(after)}" if after else "ouvert")
    if kind == ChangeType.BENEFICIARIES_CHANGED:
        return _names(before or []) or DASH, _names(after or []) or DASH
    if kind == ChangeType.AMOUNT_CHANGED:
        return _range(before), _range(after)
    return short_date(before), short_date(after)


def _moved(before: str, after: str) -> str:
    days = (date.fromisoformat(after) - date.fromisoformat(before)).days
    way = f"repoussée de {_days(days)}" if days > 0 else f"avancée de {_days(-days)}"
    return f"la date limite passe du {short_date(before)} au {short_date(after)} ({way})"


def _days(count: int) -> str:
    return f"{count} jour" if count == 1 else f"{count} jours"


def _beneficiaries(before: list[str], after: list[str]) -> str:
    if not before:
        return f"bénéficiaires désormais indiqués : {_names(after)}"
    added = _names([b for b in after if b not in before])
    gone = _names([b for b in before if b not in after])
    parts = ([f"ajoutés {added}"] if added else []) + ([f"retirés {gone}"] if gone else [])
    return "bénéficiaires modifiés : " + " ; ".join(parts)


def _names(codes: list[str]) -> str:
    names = [_lower(label(c, BENEFICIARY_LABELS)) for c in codes]
    return ", ".join(dict.fromkeys(names))


def _lower(name: str) -> str:
    """« Communes » → « communes » inside a sentence; « PME » stays."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def _bound(word: str, old: Any, new: Any) -> str:
    if old is None:
        return f"{word} désormais indiqué : {euros(new)}"
    return f"le {word} passe de {euros(old)} à {euros(new)}"


def _range(value: Any) -> str:
    value = value or {}
    return amount_range(value.get("min"), value.get("max")) or DASH
