"""Parsed configuration (`…Config` models). Every model forbids unknown keys.

Files: settings.toml (SettingsConfig), sources.toml (`[[source]]` → SourceConfig),
porteurs/*.toml (PorteurFileConfig), profiles/*.toml (ProfileConfig), synonyms.toml (SynonymsConfig),
funders.toml (FundersConfig).
Relative paths in settings.toml are resolved against the configuration directory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from models.french import DEFAULT_STOP_WORDS
from models.geo import check_code
from models.records import FicheActionData, PlanData, PorteurData, TerritoryData

_STRICT = ConfigDict(extra="forbid")
SLUG = r"^[a-z0-9][a-z0-9_-]*$"


def _http(value: str) -> str:
    if not value.lower().startswith(("http://", "https://")) or "://" not in value or len(value) < 11:
        raise ValueError(f'URL attendue, reçu "{value}"')
    return value


DATABASE_SCHEMES = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")
"""What database_url may start with (before `://`): SQLite, or PostgreSQL through psycopg 3 (installed)."""


def _database_url(value: str) -> str:
    scheme = value.partition("://")[0].lower() if "://" in value else ""
    if scheme not in DATABASE_SCHEMES:
        found = f"« {scheme} »" if scheme else "aucun schéma"
        raise ValueError(f"base de données non prise en charge ({found}) : seules SQLite et PostgreSQL le sont, "
                         'ex. "sqlite:///var/vigie.db" ou "postgresql://vigie@127.0.0.1:5432/vigie"')
    return value


def _cron(value: str) -> str:
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(value, timezone="Europe/Paris")
    except ValueError as exc:
        raise ValueError(f'expression cron invalide "{value}" ({exc}); exemple: "0 8 * * mon"') from exc
    return value


class SmtpConfig(BaseModel):
    """How digests leave: none configured means they are written to the outbox folder."""

    model_config = _STRICT
    host: str
    port: int = Field(default=587, ge=1, le=65535)
    security: Literal["starttls", "tls", "none"] = "starttls"
    username_env: str | None = None
    """Name of the environment variable holding the login."""
    password_env: str | None = None
    rate_per_minute: int = Field(default=60, ge=1)
    timeout_seconds: float = Field(default=30, gt=0)
    max_retries: int = Field(default=3, ge=0, le=10)
    """Retries of a temporary failure (4xx, connection lost) before leaving the digest pending."""
    retry_backoff_seconds: float = Field(default=2.0, ge=0)
    """First pause before a retry; doubled at each retry."""
    ca_file: str | None = None
    """PEM file of the certificate authority to trust (a relay with its own certificate)."""


class SenderConfig(BaseModel):
    """From and Reply-To of the digests."""

    model_config = _STRICT
    from_email: EmailStr = "vigie@example.org"
    from_name: str = "Vigie — Territoires d'industrie"
    reply_to: EmailStr | None = None
    public_url: str = "http://127.0.0.1:8000"
    """Base URL of the web app, for unsubscribe and calendar links."""

    _url = field_validator("public_url")(_http)


class WebConfig(BaseModel):
    """The review web app."""

    model_config = _STRICT
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    secret_key_env: str = "VIGIE_SECRET_KEY"
    porteur_link_days: int = Field(default=60, ge=1, le=366)
    """How long a porteur's personal link (their space, an answer from a letter) opens, in days."""


class CrawlConfig(BaseModel):
    """Politeness and resilience of the crawlers."""

    model_config = _STRICT
    user_agent: str = "Vigie/0.1 (veille Territoires d'industrie)"
    contact_email: EmailStr = "vigie@example.org"
    """Appended to the User-Agent so that site owners can reach us."""
    timeout_seconds: float = Field(default=30, gt=0)
    retries: int = Field(default=2, ge=0, le=10)
    download_delay: float = Field(default=1.0, ge=0)
    concurrent_requests_per_domain: int = Field(default=1, ge=1, le=16)
    obey_robots: bool = True
    http_cache_dir: str = "var/httpcache"
    process_timeout_seconds: int = Field(default=900, ge=10)
    """A crawl process still running after this is killed and recorded as failed."""
    failure_alert_after: int = Field(default=3, ge=1)
    """Consecutive failures before the chef de projet is told in their digest."""
    recheck_after_days: int = Field(default=28, ge=0)
    """A call found unchanged on its listing is not read again (no detail page) unless it was last read in
    full longer ago than this; 0: read everything every time."""


