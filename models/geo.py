"""COG geography codes (PAYS-99100, REG-76, DEP-32, COM-32147, EPCI-200066926) and containment.

The département → région table is `models/data/departements.csv` (all 101 départements); communes and
their EPCI are in `models.communes`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from models import communes as com
from models.french import fold

FRANCE = "PAYS-99100"
_CODE = re.compile(r"^(PAYS|REG|DEP|COM|EPCI)-([0-9A-B]+)$")


@dataclass(frozen=True)
class Departement:
    """One row of the reference table."""

    code: str
    """INSEE code: "32", "2A", "974"."""
    nom: str
    region: str
    """INSEE région code: "76"."""
    region_nom: str


@cache
def departements() -> dict[str, Departement]:
    """The reference table, keyed by département code."""
    text = resources.files("models").joinpath("data/departements.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {r["code"]: Departement(r["code"], r["nom"], r["region"], r["region_nom"]) for r in rows}


@cache
def regions() -> dict[str, str]:
    """Région code → name."""
    return {d.region: d.region_nom for d in departements().values()}


def _name_key(text: str) -> str:
    """Case-, accent-, space- and dash-insensitive form of a name: "Île-de-France" → "iledefrance"."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def find_region(text: str) -> str | None:
    """The région code ("REG-76") for "76", "REG-76" or a name such as "occitanie"; None when unknown."""
    value = text.strip()
    code = value.upper().removeprefix("REG-").removeprefix("REG")
    if code.isdigit() and code.zfill(2) in regions():
        return f"REG-{code.zfill(2)}"
    by_name = {_name_key(nom): code for code, nom in regions().items()}
    found = by_name.get(_name_key(value))
    return f"REG-{found}" if found else None


def region_name(code: str) -> str:
    """The name of a région code ("REG-76" → "Occitanie"); the code itself when unknown."""
    return regions().get(code.removeprefix("REG-"), code)


def regions_of(codes: list[str]) -> set[str]:
    """The région codes containing any of `codes` (DEP-32 → REG-76); EPCI and country codes give none."""
    return {a for code in codes for a in ancestors(code) if a.startswith("REG-")}


def commune_departement(insee: str) -> str | None:
    """The département of a commune INSEE code ("32147" → "32", "97411" → "974", "2A004" → "2A")."""
    prefix = insee[:3] if insee.startswith("97") else insee[:2]
    return prefix if prefix in departements() else None


def check_code(code: str) -> str | None:
    """Return None if `code` is a known COG code, else a French explanation."""
    match = _CODE.match(code.strip())
    if not match:
        return f"code géographique invalide « {code} » (attendu PAYS-99100, REG-76, DEP-32, COM-32147 ou EPCI-<SIREN>)"
    level, value = match.groups()
    if level == "PAYS" and not re.fullmatch(r"99\d{3}", value):
        return f"code pays inconnu « {code} » (attendu PAYS-99100 pour la France)"
    if level == "REG" and value not in regions():
        return f"code région inconnu « {code} »"
    if level == "DEP" and value not in departements():
        return f"code département inconnu « {code} »"
    if level == "COM" and not (len(value) == 5 and commune_departement(value)):
        return f"code commune inconnu « {code} » (5 caractères, département connu)"
    if level == "EPCI" and not re.fullmatch(r"\d{9}", value):
        return f"code EPCI invalide « {code} » (SIREN à 9 chiffres attendu)"
    return None


def ancestors(code: str) -> list[str]:
    """Every code that contains `code`, itself first: COM-32147 → [COM-32147, EPCI-200066926, DEP-32, REG-76,
    PAYS-99100]; an EPCI is inside the départements of its communes."""
    return list(_ancestors(code))


@cache
def _ancestors(code: str) -> tuple[str, ...]:
    level, _, value = code.partition("-")
    chain = [code]
    deps: list[str] = []
    if level == "COM":
        commune = com.communes().get(value)
        chain += [f"EPCI-{commune.epci}"] if commune and commune.epci else []
        deps = [d for d in [commune_departement(value)] if d]
    elif level == "EPCI":
        deps = sorted(com.epci_departements().get(value, ()))
    elif level == "DEP":
        deps = [value]
    known = [d for d in deps if d in departements()]
    chain += [f"DEP-{d}" for d in known if level != "DEP"]
    chain += list(dict.fromkeys(f"REG-{departements()[d].region}" for d in known))
    if level in {"COM", "DEP", "REG", "EPCI"}:
        chain.append(FRANCE)
    return tuple(chain)


def covering(coverage: list[str], porteur_codes: list[str]) -> str | None:
    """The coverage code the porteur's place falls in, or, for a porteur known by its EPCI, a commune of that
    EPCI the coverage names (the intercommunality's projects lie in its communes); None when neither."""
    places = [a for code in porteur_codes for a in ancestors(code)]
    inside = next((p for p in places if p in coverage), None)
    if inside:
        return inside
    groups = {p for p in porteur_codes if p.startswith("EPCI-")}
    return next((c for c in coverage if c.startswith("COM-") and set(ancestors(c)) & groups), None)


def covers(coverage: list[str], exclusions: list[str], porteur_codes: list[str]) -> bool | None:
    """Whether a call's coverage minus its exclusions contains the porteur's place.

    None when the call states no coverage (unknown never excludes).
    """
    if not coverage:
        return None
    places = {a for code in porteur_codes for a in ancestors(code)}
    if places & set(exclusions):
        return False
    return covering(coverage, porteur_codes) is not None
