"""`vigie stats` and the statistics page: what users do, per ISO week and territory — calls proposed in the
letters sent, spaces opened, answers given — as one French table for both."""

from __future__ import annotations

from datetime import date, timedelta

from models.config import VigieConfig
from models.errors import VigieError
from models.store import Store
from models.store.usage_stats import WeekUsage
from notifier import labels, week_bounds

HEADERS = ("Semaine", "Territoire", "Propositions envoyées", "Espaces ouverts", "Intéressé", "Pas pour nous",
           "Je dépose")
MAX_WEEKS = 520


def check_request(config: VigieConfig, territory: str | None, weeks: int) -> None:
    """A French error naming the option when the territory is unknown or the number of weeks out of range."""
    known = [t.id for t in config.plan.territories]
    if territory and territory not in known:
        raise VigieError("territoire inconnu", f"--territoire {territory}",
                         "territoires connus : " + (", ".join(known) or "aucun (importez le plan d'actions)"))
    if not 1 <= weeks <= MAX_WEEKS:
        raise VigieError("nombre de semaines invalide", f"--semaines {weeks}", f"un entier de 1 à {MAX_WEEKS}")


def usage_lines(config: VigieConfig, store: Store, territories: list[str] | None, weeks: int,
                today: date) -> list[WeekUsage]:
    """The lines of the last `weeks` ISO weeks (this one included), newest first."""
    since = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    return store.usage(territories, since)


def week_label(week: str) -> str:
    """« 2026-W51 (14/12 – 20/12/2026) »."""
    monday, sunday = week_bounds(week)
    return f"{week} ({monday:%d/%m} – {labels.fr_date(sunday)})"


def row_cells(config: VigieConfig, line: WeekUsage) -> tuple[str, ...]:
    """One line of the table, in French."""
    names = {t.id: t.nom for t in config.plan.territories}
    numbers = (line.proposals, line.opens, line.interested, line.not_for_us, line.applying)
    return (week_label(line.week), names.get(line.territoire_id, line.territoire_id or "—"),
            *(str(n) for n in numbers))