class LoggingConfig(BaseModel):
    """The log file: one line per event with key=value context, rotated by size."""

    model_config = _STRICT
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    file: str = "var/log/vigie.log"
    """Relative to the configuration directory; "" writes no file (the environment variable VIGIE_LOG_FILE wins)."""
    max_megabytes: float = Field(default=10, gt=0)
    backup_count: int = Field(default=5, ge=0, le=100)
    format: Literal["texte", "json"] = "texte"


class RetentionConfig(BaseModel):
    """How long bulky history is kept; 0 keeps it forever. Calls and reviews are never deleted."""

    model_config = _STRICT
    raw_payload_days: int = Field(default=180, ge=0)
    """Raw payloads of calls not seen for this long are emptied."""
    crawl_runs_days: int = Field(default=365, ge=0)
    """Crawl runs older than this are deleted (the last one of each source is kept)."""
    outbox_days: int = Field(default=90, ge=0)
    """Digest files (.eml, .html) of the outbox older than this are deleted."""


class ScheduleConfig(BaseModel):
    """Cron times (Europe/Paris) of the scheduled jobs."""

    model_config = _STRICT
    crawl_api: str = "0 6 * * *"
    crawl_html: str = "0 5 * * mon"
    digest: str = "0 8 * * mon"
    retrain: str = "0 3 * * sun"
    dead_links: str = "0 4 * * sat"
    purge: str = "30 4 * * *"

    _cron = field_validator("*")(_cron)


class MatchingWeights(BaseModel):
    """Weights of the relevance signals in the fused score."""

    model_config = _STRICT
    lexical: float = Field(default=1.0, ge=0)
    profile: float = Field(default=1.0, ge=0)
    semantic: float = Field(default=1.0, ge=0)


class CalibrationConfig(BaseModel):
    """A logistic regression that turns the fused score into an estimated probability that the call is relevant
    to the fiche (grade ≥ 2 on a labelled set): p = 1 / (1 + exp(−(intercept + fused × s + shared_words × w))).
    Fitted by `vigie eval --calibrer`; the defaults were fitted on the development set (tests/data/matching)."""

    model_config = _STRICT
    enabled: bool = True
    """False: the score is the fused score itself (then `threshold` is not a probability)."""
    intercept: float = -5.3519
    fused: float = 6.9109
    """Coefficient of the fused score (the call's exclusions multiply the calibrated score afterwards)."""
    shared_words: float = 2.9556
    """Coefficient of the share of the fiche's distinct content words that the call holds: unlike the fused
    score, it does not depend on the fiche's other calls."""
    fitted_on: str = "jeu de réglage tests/data/matching (22 fiches du Gers, 122 appels)"
    """What the coefficients were fitted on, shown by `vigie eval`."""


class MatchingConfig(BaseModel):
    """Thresholds and weights of the matcher."""

    model_config = _STRICT
    threshold: float = Field(default=0.03, ge=0)
    """Minimum score for a match to be proposed: a probability of relevance when the calibration is on."""
    top_n: int = Field(default=10, ge=1)
    min_lead_days: int = Field(default=7, ge=0)
    """A call must leave at least this many days before its next relève."""
    review_required: bool = True
    """True: only matches accepted by the chef de projet go out in digests."""
    min_reviews_for_learning: int = Field(default=100, ge=10)
    stop_words: list[str] = list(DEFAULT_STOP_WORDS)
    """Words left out of matching (models.french; the web search leaves the same ones out)."""
    thesaurus: bool = True
    """Texts that use words of a sector (NAF division) or trade family (ROME domaine) also share that sector
    as a term (matcher/thesaurus.py, data in models/data/thesaurus/)."""
    weights: MatchingWeights = MatchingWeights()
    calibration: CalibrationConfig = CalibrationConfig()
    """Turns the fused score into a probability of relevance; `threshold` is then a probability."""
    explain_top: int = Field(default=50, ge=1)
    """Quoted reasons (terms, sentence pair) are built for a fiche's top_n calls, and for calls above the
    threshold among its explain_top best."""
    semantic_floor: float = Field(default=0.6, ge=0, lt=1)
    """Cosine that unrelated French texts reach anyway with averaged word vectors: the semantic signal is
    (cosine - floor) / (1 - floor), clipped to [0, 1], so that scores can be compared with the threshold."""
    rescore_tolerance: float = Field(default=0.02, ge=0)
    """An unchanged pair is rewritten only if its score moved by more than this (idf drift)."""
    call_exclusion_factor: float = Field(default=0.2, ge=0, le=1)
    """A pair whose fiche is about a subject its call excludes (« hors biomasse ») has its score multiplied by this
    (1: exclusions written in calls change nothing; 0: such pairs score 0)."""
    share_decisions: bool = True
    """Decisions on a call for a fiche count for similar fiches of the other territories of the database
    (matcher.neighbours); a territory may still withhold its own (`partage_decisions = false`)."""
    neighbours: int = Field(default=5, ge=1)
    """How many similar fiches of other territories are heard, the most similar first."""
    neighbour_floor: float = Field(default=0.15, ge=0, lt=1)
    """Fiches less similar than this (TF-IDF cosine of title and description) are not heard."""
    neighbour_boost: float = Field(default=0.5, ge=0, le=1)
    """Before a learnt model uses it, the signal moves the content score by at most this share."""


