"""What a territory's chef de projet hears about in the week's letter (pure: rows in, `ChefDigestContent` out).

The caller loads the rows (the review queue, overdue dossiers and failing sources come already chosen by their
shared definitions: the web app's queue, the COPIL report's rule, the crawl's alert threshold); this module
decides which calls are live, which fiches-actions are uncovered, which deadlines are near, and words each line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.answers import ANSWER_SHORT
from models.records import OpportunityData, TerritoryData
from models.tables import Contact, FicheAction, Match, Source
from models.vocab import ReviewStatus, Status
from notifier import labels
from notifier.chef import CallLine, ChefDigestContent, call_line
from notifier.weeks import week_bounds

HORIZON_DAYS = 30
"""Deadlines within this many days are listed."""
PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class ChefRows:
    """What the store and the configuration hold for one territory's letter of the week."""

    territory: TerritoryData
    week: str
    as_of: date
    calls: dict[int, OpportunityData]
    porteurs: dict[str, str]
    """The territory's porteurs: id → name."""
    matches: Sequence[Match]
    """Every match of the territory's porteurs."""
    fiches: Sequence[FicheAction]
    """The territory's fiches-actions."""
    source_names: dict[str, str]
    """Source slug → name (config/sources.toml)."""
    new_by_source: Sequence[tuple[str, int]]
    """(source slug, calls first collected this week from it)."""
    new_total: int
    review_rows: Sequence[dict]
    """The territory's review queue (the web app's default queue), best first."""
    outgoing: list[tuple[str, int]]
    """(porteur name, distinct calls of its letters of the week)."""
    overdue: list[CallLine]
    failing: Sequence[Source]
    """Sources past the alert threshold, or disabled."""
    bounced: Sequence[Contact]
    answer_counts: dict[str, int]
    """Answer → how many the territory's contacts gave this week."""
    applied: Sequence[dict]
    """The journal of applied matching configurations (`vigie tune apply`), oldest first."""


def plan_chef_letter(rows: ChefRows) -> ChefDigestContent:
    """Everything the territory's chef de projet hears about this week."""
    territory, live = rows.territory, live_matches(rows)
    return ChefDigestContent(
        territory=territory.nom, chef_nom=territory.chef_de_projet_nom,
        chef_email=str(territory.chef_de_projet_email), iso_week=rows.week, as_of=rows.as_of,
        new_calls=[(rows.source_names.get(slug, slug), n) for slug, n in rows.new_by_source],
        new_total=rows.new_total, to_review=review_lines(rows.review_rows), outgoing=rows.outgoing,
        uncovered=uncovered(rows, live), deadlines=deadlines(rows, live), failing=failing_lines(rows),
        overdue=rows.overdue, bounced=[(c.email, rows.porteurs.get(c.porteur_id, c.porteur_id), c.last_error or "")
                                       for c in rows.bounced],
        config_change=config_change_line(rows.applied, territory.id, rows.week),
        answers=[(label, rows.answer_counts[key]) for key, label in ANSWER_SHORT.items()
                 if rows.answer_counts.get(key)],
    )


def live_matches(rows: ChefRows) -> list[Match]:
    """Eligible, not rejected, their call known and not closed."""
    return [m for m in rows.matches if m.opportunity_id in rows.calls and m.eligible
            and m.review_status != ReviewStatus.REJECTED
            and rows.calls[m.opportunity_id].status_on(rows.as_of) != Status.CLOSED]


def review_lines(review_rows: Sequence[dict]) -> list[CallLine]:
    """The matches « à relire », as the letter lists them."""
    return [call_line(row["title"], row["url"], f"{row['porteur_nom']} — fiche {row['fiche_id']} — score "
                      + f"{row['score']:.2f}".replace(".", ",")) for row in review_rows]


def uncovered(rows: ChefRows, live: list[Match]) -> list[str]:
    """Fiches-actions with no live call."""
    covered = {m.fiche_id for m in live}
    return [f"« {labels.one_line(f.titre)} » ({f.id}) — {rows.porteurs.get(f.porteur_id, f.porteur_id)}"
            for f in rows.fiches if f.id not in covered]


def deadlines(rows: ChefRows, live: list[Match]) -> list[CallLine]:
    """Live calls whose next relève is within HORIZON_DAYS, nearest first, with the porteurs they are for."""
    calls, as_of = rows.calls, rows.as_of
    horizon = as_of + timedelta(days=HORIZON_DAYS)
    whom: dict[int, set[str]] = {}
    for m in live:
        day = calls[m.opportunity_id].next_close_date(as_of)
        if day and day <= horizon:
            whom.setdefault(m.opportunity_id, set()).add(rows.porteurs.get(m.porteur_id, m.porteur_id))
    ordered = sorted(whom, key=lambda oid: (calls[oid].next_close_date(as_of), oid))
    return [call_line(calls[oid].title, calls[oid].url,
                      f"clôture le {labels.deadline_label(calls[oid].next_close_date(as_of), as_of)} — "
                      f"{', '.join(sorted(whom[oid]))}") for oid in ordered]


def failing_lines(rows: ChefRows) -> list[tuple[str, int, str]]:
    """(source name, consecutive failures, why)."""
    return [(rows.source_names.get(s.slug, s.slug), s.consecutive_failures,
             s.disabled_reason or s.last_error or "cause inconnue") for s in rows.failing]


def config_change_line(applied: Sequence[dict], territory_id: str, week: str) -> str:
    """One line when a matching configuration was applied this week (the latest one), with its effect here."""
    since = datetime.combine(week_bounds(week)[0], time(), PARIS)
    inside = [e for e in applied if since <= datetime.fromisoformat(e["applied_at"]) < since + timedelta(days=7)]
    if not inside:
        return ""
    entry = inside[-1]
    when = datetime.fromisoformat(entry["applied_at"]).astimezone(PARIS)
    head = f"Réglage de l'appariement appliqué le {when:%d/%m/%Y} par {entry['applied_by']}"
    if entry.get("premiere"):
        return f"{head} (première référence)."
    counts = entry.get("territoires", {}).get(territory_id, {"entre": 0, "sort": 0})
    return (f"{head} : {counts.get('entre', 0)} appel(s) entrent dans les propositions de vos fiches-actions, "
            f"{counts.get('sort', 0)} en sortent.")
