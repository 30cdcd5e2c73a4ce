"""Stored rows (sqlmodel tables). Build them from validated records: `table=True` models do not validate.

The schema itself is created and upgraded by the alembic migrations in `models/migrations`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.vocab import ReviewStatus


def _json(default: Any = list) -> Any:
    return Field(default_factory=default, sa_column=Column(JSON, nullable=False))


def _text() -> Any:
    return Field(default="", sa_column=Column(Text, nullable=False))


class Territory(SQLModel, table=True):
    """A Territoire d'industrie."""

    id: str = Field(primary_key=True, max_length=80)
    nom: str
    geo_codes: list[str] = _json()
    chef_de_projet_nom: str = ""
    chef_de_projet_email: str | None = None


class Porteur(SQLModel, table=True):
    """A project holder."""

    id: str = Field(primary_key=True, max_length=120)
    territoire_id: str = Field(foreign_key="territory.id", index=True)
    nom: str
    type: str
    taille: str | None = None
    siren: str | None = None
    geo_codes: list[str] = _json()
    description: str = _text()
    mots_cles: list[str] = _json()
    profiles: list[str] = _json()
    updated_at: datetime


class Contact(SQLModel, table=True):
    """A person who receives a porteur's digest."""

    __table_args__ = (UniqueConstraint("porteur_id", "email"),)
    id: int | None = Field(default=None, primary_key=True)
    porteur_id: str = Field(foreign_key="porteur.id", index=True)
    email: str
    nom: str = ""
    role: str = ""
    unsubscribe_token: str = Field(unique=True)
    unsubscribed_at: datetime | None = None
    last_error: str | None = None
    """Last permanent delivery failure (bad address…)."""


class FicheAction(SQLModel, table=True):
    """A fiche-action of the plan d'actions."""

    id: str = Field(primary_key=True, max_length=120)
    porteur_id: str = Field(foreign_key="porteur.id", index=True)
    titre: str
    description: str = _text()
    axe: str | None = None
    partenaires: list[str] = _json()
    budget_total: float | None = None
    besoin_financement: float | None = None
    debut: str | None = None
    fin: str | None = None
    indicateurs: str = _text()
    mots_cles: list[str] = _json()
    profiles: list[str] = _json()
    content_hash: str
    updated_at: datetime
    # migration 0009_copil: when the fiche entered the plan (the COPIL report's « nouvelles fiches »).
    created_at: datetime | None = None
    """First import of the fiche (None: imported before Vigie kept it; the migration copies updated_at)."""


class Source(SQLModel, table=True):
    """A configured source and its health."""

    slug: str = Field(primary_key=True, max_length=80)
    kind: str
    last_run_at: datetime | None = None
    last_success_at: datetime | None = None
    consecutive_failures: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    last_item_count: int | None = None
    disabled_reason: str | None = None
    """Set when the site answered 410 Gone: the source is no longer crawled."""
    # migration 0002_crawl: "non configurée" is a state of its own, not a failure.
    unconfigured_reason: str | None = Field(default=None, sa_column=Column(Text))
    """Why the source could not run yet (e.g. its API key is missing); None once it ran."""


class CrawlRun(SQLModel, table=True):
    """One crawl of one source."""

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(foreign_key="source.slug", index=True)
    started_at: datetime
    finished_at: datetime | None = None
    ok: bool = False
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    closed: int = 0
    dropped: int = 0
    error: str | None = Field(default=None, sa_column=Column(Text))
    # migration 0008_dropped: the reasons behind `dropped`, so that a person can check them.
    dropped_reasons: list[str] | None = Field(default=None, sa_column=Column(JSON))
    """French reason per dropped call (the first ones: models/store/sources.py; `dropped` counts them all)."""