class ChefDeProjetConfig(BaseModel):
    """Who animates a territory."""

    model_config = _STRICT
    nom: str = ""
    email: EmailStr | None = None


class TerritoryConfig(BaseModel):
    """A Territoire d'industrie declared in settings.toml."""

    model_config = _STRICT
    id: str = Field(pattern=SLUG)
    nom: str
    geo: list[str] = []
    chef_de_projet: ChefDeProjetConfig = ChefDeProjetConfig()
    partage_decisions: bool = True
    """False: this territory's accept/reject decisions never count for the other territories' fiches."""

    def to_data(self) -> TerritoryData:
        """The territory as a record."""
        chef = self.chef_de_projet
        return TerritoryData(
            id=self.id, nom=self.nom, geo_codes=self.geo,
            chef_de_projet_nom=chef.nom, chef_de_projet_email=chef.email,
        )


class SettingsConfig(BaseModel):
    """settings.toml."""

    model_config = _STRICT
    database_url: str = "sqlite:///var/vigie.db"
    timezone: Literal["Europe/Paris"] = "Europe/Paris"
    outbox: str = "var/outbox"
    territoire: list[TerritoryConfig] = []
    sender: SenderConfig = SenderConfig()
    smtp: SmtpConfig | None = None
    web: WebConfig = WebConfig()
    crawl: CrawlConfig = CrawlConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    matching: MatchingConfig = MatchingConfig()
    logging: LoggingConfig = LoggingConfig()
    retention: RetentionConfig = RetentionConfig()

    _database_url = field_validator("database_url")(_database_url)


class SourceConfig(BaseModel):
    """One `[[source]]` of sources.toml."""

    model_config = _STRICT
    slug: str = Field(pattern=SLUG)
    kind: str
    url: str
    """Base URL: a mirror or a test server can stand in for the real site."""
    enabled: bool = True
    name: str = ""
    """Human name shown in reports; defaults to the slug."""
    schedule: str | None = None
    """Cron; defaults to schedule.crawl_api or crawl_html depending on the kind."""
    expected_min_items: int = Field(default=1, ge=0)
    """Fewer items than this is a failure ("zero items where it usually has some")."""
    region: str | None = None
    """The région a regional source covers ("REG-76"); None for national and European sources.
    `vigie init --region` enables only the sources of one région, check-config warns about the others."""
    options: dict[str, Any] = {}
    """Kind-specific options, validated against the kind's own options model."""

    _url = field_validator("url")(_http)

    @field_validator("region")
    @classmethod
    def _region(cls, value: str | None) -> str | None:
        if value is not None and (not value.startswith("REG-") or check_code(value)):
            raise ValueError(f'code région attendu, ex. "REG-76" (Occitanie), reçu "{value}" ; '
                             "une source nationale n'a pas de clé region")
        return value

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str | None) -> str | None:
        return None if value is None else _cron(value)


class ContactConfig(BaseModel):
    """A contact in a porteur file."""

    model_config = _STRICT
    email: EmailStr
    nom: str = ""
    role: str = ""


class FicheConfig(BaseModel):
    """A `[[fiche]]` of a porteur file (same fields as the spreadsheet)."""

    model_config = _STRICT
    id: str
    titre: str
    description: str = ""
    axe: str | None = None
    partenaires: list[str] = []
    budget_total: float | None = None
    besoin_financement: float | None = None
    debut: str | None = None
    fin: str | None = None
    indicateurs: str = ""
    mots_cles: list[str] = []
    profiles: list[str] = []


