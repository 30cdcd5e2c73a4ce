"""Regional sources (`region = "REG-76"` in sources.toml): keeping those of one région at `vigie init
--region`, saying which are on otherwise, and warning in `vigie check-config` about an enabled one whose
région is no declared territory's. National and European sources have no région and are left alone."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from models.config import SourceConfig, VigieConfig
from models.errors import VigieError
from models.geo import find_region, region_name, regions, regions_of

_OTHER_TABLE = re.compile(r"(?m)^\s*\[")
_ENABLED = re.compile(r"(?m)^enabled\s*=.*$")
_SLUG = re.compile(r'(?m)^slug\s*=\s*"([^"]+)"')


def parse_region(text: str) -> str:
    """"76", "REG-76" or "Occitanie" → "REG-76"; a French error listing the régions otherwise."""
    code = find_region(text)
    if code is None:
        known = ", ".join(f"{c} {n}" for c, n in sorted(regions().items()))
        raise VigieError("région inconnue", f"--region {text}",
                         f"code INSEE (76 ou REG-76) ou nom (Occitanie) attendu ; régions : {known}")
    return code


@dataclass(frozen=True)
class RegionalSources:
    """The regional sources of a configuration, as enabled or not."""

    enabled: list[tuple[str, str]]
    """(slug, région code) of the enabled regional sources, in file order."""
    disabled: list[tuple[str, str]]
    national: int
    """How many enabled sources have no région."""


def regional_sources(sources: list[SourceConfig]) -> RegionalSources:
    """Sort the sources into enabled regional, disabled regional and enabled national ones."""
    regional = [s for s in sources if s.region]
    return RegionalSources(
        enabled=[(s.slug, s.region) for s in regional if s.enabled],
        disabled=[(s.slug, s.region) for s in regional if not s.enabled],
        national=sum(1 for s in sources if s.enabled and not s.region),
    )


def keep_region(sources_file: Path, region: str) -> None:
    """Enable the sources of `region` and disable the other régions' ones, in place, comments kept."""
    text = sources_file.read_text("utf-8")
    wanted = {s["slug"]: s["region"] == region for s in tomllib.loads(text).get("source", []) if s.get("region")}
    edited = "".join(_set_enabled(block, wanted) for block in re.split(r"(?m)^(?=\[\[source\]\])", text))
    found = {s["slug"]: s.get("enabled", True) for s in tomllib.loads(edited).get("source", [])}
    if any(found.get(slug) != on for slug, on in wanted.items()):  # a layout this simple edit does not know
        raise VigieError("choix de la région impossible", str(sources_file),
                         "mettez vous-même enabled = false aux sources des autres régions")
    sources_file.write_text(edited, "utf-8")


def _set_enabled(block: str, wanted: dict[str, bool]) -> str:
    """One `[[source]]` block with its `enabled` line set (added under `slug` when absent)."""
    slug = _SLUG.search(block)
    if not block.startswith("[[source]]") or not slug or slug.group(1) not in wanted:
        return block
    line = f"enabled = {'true' if wanted[slug.group(1)] else 'false'}"
    other = _OTHER_TABLE.search(block, len("[[source]]"))  # [source.options]: its keys are not the source's
    head, rest = (block[:other.start()], block[other.start():]) if other else (block, "")
    if _ENABLED.search(head):
        head = _ENABLED.sub(line, head, count=1)
    else:
        head = head[:slug.end()] + "\n" + line + head[slug.end():]
    return head + rest


def _named(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(f"{slug} ({region_name(code)})" for slug, code in pairs) or "aucune"


def init_lines(found: RegionalSources, region: str | None, directory: Path) -> list[str]:
    """What `vigie init` says about regional sources: what the chosen région kept, or how to choose one."""
    if region is None:
        return [f"Sources régionales actives : {_named(found.enabled)}.",
                f"Pour ne garder que celles de la région de votre territoire (et les {found.national} sources "
                f"nationales) : vigie init {directory} --force --region CODE (code INSEE comme 76, ou nom "
                "comme Occitanie), ou enabled = false dans sources.toml."]
    lines = [f"Région {region_name(region)} ({region}) : sources régionales actives : {_named(found.enabled)} ; "
             f"désactivées : {_named(found.disabled)} ; {found.national} sources nationales actives."]
    if not found.enabled:
        lines.append(f"Aucune source de la Région {region_name(region)} dans l'exemple : ajoutez la vôtre à "
                     f'sources.toml avec region = "{region}".')
    return lines


def region_warnings(config: VigieConfig) -> list[str]:
    """check-config: an enabled regional source whose région holds no declared territory (nor porteur)."""
    plan = config.plan
    covered = regions_of([c for t in plan.territories for c in t.geo_codes]
                         + [c for p in plan.porteurs for c in p.geo_codes])
    if not covered:
        return []  # no place known: nothing to compare with
    names = ", ".join(f"{region_name(code)} ({code})" for code in sorted(covered))
    return [f"{config.directory.name}/sources.toml: source[{index}].region: source régionale « {s.slug} » "
            f"active pour {region_name(s.region)} ({s.region}), région d'aucun territoire déclaré ({names}) : "
            "mettez enabled = false dans son bloc, ou gardez-la si elle finance aussi vos porteurs"
            for index, s in enumerate(config.sources, start=1) if s.enabled and s.region and s.region not in covered]
