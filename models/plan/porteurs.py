"""Territories and porteurs of a plan: resolve territory names, merge a porteur's rows, build records."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Mapping

from pydantic import ValidationError

from models.french import fold
from models.plan.cells import slugify
from models.plan.columns import PORTEUR_COLUMNS
from models.plan.problems import Problems
from models.records import ContactData, FicheActionData, PlanData, PorteurData, TerritoryData

if TYPE_CHECKING:
    from models.plan.rows import ParsedRow


def _match_key(text: str) -> str:
    """Case-, accent- and space-insensitive key: "Gers – Lomagne" and "gers-lomagne" agree."""
    return re.sub(r"[\W_]+", "", fold(text))


class TerritoryResolver:
    """Maps a `territoire` cell to a territory id.

    With `known` (an import), only those territories exist: a territory is declared in settings.toml,
    with its chef de projet, like the one a porteurs/*.toml file names; an unknown cell is refused with
    the block to add. Without (`vigie eval` reading a plan it never stores), a new territory is named
    after the cell."""

    def __init__(self, known: Mapping[str, str] | None, declared_in: str = "settings.toml") -> None:
        self.closed = known is not None
        self.declared_in = declared_in
        self._known: dict[str, tuple[str, str]] = {}
        for territory_id, nom in (known or {}).items():
            self._known.setdefault(_match_key(territory_id), (territory_id, nom))
            self._known.setdefault(_match_key(nom), (territory_id, nom))
        self._declared = sorted(known or {})
        self._refused: dict[str, int] = {}
        """Key of an unknown cell → line where it was first refused (the full hint is given once)."""
        self.used: dict[str, str] = {}
        """Territory id → nom, for every territory the rows refer to, in order of appearance."""

    def resolve(self, value: str) -> str | None:
        """The territory id for a cell value; None when it is unknown (import) or no id can be made from it."""
        territory_id, nom = self._known.get(_match_key(value), (slugify(value), value))
        if not territory_id or (self.closed and _match_key(value) not in self._known):
            return None
        self.used.setdefault(territory_id, nom)
        return territory_id

    def refusal(self, value: str, line: int) -> str:
        """Why a cell gives no territory, and what to add so that it does."""
        territory_id = slugify(value)
        if not territory_id:
            return f"« {value} » ne donne aucun identifiant (lettres ou chiffres attendus)"
        first = self._refused.setdefault(_match_key(value), line)
        if first != line:
            return f"territoire « {value} » non déclaré (voir ligne {first})"
        declared = ", ".join(self._declared) or "aucun"
        return (f"territoire « {value} » non déclaré dans {self.declared_in} : ajoutez-y un bloc [[territoire]] "
                f'avec id = "{territory_id}", nom = "{value}", geo et son [territoire.chef_de_projet] '
                f"(nom, email), puis relancez l'import ; ou écrivez un territoire déclaré ({declared})")

    def territories(self) -> list[TerritoryData]:
        """TerritoryData for every territory in use."""
        return [TerritoryData(id=tid, nom=nom) for tid, nom in self.used.items()]


def check_porteurs(rows: list[ParsedRow], territories: TerritoryResolver, problems: Problems) -> None:
    """Resolve each row's territory; the rows of one porteur_id must describe it the same way."""
    first: dict[str, ParsedRow] = {}
    for row in rows:
        _resolve_territory(row, territories, problems)
        porteur_id = row.get("porteur_id")
        if porteur_id is None:
            continue
        if porteur_id not in first:
            first[porteur_id] = row
            continue
        for column in PORTEUR_COLUMNS:
            _check_agrees(first[porteur_id], row, column, problems)


def _resolve_territory(row: ParsedRow, territories: TerritoryResolver, problems: Problems) -> None:
    value = row.get("territoire")
    if value is None:
        return
    territory_id = territories.resolve(value)
    if territory_id is None:
        problems.cell(row.line, "territoire", territories.refusal(value, row.line))
        row.bad.add("territoire")
    row.values["territoire_id"] = territory_id


def _check_agrees(first: ParsedRow, row: ParsedRow, column: str, problems: Problems) -> None:
    """Report `row`'s cell when it describes the porteur differently from its first row."""
    if column in first.bad or column in row.bad:
        return
    if _comparable(first, column) == _comparable(row, column):
        return
    porteur_id = row.get("porteur_id")
    problems.cell(row.line, column,
                  f"« {_shown(row.get(column))} » diffère de la ligne {first.line} "
                  f"(« {_shown(first.get(column))} ») pour le porteur « {porteur_id} »")
    row.bad.add(column)


def _comparable(row: ParsedRow, column: str) -> Any:
    if column == "territoire":
        return row.get("territoire_id")
    value = row.get(column)
    return value.casefold() if column == "porteur_email" and value else value


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "|".join(value)
    return "(vide)" if value in (None, "") else str(value)


def build_records(
    rows: list[ParsedRow], territories: TerritoryResolver, problems: Problems
) -> PlanData | None:
    """Build the records of rows already checked; a record that still fails is reported."""
    porteurs: dict[str, PorteurData] = {}
    fiches: list[FicheActionData] = []
    try:
        for row in rows:
            if row.get("porteur_id") not in porteurs:
                porteurs[row.get("porteur_id")] = _porteur(row)
            fiches.append(_fiche(row))
        return PlanData(
            territories=territories.territories(), porteurs=list(porteurs.values()), fiches=fiches
        )
    except ValidationError as error:
        problems.row(row.line, "; ".join(e["msg"] for e in error.errors()))
        return None


def _porteur(row: ParsedRow) -> PorteurData:
    email = row.get("porteur_email")
    return PorteurData(
        id=row.get("porteur_id"),
        nom=row.get("porteur_nom"),
        type=row.get("porteur_type"),
        taille=row.get("porteur_taille"),
        siren=row.get("porteur_siren"),
        territoire=row.get("territoire_id"),
        geo_codes=row.get("porteur_geo") or [],
        contacts=[ContactData(email=email)] if email else [],
    )


def _fiche(row: ParsedRow) -> FicheActionData:
    return FicheActionData(
        id=row.get("fiche_id"),
        porteur_id=row.get("porteur_id"),
        titre=row.get("fiche_titre"),
        description=row.get("fiche_description") or "",
        axe=row.get("axe"),
        partenaires=row.get("partenaires") or [],
        budget_total=row.get("budget_total"),
        besoin_financement=row.get("besoin_financement"),
        debut=row.get("debut"),
        fin=row.get("fin"),
        indicateurs=row.get("indicateurs") or "",
        mots_cles=row.get("mots_cles") or [],
    )
