"""Validated data records: what crosses between crawlers, matcher, notifier and the store.

Records are pydantic models (frozen, `extra="forbid"`); stored rows live in `tables.py`.
A crawler builds an `OpportunityData`; the store adds what Vigie owns (first_seen, last_seen, hash).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from models import geo
from models.vocab import Axe, Beneficiary, GeoScope, Instrument, PorteurType, Recurrence, Status, Taille

_FROZEN = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _http_url(value: str | None) -> str | None:
    """Only http(s) links are ever stored (no javascript:, data:, file:)."""
    if value in (None, ""):
        return None
    if not value.lower().startswith(("http://", "https://")):
        raise ValueError(f"lien http(s) attendu, reçu « {value[:80]} »")
    return value


def _cog_codes(codes: list[str]) -> list[str]:
    problems = [p for p in (geo.check_code(c) for c in codes) if p]
    if problems:
        raise ValueError("; ".join(problems))
    return list(dict.fromkeys(c.strip() for c in codes))


FactKind = Literal["cloture", "ouverture", "beneficiaire", "territoire", "montant_aide", "montant_projet", "taux"]
"""The facts of a call that keep where they were read (FactEvidence.fact)."""
FACT_KINDS: tuple[str, ...] = get_args(FactKind)
QUOTE_LENGTH = 200
"""The longest quote kept: a sentence, or the words of a long one around the fact."""


def fact_value(value: Any) -> str:
    """A fact's value as evidence names it: ISO day, vocabulary or COG code, number without trailing « .0 »."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)


class FactEvidence(BaseModel):
    """Where one extracted fact was read: the block of the source and its sentence (or raw field value)."""

    model_config = _FROZEN

    fact: FactKind
    """cloture | ouverture | beneficiaire | territoire | montant_aide | montant_projet | taux."""
    value: str = Field(min_length=1)
    """The fact as stored, through `fact_value`: « 2027-06-15 », « pme », « REG-76 », « 500000 », « 40 »."""
    block: str = Field(min_length=1)
    """Where it was read, in French: « page de l'appel », « éligibilité », « champ date de clôture »…"""
    quote: str = Field(min_length=1, max_length=QUOTE_LENGTH)
    """The sentence that states it, or the field's raw value."""
    source: str | None = None
    """The source that stated it, when it is not the record's own (a call listed by several sources)."""


