"""A letter another sender holds is said so in French, not as « déjà envoyée »."""

from __future__ import annotations

from models.display import SEND_OUTCOME_LABELS
from vigie.commands.digest_cmds import STATUS_LABELS
from vigie.pipeline.digest_send import busy
from vigie.web.routes.porteurs import SEND_LABELS


def test_a_letter_held_elsewhere_has_its_own_french_state_everywhere() -> None:
    outcome = busy("contact@example.org", "p1")
    assert outcome.status != "already_sent"
    assert STATUS_LABELS[outcome.status] == "en cours d'envoi ailleurs"
    assert "en cours d'envoi" in SEND_OUTCOME_LABELS[outcome.status] and "en cours d'envoi" in SEND_LABELS[outcome.status]
