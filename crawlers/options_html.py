"""Options of the HTML source kinds (Bpifrance, ADEME catalogue, DGE, Banque des Territoires, Régions)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crawlers.options import _cog_codes


class HtmlOptions(BaseModel):
    """A site of listing pages whose cards link to detail pages."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    funder: str = ""
    """Funder written on every call (empty: the site's own operator, e.g. "Bpifrance")."""
    geo: list[str] = []
    """COG codes every call covers (empty: the kind's default, e.g. REG-84 for Auvergne-Rhône-Alpes)."""
    programmes: list[str] = []
    """Programmes every call belongs to (more are detected in the text, e.g. "France 2030")."""
    detail_pages: bool = True
    """Read each call's own page (deadlines, relèves, eligibility); false: the listing alone."""
    max_pages: int = Field(default=20, ge=1, le=200)
    """Listing pages read at most (a guard against a pager that never ends)."""

    _geo = field_validator("geo")(_cog_codes)


class AdemeCatalogueOptions(HtmlOptions):
    """ADEME's « Agir pour la transition » catalogue: one audience per source."""

    audience: Literal["entreprises", "collectivites"] = "entreprises"
    """Catalogue read: `/entreprises/aides-financieres/catalogue` or `/collectivites/…`."""
    detail_pages: bool = False