class Opportunity(SQLModel, table=True):
    """A funding call as stored (one row per source and source id)."""

    __table_args__ = (UniqueConstraint("source", "source_id"),)
    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(index=True, max_length=80)
    source_id: str = Field(max_length=500)
    url: str = Field(sa_column=Column(Text, nullable=False))
    apply_url: str | None = Field(default=None, sa_column=Column(Text))
    title: str = Field(sa_column=Column(Text, nullable=False))
    summary: str = _text()
    description: str = _text()
    eligibility_text: str = _text()
    funders: list[str] = _json()
    programmes: list[str] = _json()
    instruments: list[str] = _json()
    beneficiaries: list[str] = _json()
    geo_codes: list[str] = _json()
    geo_exclusions: list[str] = _json()
    themes: list[str] = _json()
    open_date: date | None = None
    close_dates: list[str] = _json()
    """ISO dates, sorted."""
    recurrence: str | None = None
    amount_min: float | None = None
    amount_max: float | None = None
    """amount_min / amount_max: floor and ceiling of the aid itself."""
    # migration 0005_amounts: the project's budget a call admits, apart from the aid.
    project_min: float | None = None
    project_max: float | None = None
    rate_max: float | None = None
    status: str = "unknown"
    source_updated_at: datetime | None = None
    raw: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    first_seen: datetime
    last_seen: datetime
    content_hash: str = Field(max_length=64)
    listed: bool = True
    """False once the source stops listing it."""
    canonical_id: int | None = Field(default=None, foreign_key="opportunity.id", index=True)
    """The opportunity this one duplicates (same call found at another source)."""
    # migration 0003_crawl: cheap unchanged re-crawls; the status a source states.
    crawl_fingerprint: str | None = Field(default=None, max_length=64)
    """Hash of the call as its listing or API last showed it (crawlers/fingerprints.py); None: read it in full."""
    crawl_fingerprint_at: datetime | None = None
    """When the call was last read in full (detail page included) with that fingerprint."""
    stated_status: str | None = Field(default=None, max_length=20)
    """"closed" / "upcoming" when the source says so itself ("Clos", "À venir"); see OpportunityData."""
    # migration 0006_evidence: where each fact was read.
    evidence: list[dict[str, Any]] | None = Field(default=None, sa_column=Column(JSON))
    """models.records.FactEvidence of each fact, as JSON (None: stored before Vigie kept them)."""
    # migration 0007_scope: a coverage no COG code states.
    geo_scope: str | None = Field(default=None, max_length=30)
    """models.vocab.GeoScope (the European Union), or None."""


class OpportunityEvent(SQLModel, table=True):
    """Change history of an opportunity: new / changed / closed / reopened."""

    id: int | None = Field(default=None, primary_key=True)
    opportunity_id: int = Field(foreign_key="opportunity.id", index=True)
    kind: str
    at: datetime
    changed_fields: list[str] = _json()
    before: dict[str, Any] = _json(dict)
    """Previous values of the changed fields."""


class Match(SQLModel, table=True):
    """The matcher's result for a (fiche-action, opportunity) pair and its review."""

    __table_args__ = (UniqueConstraint("fiche_id", "opportunity_id"),)
    id: int | None = Field(default=None, primary_key=True)
    fiche_id: str = Field(index=True, max_length=160)
    """A fiche-action id, or "<porteur_id>#profil" for a porteur matched on its profile text
    (models.records.profile_fiche_id)."""
    opportunity_id: int = Field(foreign_key="opportunity.id", index=True)
    porteur_id: str = Field(foreign_key="porteur.id", index=True)
    score: float
    rank: int | None = None
    eligible: bool
    eligibility: list[dict[str, Any]] = _json()
    reasons: list[dict[str, Any]] = _json()
    first_matched_at: datetime
    scored_at: datetime
    review_status: str = ReviewStatus.PENDING.value
    reviewer: str | None = None
    reviewed_at: datetime | None = None
    note: str | None = Field(default=None, sa_column=Column(Text))
    reject_reason: str | None = None
    snoozed_until: date | None = None
    followup_status: str | None = None
    """à étudier, à déposer, déposé, obtenu, refusé."""
    followup_at: date | None = None
    amount_obtained: float | None = None
    # migration 0009_copil: the amount the dossier asks for, beside the amount obtained.
    amount_requested: float | None = None


class Digest(SQLModel, table=True):
    """A weekly message to one recipient: recorded before sending, marked sent after."""

    __table_args__ = (UniqueConstraint("recipient", "kind", "iso_week"),)
    id: int | None = Field(default=None, primary_key=True)
    recipient: str
    kind: str
    """porteur | chef_de_projet."""
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    porteur_id: str | None = None
    territoire_id: str | None = None
    iso_week: str = Field(max_length=8)
    """YYYY-Www."""
    content_hash: str
    message_id: str
    status: str = "pending"
    """pending | sent | failed | expired (still pending when its week was over: never sent late)."""
    created_at: datetime
    sent_at: datetime | None = None
    error: str | None = Field(default=None, sa_column=Column(Text))
    # migration 0008_send_claims: one sender at a time hands a letter over.
    claimed_by: str | None = Field(default=None, max_length=200)
    """The sender holding the letter (host, process, run): only it may hand the letter over."""
    claimed_until: datetime | None = None
    """End of the holder's lease: past it, another sender may take the letter (see notifier.claims)."""
    body: bytes | None = Field(default=None, sa_column=Column(LargeBinary))
    """The whole message as planned (the chef de projet's letter): sent as it is, whatever a rerun sees."""


class DigestItem(SQLModel, table=True):
    """A call listed in a digest, and in which section."""

    id: int | None = Field(default=None, primary_key=True)
    digest_id: int = Field(foreign_key="digest.id", index=True)
    opportunity_id: int = Field(foreign_key="opportunity.id")
    match_id: int | None = Field(default=None, foreign_key="match.id")
    section: str
    """nouveaux | mis_a_jour | cloture_proche."""
    # migration 0002_notify: what the item covered, so that nothing is said twice.
    event_id: int | None = None
    """Last OpportunityEvent of the call covered by this item (changes after it are "mis à jour")."""
    band: int | None = None
    """Reminder band sent (30, 14, 7 or 3: notifier.select) for a "cloture_proche" item."""
    band_date: date | None = None
    """The relève that reminder was about."""


