"""The pages' French: the Jinja filters and globals over models.display (the one French formatting layer
of Vigie, shared with the letters and the command output). Names kept as thin re-exports for the routes."""

from __future__ import annotations

from typing import Any

from models import display
from models.display import (  # noqa: F401 - re-exported for the routes and the templates
    AXE_LABELS, BENEFICIARY_LABELS, CALL_STATUS_LABELS, CRITERION_LABELS, DIGEST_LABELS, FOLLOWUP_LABELS,
    PORTEUR_TYPE_LABELS, REJECT_REASONS, REVIEW_LABELS, ROLE_LABELS, VERDICT_LABELS,
)
from models.display import CHANGE_LABELS as EVENT_LABELS
from models.display_funding import aid_rate_line, amount_field, euros_or_unknown, overdue_line
from models.vocab import FollowUp
from vigie.web.reasons import reason_view

MATRIX_LABELS = {"aucun": "Aucun appel éligible", "candidats": "Candidats", "accepte": "Accepté",
                 FollowUp.FILED: FOLLOWUP_LABELS[FollowUp.FILED], FollowUp.WON: FOLLOWUP_LABELS[FollowUp.WON]}
"""Where a fiche-action stands on the plan page (a view of its matches, not a stored value)."""


fr_date = display.short_date
"""01/12/2026 (— when empty); ISO strings accepted."""
long_date = display.long_date
euros = display.euros
label = display.label


def score(value: Any) -> str:
    """A score with two decimals, French comma."""
    return display.decimal(float(value or 0), 2)


def reason_views(reasons: list[dict[str, Any]]) -> list[Any]:
    """A match's reasons in words (vigie.web.reasons), for short lists."""
    return [reason_view(r) for r in reasons]


FILTERS = {"fr_date": fr_date, "euros": euros, "score": score, "label": label, "reason_views": reason_views,
           "reviewer": display.reviewer_label, "long_date": long_date, "percent": display.percent,
           "places": display.places_line, "place": display.place_name, "labels": display.labels_line,
           "amount_range": display.amount_range, "yes_no": display.yes_no, "or_dash": display.text_or_dash,
           "amount_field": amount_field, "aid_rate": aid_rate_line, "euros_or_unknown": euros_or_unknown,
           "overdue": overdue_line}
GLOBALS = {"REVIEW_LABELS": REVIEW_LABELS, "FOLLOWUP_LABELS": FOLLOWUP_LABELS, "REJECT_REASONS": REJECT_REASONS,
           "AXE_LABELS": AXE_LABELS, "MATRIX_LABELS": MATRIX_LABELS, "EVENT_LABELS": EVENT_LABELS,
           "VERDICT_LABELS": VERDICT_LABELS, "CALL_STATUS_LABELS": CALL_STATUS_LABELS,
           "BENEFICIARY_LABELS": BENEFICIARY_LABELS, "DIGEST_LABELS": DIGEST_LABELS,
           "CRITERION_LABELS": CRITERION_LABELS, "PORTEUR_TYPE_LABELS": PORTEUR_TYPE_LABELS,
           "ROLE_LABELS": ROLE_LABELS}
