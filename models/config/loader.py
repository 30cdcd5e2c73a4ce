"""Load the configuration directory, or list every problem in it at once (`vigie check-config`).

Each problem is one line `<file>: <key path>: <message in French>`, the file named relative to the
parent of the directory (`config/sources.toml`) and arrays counted from 1 (`source[1]` is the first
`[[source]]`). Nothing here touches the network.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from models.config.messages import suggestion
from models.config.porteurs import read_porteurs
from models.config.report import ProblemReport, broken_link, present
from models.config.schema import (
    FundersConfig, ProfileConfig, SettingsConfig, SourceConfig, SynonymsConfig, TerritoryConfig, VigieConfig,
)
from models.errors import ConfigError
from models.funders import funder_key
from models.records import PlanData, TerritoryData
from models.vocab import Axe

logger = logging.getLogger(__name__)

SourceKinds = Mapping[str, type[BaseModel]]
"""Source kind → pydantic model of its `options` table."""

_AXES = [a.value for a in Axe]

_TERRITORY_RENAME = {
    "geo_codes": ("geo",),
    "chef_de_projet_nom": ("chef_de_projet", "nom"),
    "chef_de_projet_email": ("chef_de_projet", "email"),
}


def check_config(directory: Path, source_kinds: SourceKinds) -> list[str]:
    """Every problem of the configuration directory at once; [] when valid. Never raises for bad input."""
    return _load(Path(directory), source_kinds)[1]


def load_config(directory: Path, source_kinds: SourceKinds) -> VigieConfig:
    """Validated configuration; raises models.errors.ConfigError(problems) listing every problem."""
    config, problems = _load(Path(directory), source_kinds)
    if config is None:
        raise ConfigError(problems)
    logger.debug("configuration loaded directory=%s sources=%d", directory, len(config.sources))
    return config


def _load(directory: Path, source_kinds: SourceKinds) -> tuple[VigieConfig | None, list[str]]:
    report = ProblemReport(directory)
    if not directory.is_dir():
        hint = f"lancez « vigie init {directory} » pour créer une configuration d'exemple"
        problem = "n'est pas un dossier" if directory.exists() else "dossier de configuration introuvable"
        report.add(directory, "", broken_link(directory) or f"{problem} ({hint})")
        return None, report.lines
    for folder in ("profiles", "porteurs"):
        report.check_link(directory / folder)
    settings, territories, territory_ids = _read_settings(report)
    sources = _read_sources(report, source_kinds)
    profiles, profile_ids = _read_profiles(report)
    synonyms = _read_synonyms(report)
    funders = _read_funders(report)
    found = read_porteurs(report, territory_ids, profile_ids)
    if report.lines or settings is None or synonyms is None or funders is None:
        return None, report.lines
    plan = PlanData(territories=territories, porteurs=found.porteurs, fiches=found.fiches)
    config = VigieConfig(
        directory=directory.absolute(), settings=settings, sources=sources,
        plan=plan, profiles=profiles, synonyms=synonyms, funders=funders,
    )
    return config, []


def _read_settings(
    report: ProblemReport,
) -> tuple[SettingsConfig | None, list[TerritoryData], list[str] | None]:
    """settings.toml, its territories as records, and the territory ids it declares (None: unreadable)."""
    path = report.directory / "settings.toml"
    data = report.read_toml(path, required=True)
    if data is None:
        return None, [], None
    settings = report.validate(path, SettingsConfig, data)
    raw = data.get("territoire", [])
    items = raw if isinstance(raw, list) else []
    # Territories are checked one by one so that a mistake elsewhere in the file hides none of theirs.
    records = [_territory(report, path, index, item) for index, item in enumerate(items)]
    _check_unique(report, path, items, "territoire", "id", "territoire")
    ids = [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]
    return settings, [t for t in records if t is not None], ids


def _territory(report: ProblemReport, path: Path, index: int, item: Any) -> TerritoryData | None:
    try:
        config = TerritoryConfig.model_validate(item)
    except ValueError:
        return None  # its problems are already reported by SettingsConfig
    return report.record(path, config.to_data, TerritoryData, ("territoire", index), _TERRITORY_RENAME)


def _check_unique(report: ProblemReport, path: Path, items: list[Any], array: str, key: str, noun: str) -> None:
    """Report an item of `array` whose `key` repeats an earlier one, naming both places."""
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        value = item.get(key) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        if value in first:
            earlier = f"{array}[{first[value] + 1}]"
            report.add(path, (array, index, key), f"{noun} « {value} » déjà déclaré en {earlier}")
        else:
            first[value] = index


def _read_sources(report: ProblemReport, source_kinds: SourceKinds) -> list[SourceConfig]:
    """sources.toml: every [[source]], its kind and its kind's options."""
    path = report.directory / "sources.toml"
    data = report.read_toml(path, required=True)
    if data is None:
        return []
    for key in data.keys() - {"source"}:
        report.add(path, key, f"clé inconnue {suggestion(key, ['source'], 'clés valides')}")
    items = data.get("source", [])
    if not isinstance(items, list):
        report.add(path, "source", "tableau de tables attendu : écrivez chaque source sous [[source]]")
        return []
    sources = [report.validate(path, SourceConfig, item, ("source", index)) for index, item in enumerate(items)]
    for index, item in enumerate(items):
        if isinstance(item, dict):
            _check_kind(report, path, ("source", index), item, source_kinds)
    _check_unique(report, path, items, "source", "slug", "slug")
    return [s for s in sources if s is not None]


