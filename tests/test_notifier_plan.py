"""The letters' planning is pure: stored rows and a few rules in, planned entries out (no store, no clock)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from models.config.schema import SettingsConfig
from models.store.notify import Announced
from models.tables import Match
from models.vocab import ReviewStatus
from notifier.entries import CLOSING, NEW
from notifier.plan_items import Inputs
from notifier.plan_letter import LetterRows, plan_letter
from notifier.rules import DigestRules, wanted
from tests.factories import opportunity

AS_OF = date(2027, 1, 4)
REVIEWED = DigestRules(review_required=True, threshold=0.5, failure_alert_after=3)
UNREVIEWED = DigestRules(review_required=False, threshold=0.5, failure_alert_after=3)
CALENDAR_KO = [{"criterion": "calendrier", "verdict": "ko"}, {"criterion": "territoire", "verdict": "ok"}]


def match(match_id: int = 1, score: float = 0.8, review: str = ReviewStatus.ACCEPTED, eligible: bool = True,
          eligibility: list | None = None) -> Match:
    when = datetime(2026, 12, 1, tzinfo=UTC)
    return Match(id=match_id, fiche_id="F1", opportunity_id=1, porteur_id="cc-lomagne", score=score,
                 eligible=eligible, eligibility=eligibility or [], first_matched_at=when, scored_at=when,
                 reasons=[{"feature": "profile", "weight": 1.0, "evidence": "chaleur"}], review_status=review)


@pytest.mark.parametrize(("rules", "row", "expected"), [
    (REVIEWED, match(review=ReviewStatus.ACCEPTED), True),
    (REVIEWED, match(review=ReviewStatus.PENDING), False),
    (UNREVIEWED, match(review=ReviewStatus.PENDING, score=0.6), True),
    (UNREVIEWED, match(review=ReviewStatus.PENDING, score=0.4), False),
    (UNREVIEWED, match(review=ReviewStatus.REJECTED, score=0.9), False),
    (REVIEWED, match(eligible=False, eligibility=CALENDAR_KO), True),
    (REVIEWED, match(eligible=False, eligibility=[{"criterion": "territoire", "verdict": "ko"}]), False),
], ids=["accepted", "pending-under-review", "above-threshold", "below-threshold", "rejected",
        "short-of-lead-time", "ineligible"])
def test_wanted_follows_the_rules_it_is_given(rules: DigestRules, row: Match, expected: bool) -> None:
    assert wanted(row, rules) is expected


def test_rules_come_from_settings_once() -> None:
    settings = SettingsConfig.model_validate({"matching": {"review_required": False, "threshold": 0.4},
                                             "crawl": {"failure_alert_after": 5}})
    assert DigestRules.of(settings) == DigestRules(review_required=False, threshold=0.4, failure_alert_after=5)


def inputs() -> Inputs:
    return Inputs({1: opportunity(close_dates=[date(2027, 1, 9)])}, {"F1": "Réseau de chaleur"}, {}, AS_OF)


def test_a_wanted_match_never_heard_of_is_new_and_a_pending_one_is_left_out() -> None:
    rows = LetterRows("cc-lomagne", [match(1), match(2, review=ReviewStatus.PENDING)], announced={})
    planned = plan_letter(rows, inputs(), REVIEWED)
    assert [(p.match.id, p.entry.section, p.entry.fiche_titre) for p in planned] == [(1, NEW, "Réseau de chaleur")]


def test_a_call_already_sent_gets_its_j7_reminder_once() -> None:
    heard = {1: Announced(match_ids={1})}
    planned = plan_letter(LetterRows("cc-lomagne", [match(1)], heard), inputs(), REVIEWED)
    assert [(p.entry.section, p.item.band) for p in planned] == [(CLOSING, 7)]
    reminded = {1: Announced(match_ids={1}, reminders={(7, date(2027, 1, 9))})}
    assert plan_letter(LetterRows("cc-lomagne", [match(1)], reminded), inputs(), REVIEWED) == []
