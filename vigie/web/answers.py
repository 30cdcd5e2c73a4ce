"""Porteurs' answers as the chef de projet reads them in the review queue and on a match page."""

from __future__ import annotations

from collections.abc import Iterable

from models.answers import answer_text
from models.display import short_date
from models.store import WebQueries
from vigie.pipeline.clock import PARIS


def answer_lines(queries: WebQueries, match_ids: Iterable[int]) -> dict[int, list[str]]:
    """Match id → « Réponse du porteur (Claire) : Pas pour nous (hors sujet), le 20/12/2026 », latest first."""
    found = queries.answers_of_matches(match_ids)
    return {match_id: [_line(contact, row) for contact, row in rows] for match_id, rows in found.items()}


def _line(contact, row) -> str:  # noqa: ANN001 - Contact, PorteurAnswer
    who = contact.nom or contact.email
    day = short_date(row.answered_at.astimezone(PARIS).date())
    return f"Réponse du porteur ({who}) : {answer_text(row.answer, row.reason)}, le {day}"
