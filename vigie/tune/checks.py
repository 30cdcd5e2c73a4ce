"""Profile lint for `vigie check-config` and the chef de projet's digest line about an applied change."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from models.config import VigieConfig
from models.errors import VigieError
from models.store import Store
from notifier import week_bounds
from vigie.tune.actions import last_applied, lint

PARIS = ZoneInfo("Europe/Paris")


def _database_exists(url: str) -> bool:
    """SQLite: the file exists (check-config never creates a database); other servers: assumed so."""
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).exists()
    return not url.startswith("sqlite")


def check_warnings(config: VigieConfig) -> tuple[list[str], str]:
    """Lint lines (`config/profiles/x.toml: terms."y": message`) and a note on what was looked at."""
    folder = config.directory.name
    if not _database_exists(config.database_url):
        found = lint(config, None)
        return [w.line(folder) for w in found], "profils vérifiés sans les appels (pas encore de base)"
    try:
        store = Store.open(config.database_url)
    except VigieError as exc:
        found = lint(config, None)
        return [w.line(folder) for w in found], f"profils vérifiés sans les appels ({exc.cause})"
    try:
        found = lint(config, store)
        calls = len(store.canonical_opportunities(include_closed=True))
    finally:
        store.close()
    note = f"profils vérifiés sur les {calls} appels enregistrés" if calls else "aucun appel enregistré à consulter"
    return [w.line(folder) for w in found], note


def config_change_line(config: VigieConfig, territory_id: str, week: str) -> str:
    """One line for the chef de projet's digest when a matching configuration was applied this week."""
    monday, _ = week_bounds(week)
    since = datetime.combine(monday, time(), PARIS)
    entry = last_applied(config, since, since + timedelta(days=7))
    if entry is None:
        return ""
    when = datetime.fromisoformat(entry["applied_at"]).astimezone(PARIS)
    head = f"Réglage de l'appariement appliqué le {when:%d/%m/%Y} par {entry['applied_by']}"
    if entry.get("premiere"):
        return f"{head} (première référence)."
    counts = entry.get("territoires", {}).get(territory_id, {"entre": 0, "sort": 0})
    return (f"{head} : {counts.get('entre', 0)} appel(s) entrent dans les propositions de vos fiches-actions, "
            f"{counts.get('sort', 0)} en sortent.")