class OpportunityData(BaseModel):
    """A funding call as found at one source, normalised to Vigie's vocabulary."""

    model_config = _FROZEN

    source: str = Field(min_length=1)
    """Slug of the source in sources.toml."""
    source_id: str = Field(min_length=1)
    """Identifier at the source (its id, or the canonical detail URL)."""
    url: str
    """The call's page at the source."""
    apply_url: str | None = None
    """Where to apply, when the source gives it."""
    title: str = Field(min_length=1)
    summary: str = ""
    description: str = ""
    eligibility_text: str = ""
    """Who may apply, in the source's words (plain text)."""
    funders: list[str] = []
    programmes: list[str] = []
    """E.g. "France 2030", "Fonds vert"."""
    instruments: list[Instrument] = []
    beneficiaries: list[Beneficiary] = []
    geo_codes: list[str] = []
    """COG codes the call covers (empty: unknown)."""
    geo_exclusions: list[str] = []
    """COG codes excluded from the coverage (exclusions win)."""
    geo_scope: GeoScope | None = None
    """A coverage beyond France that no COG code states (the European Union): `geo_codes` then stay empty."""
    themes: list[str] = []
    open_date: date | None = None
    close_dates: list[date] = []
    """Every relève / wave / deadline, sorted; the next future one is the deadline."""
    recurrence: Recurrence | None = None
    amount_min: float | None = Field(default=None, ge=0)
    """Floor of the aid itself (subvention, avance, prêt), euros: compared with a fiche's besoin_financement."""
    amount_max: float | None = Field(default=None, ge=0)
    """Ceiling of the aid itself, euros."""
    project_min: float | None = Field(default=None, ge=0)
    """Floor of the project's budget the call admits (« projets d'au moins 500 000 € », « dépenses éligibles
    d'au moins 100 k€ »), euros: compared with a fiche's budget_total."""
    project_max: float | None = Field(default=None, ge=0)
    """Ceiling of the project's budget the call names (« projets de 500 000 € à 3 M€ »), euros."""
    rate_max: float | None = Field(default=None, ge=0, le=100)
    """Maximum aid rate, percent."""
    status: Status = Status.UNKNOWN
    """Status as of the crawl day (recomputed with `status_on`)."""
    source_updated_at: datetime | None = None
    """The source's own last-modified stamp (volatile: not part of the content hash)."""
    raw: dict[str, Any] | None = None
    """The original record as found (volatile)."""
    fact_sources: dict[str, str] = {}
    """For a call listed by several sources, read back as one: field → the source whose value was kept, when it
    was not this copy's own (models/merge.py; never stored)."""
    stated_status: Status | None = None
    """CLOSED or UPCOMING when the source says so itself ("Clos", "À venir") whatever its dates say
    (volatile, like `status`). `status_on` honours it."""
    evidence: list[FactEvidence] = []
    """Where each fact was read (crawlers/normalise/evidence.py): volatile, so that a reworded sentence alone is no
    change, but stored with the call and shown beside its facts (models/display_evidence.py)."""

    _url = field_validator("url")(lambda v: _http_url(v) or _raise("lien manquant"))
    _apply = field_validator("apply_url")(_http_url)
    _geo = field_validator("geo_codes", "geo_exclusions")(_cog_codes)

    @field_validator("close_dates")
    @classmethod
    def _sorted_dates(cls, value: list[date]) -> list[date]:
        return sorted(set(value))

    def content_hash(self) -> str:
        """A hash of what a user would call the call's content (volatile fields left out)."""
        unset = {name for name in LATER_FIELDS if getattr(self, name) is None}
        content = self.model_dump(mode="json", exclude=VOLATILE_FIELDS | unset)
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()

    def status_on(self, as_of: date) -> Status:
        """Status as of `as_of`."""
        return status_as_of(self.open_date, self.close_dates, self.recurrence, as_of, self.stated_status)

    def territories(self) -> list[str]:
        """The call's coverage as facts: its COG codes, else its scope (the European Union), else nothing."""
        return list(self.geo_codes) or ([str(self.geo_scope)] if self.geo_scope else [])

    def next_close_date(self, as_of: date) -> date | None:
        """The next relève on or after `as_of`."""
        return next((d for d in self.close_dates if d >= as_of), None)


VOLATILE_FIELDS = {"status", "source_updated_at", "raw", "stated_status", "fact_sources", "evidence"}
"""Fields that never make a call count as changed."""

LATER_FIELDS = {"project_min", "project_max", "geo_scope"}
"""Fields added after calls were first stored: left out of the content hash while unset, so that a stored call
keeps its hash until a source states them."""

HISTORY_FIELDS = [f for f in OpportunityData.model_fields if f not in VOLATILE_FIELDS]


def _raise(message: str) -> Any:
    raise ValueError(message)


def status_as_of(
    open_date: date | None, close_dates: list[date], recurrence: Recurrence | None, as_of: date,
    stated: Status | None = None,
) -> Status:
    """upcoming before opening; closed once every close date is past; permanent guichets; else open.

    `stated`: what the source says itself. CLOSED ("Clos") always wins; UPCOMING ("À venir") holds
    while no open date is known and the close dates (if any) are not all past."""
    if stated == Status.CLOSED:
        return Status.CLOSED
    if open_date and as_of < open_date:
        return Status.UPCOMING
    if close_dates and max(close_dates) < as_of:
        return Status.CLOSED
    if stated == Status.UPCOMING and open_date is None:
        return Status.UPCOMING
    if close_dates:
        return Status.OPEN
    if recurrence == Recurrence.PERMANENTE:
        return Status.PERMANENT
    return Status.OPEN if open_date else Status.UNKNOWN