class User(SQLModel, table=True):
    """An account of the web app."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, max_length=120)
    email: str | None = None
    password_hash: str
    role: str
    territories: list[str] = _json()
    active: bool = True
    created_at: datetime


# --- (web app) ---------------------------------------------------------------------------
class CalendarFeed(SQLModel, table=True):
    """A porteur's subscribable ICS feed: the unguessable token of its URL."""

    __tablename__ = "calendar_feed"
    porteur_id: str = Field(primary_key=True, foreign_key="porteur.id", max_length=120)
    token: str = Field(unique=True, max_length=64)
    created_at: datetime


# --- (web app sessions and login attempts, migration 0008_sessions) -----------------------
class WebSession(SQLModel, table=True):
    """A logged-in session, kept server-side so that logging out, a new password or a disabled account ends it."""

    __tablename__ = "web_session"
    id: str = Field(primary_key=True, max_length=64)
    """SHA-256 (hex) of the token the session cookie carries: the table alone opens no session."""
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime


class LoginAttempt(SQLModel, table=True):
    """A login attempt counted against the limit: recorded before its password is checked, kept if it failed."""

    __tablename__ = "login_attempt"
    __table_args__ = (Index("ix_login_attempt_key", "username", "address", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=120)
    """The login name as normalised for the account lookup."""
    address: str = Field(max_length=64)
    """The client's address."""
    at: datetime = Field(index=True)


def _web_indexes() -> tuple[Index, ...]:
    """The indexes migration 0002_web creates, declared here too so that models and migrations describe the
    same schema: the review queue's covering indexes (filter, then score order) and new calls by date."""
    match, opportunity = Match.__table__.c, Opportunity.__table__.c
    queue = (match.review_status, match.eligible, match.score, match.snoozed_until, match.porteur_id,
             match.opportunity_id, match.fiche_id)
    by_score = (match.score, match.id, match.review_status, match.eligible, match.snoozed_until,
                match.porteur_id, match.opportunity_id, match.fiche_id)
    return (Index("ix_web_match_queue", *queue), Index("ix_web_match_score", *by_score),
            Index("ix_web_opportunity_first_seen", opportunity.first_seen))


WEB_INDEXES = _web_indexes()


def _queue_call_index() -> Index:
    """The index migration 0010_queue_call creates: the review queue's matches call by call, covering its
    filters (the queue sorted by deadline counts each call's matches and reads only the calls of its page)."""
    match = Match.__table__.c
    return Index("ix_web_match_call", match.opportunity_id, match.review_status, match.eligible, match.score,
                 match.snoozed_until, match.porteur_id, match.fiche_id)


QUEUE_CALL_INDEX = _queue_call_index()


# --- (matcher, migration 0002_match) -----------------------------------------------------
class MatchFingerprint(SQLModel, table=True):
    """What the last match run saw of a call, a fiche or the matching configuration (content hashes):
    the next run re-scores only what changed."""

    __tablename__ = "match_fingerprint"
    __table_args__ = (UniqueConstraint("kind", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    """appel | fiche | config."""
    key: str = Field(max_length=600)
    digest: str = Field(max_length=64)
    updated_at: datetime


class MatchModel(SQLModel, table=True):
    """A reranker learnt from the chef de projet's reviews: numbers as JSON, never pickled."""

    __tablename__ = "match_model"
    id: int | None = Field(default=None, primary_key=True)
    trained_at: datetime
    model: dict[str, Any] = _json(dict)
    """matcher.learning.Reranker as JSON: features, means, scales, coefficients, intercept."""
    reviews: int = 0
    held_out: float = 0.0
    """Average precision on the held-out reviews."""
    previous: float = 0.0
    """Average precision, on the same reviews, of what it had to beat."""
    active: bool = False


# --- (scheduler, migration 0004_sched): tables of their own module ------------------------
from models.jobs import JobLease, JobRun, LinkCheck  # noqa: E402,F401

# --- (typed changes between crawls, migration 0005_changes) -----------------------------
from models.change_rows import CallChange  # noqa: E402,F401


class CopilReport(SQLModel, table=True):
    """A COPIL report generated for a territory: its day is the default start of the next report's changes."""

    __tablename__ = "copil_report"
    id: int | None = Field(default=None, primary_key=True)
    territoire_id: str = Field(foreign_key="territory.id", index=True, max_length=80)
    generated_at: datetime
    as_of: date
    """The report's « today » (clock.today when it was generated)."""
    since: date
    """Start of its « changes since the last COPIL »."""
    format: str = Field(max_length=10)

# --- (the porteurs' space: personal links, answers, visits; migration 0009_porteur_space) --
from models.porteur_rows import PorteurAnswer, SpaceLink, SpaceVisit  # noqa: E402,F401
