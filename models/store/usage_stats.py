"""What users do, per ISO week and territory: calls proposed in the porteurs' letters sent, spaces opened
(one per contact and day), and the answers given (« intéressé », « pas pour nous », « je dépose »)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import col, select

from models.answers import APPLYING, INTERESTED, NOT_FOR_US
from models.porteur_rows import PorteurAnswer, SpaceVisit
from models.tables import Contact, Digest, DigestItem, Porteur

PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class WeekUsage:
    """One line of the usage table."""

    week: str
    """ISO week « 2026-W51 »."""
    territoire_id: str
    proposals: int = 0
    """Items (calls, one per fiche-action) of the porteurs' letters sent that week."""
    opens: int = 0
    """(contact, day) pairs when a contact opened their space."""
    interested: int = 0
    not_for_us: int = 0
    applying: int = 0


def week_of(day: date | datetime) -> str:
    """The ISO week of a day, or of an instant in Paris."""
    if isinstance(day, datetime):
        day = day.astimezone(PARIS).date()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class UsageStore:
    """Mixin of Store: the usage table of `vigie stats` and the statistics page."""

    def usage(self, territories: list[str] | None, since: date) -> list[WeekUsage]:
        """Per (week, territory), from the week of `since` on, the weeks with something; newest week first."""
        counts: Counter[tuple[str, str, str]] = Counter()
        first = week_of(since)
        for week, territory, n in self._proposals():
            counts[(week, territory, "proposals")] += n
        for day, territory in self._visits(since):
            counts[(week_of(day), territory, "opens")] += 1
        for at, territory, answer in self._answers(since):
            counts[(week_of(at), territory, answer)] += 1
        keys = {(w, t) for w, t, _ in counts if w >= first and (territories is None or t in territories)}
        return [WeekUsage(w, t, counts[(w, t, "proposals")], counts[(w, t, "opens")], counts[(w, t, INTERESTED)],
                          counts[(w, t, NOT_FOR_US)], counts[(w, t, APPLYING)])
                for w, t in sorted(keys, key=lambda k: (_desc(k[0]), k[1]))]

    def _proposals(self) -> list[tuple[str, str, int]]:
        with self.session() as session:
            query = (select(Digest.iso_week, Digest.territoire_id, func.count(col(DigestItem.id)))
                     .join(DigestItem, col(DigestItem.digest_id) == Digest.id)
                     .where(col(Digest.kind).like("porteur%"), Digest.status == "sent")
                     .group_by(Digest.iso_week, Digest.territoire_id))
            return [(w, t or "", n) for w, t, n in session.exec(query).all()]

    def _visits(self, since: date) -> list[tuple[date, str]]:
        with self.session() as session:
            query = (select(SpaceVisit.day, Porteur.territoire_id)
                     .join(Contact, col(Contact.id) == SpaceVisit.contact_id)
                     .join(Porteur, col(Porteur.id) == Contact.porteur_id).where(SpaceVisit.day >= since))
            return [tuple(row) for row in session.exec(query).all()]

    def _answers(self, since: date) -> list[tuple[datetime, str, str]]:
        with self.session() as session:
            query = (select(PorteurAnswer.answered_at, Porteur.territoire_id, PorteurAnswer.answer)
                     .join(Contact, col(Contact.id) == PorteurAnswer.contact_id)
                     .join(Porteur, col(Porteur.id) == Contact.porteur_id)
                     .where(PorteurAnswer.answered_at >= datetime.combine(since, datetime.min.time(), PARIS)))
            return [tuple(row) for row in session.exec(query).all()]


def _desc(week: str) -> tuple[int, int]:
    year, number = week.split("-W")
    return -int(year), -int(number)