class ContactData(BaseModel):
    """A person who receives a porteur's digest."""

    model_config = _FROZEN

    email: EmailStr
    nom: str = ""
    role: str = ""


PROFILE_SUFFIX = "#profil"
"""The end of the fiche id under which a porteur is matched on its own profile (description and keywords)."""


def profile_fiche_id(porteur_id: str) -> str:
    """The fiche id of a porteur's profile: `<porteur_id>#profil`."""
    return f"{porteur_id}{PROFILE_SUFFIX}"


def is_profile_fiche(fiche_id: str) -> bool:
    """Whether a fiche id stands for a porteur's profile rather than a fiche-action of the plan."""
    return fiche_id.endswith(PROFILE_SUFFIX)


class FicheActionData(BaseModel):
    """One fiche-action of the plan d'actions."""

    model_config = _FROZEN

    id: str = Field(min_length=1)
    porteur_id: str = Field(min_length=1)
    titre: str = Field(min_length=1)
    description: str = ""
    axe: Axe | None = None
    partenaires: list[str] = []
    budget_total: float | None = Field(default=None, ge=0)
    """Euros."""
    besoin_financement: float | None = Field(default=None, ge=0)
    """Funding still needed, euros."""
    debut: str | None = Field(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    """YYYY-MM."""
    fin: str | None = Field(default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    indicateurs: str = ""
    mots_cles: list[str] = []
    profiles: list[str] = []
    """Keyword profile ids (config/profiles/*.toml) attached to this fiche."""

    def content_hash(self) -> str:
        """Hash of the fiche's content, to know when it must be re-matched."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()


class PorteurData(BaseModel):
    """A project holder of a territory, with its contacts."""

    model_config = _FROZEN

    id: str = Field(min_length=1)
    nom: str = Field(min_length=1)
    type: PorteurType
    taille: Taille | None = None
    """Companies only."""
    siren: str | None = Field(default=None, pattern=r"^\d{9}$")
    territoire: str = Field(min_length=1)
    """Territory id."""
    geo_codes: list[str] = []
    """Most specific first: COM-32147, DEP-32, REG-76."""
    description: str = ""
    """Profile text, used to match a porteur that has no fiche."""
    mots_cles: list[str] = []
    profiles: list[str] = []
    contacts: list[ContactData] = []

    _geo = field_validator("geo_codes")(_cog_codes)


class TerritoryData(BaseModel):
    """A Territoire d'industrie."""

    model_config = _FROZEN

    id: str = Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9-]*$")
    nom: str = Field(min_length=1)
    geo_codes: list[str] = []
    chef_de_projet_nom: str = ""
    chef_de_projet_email: EmailStr | None = None

    _geo = field_validator("geo_codes")(_cog_codes)


class PlanData(BaseModel):
    """A whole plan d'actions to import: territories, porteurs and their fiches."""

    model_config = _FROZEN

    territories: list[TerritoryData] = []
    porteurs: list[PorteurData] = []
    fiches: list[FicheActionData] = []


class Criterion(BaseModel):
    """One eligibility verdict."""

    model_config = _FROZEN

    criterion: str
    """beneficiaire | territoire | calendrier | montant."""
    verdict: str = Field(pattern=r"^(ok|ko|inconnu)$")
    detail: str
    """French, e.g. "EPCI ✔" or "clôture 15/01/2027 (J-52)"."""


class Reason(BaseModel):
    """A piece of evidence behind a relevance score, shown as-is to people."""

    model_config = _FROZEN

    feature: str
    """e.g. "termes", "profil", "phrase"."""
    weight: float
    evidence: str


class MatchResult(BaseModel):
    """The matcher's verdict for one (fiche-action, opportunity) pair."""

    model_config = _FROZEN

    fiche_id: str
    porteur_id: str
    source: str
    source_id: str
    score: float
    """Higher is better."""
    eligible: bool
    eligibility: list[Criterion] = []
    reasons: list[Reason] = []
