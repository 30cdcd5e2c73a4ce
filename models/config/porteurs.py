"""porteurs/*.toml: porteur files into records, with duplicate ids and cross references checked."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from models.config.messages import suggestion
from models.config.report import ProblemReport
from models.config.schema import PorteurFileConfig
from models.records import FicheActionData, PorteurData

_PORTEUR_RENAME = {"geo_codes": ("geo",)}
"""PorteurData field → key of the [porteur] table, where they differ."""


@dataclass
class PorteurFiles:
    """Records read from porteurs/*.toml, and where each id was first declared."""

    porteurs: list[PorteurData] = field(default_factory=list)
    fiches: list[FicheActionData] = field(default_factory=list)
    porteur_places: dict[str, Path] = field(default_factory=dict)
    fiche_places: dict[str, tuple[Path, int]] = field(default_factory=dict)
    """Fiche id → (file, 0-based index of its [[fiche]])."""


def read_porteurs(
    report: ProblemReport, territories: Collection[str] | None, profiles: Collection[str]
) -> PorteurFiles:
    """Every porteur file of DIR/porteurs; `territories` None means settings.toml could not be read."""
    found = PorteurFiles()
    for path in sorted((report.directory / "porteurs").glob("*.toml")):
        config = report.load(path, PorteurFileConfig)
        if config is None:
            continue
        _check_ids(report, path, config, found)
        _check_references(report, path, config, territories, profiles)
        _add_records(report, path, config, found)
    return found


def _check_ids(report: ProblemReport, path: Path, config: PorteurFileConfig, found: PorteurFiles) -> None:
    porteur_id = config.porteur.id
    if porteur_id in found.porteur_places:
        first = report.label(found.porteur_places[porteur_id])
        report.add(path, "porteur.id", f"porteur « {porteur_id} » déjà déclaré dans {first}")
    else:
        found.porteur_places[porteur_id] = path
    for index, fiche in enumerate(config.fiche):
        if fiche.id in found.fiche_places:
            first_path, first_index = found.fiche_places[fiche.id]
            first = f"{report.label(first_path)} (fiche[{first_index + 1}])"
            report.add(path, ("fiche", index, "id"), f"fiche « {fiche.id} » déjà déclarée dans {first}")
        else:
            found.fiche_places[fiche.id] = (path, index)


def _check_references(
    report: ProblemReport, path: Path, config: PorteurFileConfig,
    territories: Collection[str] | None, profiles: Collection[str],
) -> None:
    territoire = config.porteur.territoire
    if territories is not None and territoire not in territories:
        settings = report.label(report.directory / "settings.toml")
        hint = suggestion(territoire, sorted(territories), f"territoires déclarés dans {settings}")
        report.add(path, "porteur.territoire", f"territoire inconnu « {territoire} » {hint}")
    named = [(("porteur", "profiles", i), name) for i, name in enumerate(config.porteur.profiles)]
    for f, fiche in enumerate(config.fiche):
        named += [(("fiche", f, "profiles", i), name) for i, name in enumerate(fiche.profiles)]
    for where, name in named:
        if name not in profiles:
            folder = report.label(report.directory / "profiles")
            hint = suggestion(name, sorted(profiles), f"profils de {folder}")
            report.add(path, where, f"profil inconnu « {name} » {hint}")


def _add_records(report: ProblemReport, path: Path, config: PorteurFileConfig, found: PorteurFiles) -> None:
    # to_data() stops at the first bad record: build the porteur and each fiche alone to report them all.
    porteur_only = config.model_copy(update={"fiche": []})
    porteur = report.record(
        path, lambda: porteur_only.to_data()[0], PorteurData, ("porteur",), _PORTEUR_RENAME
    )
    if porteur is not None:
        found.porteurs.append(porteur)
    for index, fiche in enumerate(config.fiche):
        record = report.record(
            path, partial(FicheActionData, porteur_id=config.porteur.id, **fiche.model_dump()),
            FicheActionData, ("fiche", index),
        )
        if record is not None:
            found.fiches.append(record)
