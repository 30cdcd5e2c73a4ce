"""Profile lint for `vigie check-config`."""

from __future__ import annotations

from pathlib import Path

from models.config import VigieConfig
from models.errors import VigieError
from models.store import Store
from vigie.tune.actions import lint

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