class PorteurConfig(BaseModel):
    """The `[porteur]` table of a porteur file."""

    model_config = _STRICT
    id: str
    nom: str
    type: str
    taille: str | None = None
    siren: str | None = None
    territoire: str
    geo: list[str] = []
    description: str = ""
    mots_cles: list[str] = []
    profiles: list[str] = []


class PorteurFileConfig(BaseModel):
    """porteurs/<id>.toml: one porteur, its contacts and fiches-actions."""

    model_config = _STRICT
    porteur: PorteurConfig
    contact: list[ContactConfig] = []
    fiche: list[FicheConfig] = []

    def to_data(self) -> tuple[PorteurData, list[FicheActionData]]:
        """Validate into records (raises pydantic.ValidationError)."""
        p = self.porteur
        porteur = PorteurData(
            id=p.id, nom=p.nom, type=p.type, taille=p.taille, siren=p.siren, territoire=p.territoire,
            geo_codes=p.geo, description=p.description, mots_cles=p.mots_cles, profiles=p.profiles,
            contacts=[c.model_dump() for c in self.contact],
        )
        fiches = [FicheActionData(porteur_id=p.id, **f.model_dump()) for f in self.fiche]
        return porteur, fiches


class ExclusionConfig(BaseModel):
    """A term that lowers a call's relevance unless a negation precedes it ("hors agriculture")."""

    model_config = _STRICT
    term: str = Field(min_length=1)
    negations: list[str] = ["hors", "sauf", "à l'exception de", "excepté"]
    window: int = Field(default=4, ge=1, le=20)
    """How many words before the term a negation may stand."""


class ProfileConfig(BaseModel):
    """profiles/<id>.toml: weighted terms and phrases, exclusions, and what it is attached to."""

    model_config = _STRICT
    description: str = ""
    axes: list[str] = []
    """Attach to every fiche of these axes (besides porteurs and fiches that name the profile)."""
    axe_affinity: float = Field(default=0.0, ge=0.0, le=1.0)
    """Least affinity of a fiche of these axes to the profile, whatever its words (0: only its words count)."""
    terms: dict[str, float] = {}
    """Term or phrase → weight (0 < weight ≤ 10)."""
    exclusions: list[ExclusionConfig] = []

    @field_validator("terms")
    @classmethod
    def _weights(cls, terms: dict[str, float]) -> dict[str, float]:
        for term, weight in terms.items():
            if not term.strip():
                raise ValueError("terme vide")
            if not 0 < weight <= 10:
                raise ValueError(f'poids hors limites pour "{term}": {weight} (attendu 0 < poids ≤ 10)')
        return terms


class SynonymsConfig(BaseModel):
    """synonyms.toml: acronyms (expanded in both texts) and groups of equivalent terms."""

    model_config = _STRICT
    acronyms: dict[str, str] = {}
    groups: list[list[str]] = []


class FunderConfig(BaseModel):
    """A `[[financeur]]` of funders.toml: the name to show, and the other ways sources write it."""

    model_config = _STRICT
    nom: str = Field(min_length=1)
    alias: list[str] = []
    """Compared after folding case, accents and punctuation ("AGENCE DE L ENERGIE" = "Agence de l'énergie")."""


class FundersConfig(BaseModel):
    """funders.toml: one display name per funder, whatever the spelling of each source."""

    model_config = _STRICT
    financeur: list[FunderConfig] = []

    def table(self) -> list[tuple[str, list[str]]]:
        """(display name, aliases) pairs, for models.funders.FunderNames.from_table."""
        return [(f.nom, f.alias) for f in self.financeur]


class VigieConfig(BaseModel):
    """The whole configuration directory, validated."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
    directory: Path
    settings: SettingsConfig
    sources: list[SourceConfig]
    plan: PlanData
    """Territories of settings.toml plus porteurs and fiches of porteurs/*.toml."""
    profiles: dict[str, ProfileConfig]
    synonyms: SynonymsConfig
    funders: FundersConfig = FundersConfig()
    """funders.toml (optional): display names of the funders."""

    def resolve(self, path: str) -> Path:
        """A settings path, relative to the configuration directory unless absolute."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else self.directory / p

    @property
    def database_url(self) -> str:
        """database_url with a relative SQLite path resolved against the configuration directory."""
        url = self.settings.database_url
        prefix = "sqlite:///"
        if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
            return prefix + str(self.resolve(url[len(prefix):]))
        return url

    @property
    def outbox(self) -> Path:
        """The outbox folder, resolved."""
        return self.resolve(self.settings.outbox)
