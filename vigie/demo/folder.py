"""The demo's folder: created fresh, and never wiped silently once someone has worked in it.

A rerun replaces an earlier demo only when nothing was done there since (every review is the demo's own,
no other account, no tuning reference, no learnt model, the configuration as the demo copied it); otherwise
it refuses and names what would be lost, unless asked to reset.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sqlmodel import select

from models.errors import VigieError
from models.store import Store
from models.tables import Match, MatchModel, User
from vigie.defaults import copy_example_config

MARKER = ".vigie-demo"
DEMO_REVIEWER = "démo"
"""Who the demo's simulated chef de projet reviews as."""
DEMO_USER = "chef"
"""The web account the demo creates."""


@dataclass(frozen=True)
class DemoFolder:
    """The demo's configuration folder, and what an earlier demo there held that is now gone."""

    config_dir: Path
    replaced: bool
    """An earlier demo was in the folder."""
    erased: list[str]
    """What someone had done in it since (French phrases), erased because a reset was asked."""


def demo_porteurs_dir() -> Path:
    """The example porteurs (porteurs/*.toml), which only the demo's configuration gets."""
    return Path(str(resources.files("vigie.demo") / "porteurs"))


def copy_demo_config(config_dir: Path) -> None:
    """The example configuration plus the demo's porteurs."""
    copy_example_config(config_dir)
    for path in sorted(demo_porteurs_dir().glob("*.toml")):
        shutil.copyfile(path, config_dir / "porteurs" / path.name)


def work_since_demo(directory: Path) -> list[str]:
    """What someone did in an earlier demo folder, which a rerun would erase (French phrases)."""
    config_dir = directory / "config"
    found = _edited_files(directory)
    if (config_dir / "var" / "tune" / "reference" / "reference.json").exists():
        found.append("la référence de réglage (vigie tune apply)")
    database = config_dir / "var" / "vigie.db"
    if database.exists():
        found += _stored_work(database)
    return found


def config_fingerprints(config_dir: Path) -> dict[str, str]:
    """SHA-256 of each *.toml of the configuration by relative path (var/, what Vigie writes, left out)."""
    found = {p.relative_to(config_dir): p for p in config_dir.rglob("*.toml")}
    return {name.as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for name, path in sorted(found.items()) if name.parts[0] != "var"}


def _edited_files(directory: Path) -> list[str]:
    """Configuration files changed, added or removed since the demo wrote them (as its marker records them;
    a marker from before fingerprints were kept records none)."""
    lines = (directory / MARKER).read_text(encoding="utf-8").splitlines()[1:]
    recorded = {name: digest for digest, name in (line.split("  ", 1) for line in lines if "  " in line)}
    if not recorded:
        return []
    present = config_fingerprints(directory / "config")
    edited = sorted(name for name in recorded.keys() | present.keys() if recorded.get(name) != present.get(name))
    return [f"la configuration modifiée ({', '.join(edited)})"] if edited else []


def _stored_work(database: Path) -> list[str]:
    store = Store.open(f"sqlite:///{database}")
    try:
        with store.session() as session:
            matches = session.exec(select(Match)).all()
            accounts = sorted(u.username for u in session.exec(select(User)).all() if u.username != DEMO_USER)
            models = len(session.exec(select(MatchModel)).all())
    finally:
        store.close()
    found = []
    reviews = sum(1 for m in matches if m.reviewer not in (None, DEMO_REVIEWER))
    followed = sum(1 for m in matches if m.followup_status)
    if reviews:
        found.append(f"{reviews} revue(s) de correspondances")
    if followed:
        found.append(f"{followed} suivi(s) de dépôt")
    if accounts:
        found.append(f"les comptes de l'application web {', '.join(accounts)}")
    if models:
        found.append(f"{models} modèle(s) appris (vigie learn)")
    return found


def prepare_directory(directory: Path, reset: bool = False, rerun: str = "--reinitialiser") -> DemoFolder:
    """A fresh demo folder. Any other non-empty folder is refused; an earlier demo is replaced when nothing
    was done in it since, or when `reset`; otherwise refused, naming what would be lost and `rerun`."""
    replaced = (directory / MARKER).exists()
    if directory.exists() and any(directory.iterdir()) and not replaced:
        raise VigieError("démo impossible", str(directory), "ce dossier existe et n'est pas un dossier de démo")
    found = work_since_demo(directory) if replaced else []
    if found and not reset:
        raise VigieError("démo non relancée", str(directory),
                         f"la relancer effacerait ce qui y a été fait depuis : {' ; '.join(found)}. "
                         f"Pour tout effacer et recommencer : {rerun} (ou choisissez un autre dossier avec --dir)")
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    marker = "dossier créé par « vigie demo »\n"
    (directory / MARKER).write_text(marker, encoding="utf-8")  # first: a half-made demo is still the demo's
    copy_demo_config(directory / "config")
    fingerprints = "".join(f"{digest}  {name}\n" for name, digest in config_fingerprints(directory / "config").items())
    (directory / MARKER).write_text(marker + fingerprints, encoding="utf-8")
    return DemoFolder(directory / "config", replaced, found)
