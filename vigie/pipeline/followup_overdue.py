"""Filed dossiers without outcome long after their deadline (models.followup), for the chef de projet's letter and
the /plan page: the COPIL report's own rows and rule, so that every surface lists the same dossiers."""

from __future__ import annotations

from datetime import date

from models.copil import overdue_dossiers
from models.copil_records import Overdue
from models.display_funding import overdue_line
from models.store import Store
from notifier.chef import CallLine, call_line


def overdue_for(store: Store, territory_id: str, threshold: float, as_of: date) -> list[Overdue]:
    """The territory's « déposé » dossiers still without outcome 90 days after their deadline, longest first."""
    fiches, calls = store.copil_rows(territory_id, threshold)
    by_fiche: dict[str, list] = {f.id: [] for f in fiches}
    for call in calls:
        by_fiche.setdefault(call.fiche_id, []).append(call)
    return overdue_dossiers(fiches, by_fiche, as_of)


def overdue_lines(store: Store, territory_id: str, threshold: float, as_of: date) -> list[CallLine]:
    """The same dossiers as lines of the chef de projet's letter."""
    return [call_line(o.call.title, o.call.url, f"{o.fiche.porteur} — fiche « {o.fiche.titre} » — "
                      f"{overdue_line(o.dossier)}") for o in overdue_for(store, territory_id, threshold, as_of)]
