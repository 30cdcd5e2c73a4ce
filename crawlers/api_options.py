"""Options of the API and aggregator kinds (Aides-territoires, appelsprojetsrecherche.fr, EU Funding & Tenders).

Kept apart from the spiders: configuration checks import these models without scrapy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crawlers.options import _cog_codes
from models import geo

_STRICT = ConfigDict(extra="forbid", frozen=True)


class AidesTerritoiresOptions(BaseModel):
    """The Aides-territoires API (sources.md §10): key → JWT, then `/api/aids/` pages followed by `next`."""

    model_config = _STRICT
    api_key_env: str = Field(default="VIGIE_AIDES_TERRITOIRES_KEY", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    """NAME of the environment variable holding the API key (never the key itself)."""
    programs: list[str] = []
    """Programme ids or slugs, e.g. "territoires-dindustrie"."""
    targeted_audiences: list[str] = []
    """Audience slugs, e.g. "epci", "private-sector"."""
    perimeter: str = ""
    """Perimeter id (see /api/perimeters/)."""
    text: str = ""
    call_for_projects_only: bool = False
    items_per_page: int = Field(default=100, ge=1, le=100)
    max_pages: int = Field(default=50, ge=1, le=1000)

    def missing_configuration(self, environ: Mapping[str, str]) -> str | None:
        """Why the source cannot run yet (no key in the environment), or None."""
        if environ.get(self.api_key_env, "").strip():
            return None
        return f"clé d'API absente : définir la variable d'environnement {self.api_key_env}"

    def query(self) -> list[tuple[str, str]]:
        """The search filters as query parameters (first page)."""
        pairs = [("programs", p) for p in self.programs]
        pairs += [("targeted_audiences", a) for a in self.targeted_audiences]
        pairs += [(k, v) for k, v in (("perimeter", self.perimeter), ("text", self.text)) if v]
        if self.call_for_projects_only:
            pairs.append(("call_for_projects_only", "true"))
        return [*pairs, ("page", "1"), ("itemsPerPage", str(self.items_per_page))]


class AppelsProjetsRechercheOptions(BaseModel):
    """appelsprojetsrecherche.fr (ANR's portal, sources.md §9.5): AJAX search returning HTML cards in JSON."""

    model_config = _STRICT
    terms: str = ""
    statuses: list[Literal["open", "upcoming", "closed"]] = ["open", "upcoming"]
    partners: list[str] = []
    sort: Literal[
        "applyClosingDate-asc", "applyClosingDate-desc", "publicationBeginDate-asc",
        "publicationBeginDate-desc", "applyOpeningDate-asc", "applyOpeningDate-desc",
    ] = "applyClosingDate-asc"
    page_size: int = Field(default=50, ge=1, le=100)
    max_pages: int = Field(default=20, ge=1, le=500)
    geo: list[str] = [geo.FRANCE]

    _geo = field_validator("geo")(_cog_codes)


class EuFundingTendersOptions(BaseModel):
    """The EU Funding & Tenders (SEDIA) search API (sources.md §13): POST multipart JSON."""

    model_config = _STRICT
    text: str = "***"
    types: list[str] = ["1", "2", "8"]
    statuses: list[str] = ["31094501", "31094502"]
    """Forthcoming and open (codes disputed: status is derived from the dates anyway)."""
    programme_period: str = "2021 - 2027"
    frameworks: list[str] = []
    """frameworkProgramme codes to keep (empty: all)."""
    page_size: int = Field(default=50, ge=1, le=100)
    max_pages: int = Field(default=40, ge=1, le=500)
    api_key: str = "SEDIA"
    """The portal's public key (not a secret)."""
