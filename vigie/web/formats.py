"""French display of dates, amounts and vocabularies in the pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from vigie.web.reasons import reason_view

REVIEW_LABELS = {"a_revoir": "À revoir", "accepte": "Acceptée", "rejete": "Rejetée", "reporte": "Reportée"}
FOLLOWUP_LABELS = {"a_etudier": "À étudier", "a_deposer": "À déposer", "depose": "Déposé", "obtenu": "Obtenu",
                   "refuse": "Refusé"}
REJECT_REASONS = {
    "hors_sujet": "Hors sujet pour la fiche",
    "non_eligible": "Porteur non éligible",
    "calendrier": "Calendrier incompatible",
    "montant": "Montant inadapté",
    "deja_connu": "Déjà connu ou déjà déposé",
    "autre": "Autre (voir la note)",
}
"""The short list of reject reasons, kept with the decision for learning."""
AXE_LABELS = {"innovation": "Innovation", "transition_ecologique": "Transition écologique",
              "competences": "Compétences", "foncier": "Foncier"}
MATRIX_LABELS = {"aucun": "Aucun appel éligible", "candidats": "Candidats", "accepte": "Accepté",
                 "depose": "Déposé", "obtenu": "Obtenu"}
EVENT_LABELS = {"new": "Nouveau", "changed": "Modifié", "closed": "Clos", "reopened": "Rouvert"}
CRITERION_LABELS = {"beneficiaire": "Bénéficiaire", "territoire": "Territoire", "calendrier": "Calendrier",
                    "montant": "Montant"}
DIGEST_LABELS = {"pending": "en attente d'envoi", "sent": "envoyée", "failed": "refusée par le serveur"}
VERDICT_LABELS = {"ok": "✔ oui", "ko": "✘ non", "inconnu": "? inconnu"}


def fr_date(value: Any) -> str:
    """01/12/2026 (— when empty); ISO strings accepted."""
    if not value:
        return "—"
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def euros(value: Any) -> str:
    """1 200 000 € (— when empty)."""
    if value is None or value == "":
        return "—"
    return f"{float(value):,.0f} €".replace(",", "\u202f")


def score(value: Any) -> str:
    """A score with two decimals, French comma."""
    return f"{float(value or 0):.2f}".replace(".", ",")


def label(value: Any, table: dict[str, str]) -> str:
    """The French label of a stored code (the code itself when unknown)."""
    return table.get(str(value), str(value)) if value else "—"


def reason_views(reasons: list[dict[str, Any]]) -> list[Any]:
    """A match's reasons in words (vigie.web.reasons), for short lists."""
    return [reason_view(r) for r in reasons]


FILTERS = {"fr_date": fr_date, "euros": euros, "score": score, "label": label, "reason_views": reason_views}
GLOBALS = {"REVIEW_LABELS": REVIEW_LABELS, "FOLLOWUP_LABELS": FOLLOWUP_LABELS, "REJECT_REASONS": REJECT_REASONS,
           "AXE_LABELS": AXE_LABELS, "MATRIX_LABELS": MATRIX_LABELS, "EVENT_LABELS": EVENT_LABELS,
           "VERDICT_LABELS": VERDICT_LABELS, "DIGEST_LABELS": DIGEST_LABELS,
           "CRITERION_LABELS": CRITERION_LABELS}
