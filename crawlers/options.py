"""Options models of each source kind (`[source.options]` in sources.toml); unknown keys are refused."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models import geo

_STRICT = ConfigDict(extra="forbid", frozen=True)


def _cog_codes(codes: list[str]) -> list[str]:
    problems = [p for p in (geo.check_code(c) for c in codes) if p]
    if problems:
        raise ValueError("; ".join(problems))
    return codes


class OpendatasoftOptions(BaseModel):
    """An Opendatasoft portal dataset (Île-de-France, Occitanie…)."""

    model_config = _STRICT
    dataset: str = Field(min_length=1)
    """Dataset identifier, e.g. "aides-appels-a-projets"."""
    api: Literal["v2.1", "v1"] = "v2.1"
    """Explore API v2.1 (`/api/explore/v2.1/…/records`) or the older v1 search API."""
    page_size: int = Field(default=100, ge=1, le=100)
    funder: str = ""
    """Funder name when the records do not carry one (e.g. "Région Occitanie")."""
    geo: list[str] = []
    """COG codes the whole dataset covers (e.g. ["REG-76"])."""
    detail_pages: bool = False
    """Read the page a record links to when the record gives no close date or no beneficiaries (Occitanie:
    deadlines and « Bénéficiaires » are only on the laregion.fr page); a record marked closed needs none."""

    _geo = field_validator("geo")(_cog_codes)


class DispositifAideCsvOptions(BaseModel):
    """A CSV file in the etalab dispositif-aide schema: it says everything itself."""

    model_config = _STRICT


class RssOptions(BaseModel):
    """An RSS 2.0 or Atom feed of calls."""

    model_config = _STRICT
    funder: str = ""
    geo: list[str] = []
    """COG codes used when an item does not name its régions."""
    programmes: list[str] = []
    """Programmes every item belongs to."""
    detail_pages: bool = False
    """Follow each item's link and read its page (Nouvelle-Aquitaine fiches: publics, dates, sections)."""
    fallback_path: str | None = None
    """A page of the feed's own site listing the fiches (e.g. "/"), read when the feed is empty or unreadable:
    each link `/<thématique>/<fiche>` of that site is read as a fiche page (Nouvelle-Aquitaine layout)."""

    _geo = field_validator("geo")(_cog_codes)