def _check_kind(
    report: ProblemReport, path: Path, where: tuple[str, int], item: dict[str, Any], source_kinds: SourceKinds
) -> None:
    kind = item.get("kind")
    if not isinstance(kind, str):
        return  # missing or not text: reported by SourceConfig
    if kind not in source_kinds:
        valid = ", ".join(sorted(source_kinds))
        report.add(path, where + ("kind",), f"type de source inconnu « {kind} » (types valides : {valid})")
        return
    options = item.get("options", {})
    if isinstance(options, dict):
        report.validate(path, source_kinds[kind], options, where + ("options",))


def _read_profiles(report: ProblemReport) -> tuple[dict[str, ProfileConfig], list[str]]:
    """profiles/*.toml keyed by file stem, and the ids of every profile file (valid or not)."""
    paths = sorted((report.directory / "profiles").glob("*.toml"))
    profiles = {}
    for path in paths:
        profile = report.load(path, ProfileConfig)
        if profile is None:
            continue
        for index, axe in enumerate(profile.axes):
            if axe not in _AXES:
                report.add(path, ("axes", index), f"axe inconnu « {axe} » {suggestion(axe, _AXES)}")
        profiles[path.stem] = profile
    return profiles, [p.stem for p in paths]


def _read_synonyms(report: ProblemReport) -> SynonymsConfig | None:
    """synonyms.toml; absent means no synonyms."""
    path = report.directory / "synonyms.toml"
    if not present(path):
        return SynonymsConfig()
    return report.load(path, SynonymsConfig)


def _read_funders(report: ProblemReport) -> FundersConfig | None:
    """funders.toml; absent means no alias (names are shown as found, ALL-CAPS tidied). A name or alias that
    folds (case, accents, punctuation) to one given to another funder is a problem: which one would win?"""
    path = report.directory / "funders.toml"
    if not present(path):
        return FundersConfig()
    funders = report.load(path, FundersConfig)
    if funders is None:
        return None
    owner: dict[str, tuple[str, int]] = {}
    for index, funder in enumerate(funders.financeur):
        for where, name in [(("financeur", index, "nom"), funder.nom),
                            *[(("financeur", index, "alias", n), a) for n, a in enumerate(funder.alias)]]:
            key = funder_key(name)
            if not key:
                report.add(path, where, f"« {name} » ne contient ni lettre ni chiffre")
            elif key in owner and owner[key][1] != index:
                first, at = owner[key]
                report.add(path, where, f"« {name} » désigne déjà « {first} » (financeur[{at + 1}])")
            else:
                owner.setdefault(key, (funder.nom, index))
    return funders
