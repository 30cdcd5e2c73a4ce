"""The few configuration rules a letter's planning follows, and which matches a porteur's letter may carry.

Built once per run from settings.toml (`DigestRules.of`); the planners receive this value, never the whole
configuration. The calendar rule (`min_lead_days`) is not here: it is already in each match's eligibility verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.config.schema import SettingsConfig
from models.tables import Match
from models.vocab import ReviewStatus

@dataclass(frozen=True)
class DigestRules:
    """What the weekly letters need of the configuration."""

    review_required: bool
    """True: only matches the chef de projet accepted go out ([matching] review_required)."""
    threshold: float
    """Without review, the least score a match needs to go out; also the chef's review queue ([matching])."""
    failure_alert_after: int
    """Consecutive failures of a source before the chef de projet's letter names it ([crawl])."""

    @classmethod
    def of(cls, settings: SettingsConfig) -> DigestRules:
        """The rules of a configuration's settings.toml."""
        matching = settings.matching
        return cls(matching.review_required, matching.threshold, settings.crawl.failure_alert_after)


def wanted(match: Match, rules: DigestRules) -> bool:
    """Accepted by the chef de projet, or eligible above the threshold when no review is required.

    A match whose only failing criterion is the calendar (the relève is now nearer than min_lead_days)
    stays wanted: it is never announced as new, but a call already sent still gets its J-7 reminder."""
    if not (match.eligible or short_of_lead_time(match)):
        return False
    if rules.review_required:
        return match.review_status == ReviewStatus.ACCEPTED
    return match.score >= rules.threshold and match.review_status != ReviewStatus.REJECTED


def short_of_lead_time(match: Match) -> bool:
    """Ineligible only on the calendar criterion (a call already closed is left out later, when selected)."""
    failing = [c.get("criterion") for c in match.eligibility or [] if c.get("verdict") == "ko"]
    return bool(failing) and set(failing) == {"calendrier"}
