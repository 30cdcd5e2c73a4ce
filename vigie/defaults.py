"""The embedded example configuration (the repository's config/ folder, shipped in the package).

It has no porteurs: a real setup starts with an empty porteurs/ folder, and the example porteurs live
with the demo (vigie/demo/porteurs/), which copies them into its own configuration."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from models.errors import VigieError


def embedded_config_dir() -> Path:
    """Where the example configuration lives (source checkout or installed package)."""
    beside = Path(__file__).resolve().parents[1] / "config"
    if (beside / "settings.toml").is_file():
        return beside
    shipped = Path(str(resources.files("config")))
    if (shipped / "settings.toml").is_file():
        return shipped
    raise VigieError("configuration d'exemple introuvable", str(beside), "installation incomplète de Vigie")


def copy_example_config(target: Path, force: bool = False) -> list[Path]:
    """Copy the example configuration into `target` (refuses to overwrite unless `force`), with an empty
    porteurs/ folder for the porteurs of the territory."""
    if (target / "settings.toml").exists() and not force:
        raise VigieError("initialisation refusée", str(target), "une configuration existe déjà (--force pour l'écraser)")
    source = embedded_config_dir()
    copied = []
    for path in sorted(source.rglob("*.toml")):
        if path.relative_to(source).parts[0] in ("var", "porteurs"):  # written by a run of ./config, not the example
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
        copied.append(destination)
    (target / "porteurs").mkdir(parents=True, exist_ok=True)
    return copied
