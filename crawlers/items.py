"""The raw item every spider yields: strings as found at the source, already sorted into fields.

Spiders only pick fields out of the payload; turning strings into dates, vocabularies and
amounts is the normalise pipeline's job (crawlers/normalise/record.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawItem:
    """One call as found at a source, before normalisation."""

    source: str
    """Source slug."""
    position: int
    """1-based rank of the item at the source (named in drop reasons)."""
    url: str
    """The call's page at the source, as found."""
    source_id: str = ""
    """Identifier at the source; empty means "use the canonical URL"."""
    title: str = ""
    """May hold HTML."""
    summary: str = ""
    description: str = ""
    from_page: bool = False
    """The description is the call's own page, read after the listing: what it states is quoted as « page de
    l'appel »."""
    eligibility_text: str = ""
    apply_url: str | None = None
    funders: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    """Programmes the source states (more are detected in the text)."""
    instrument_labels: list[str] = field(default_factory=list)
    beneficiary_labels: list[str] = field(default_factory=list)
    labels_are_families: bool = False
    """The labels are broad audience families (« professionnels », « secteur public ») that bound the text's
    applicants (crawlers/normalise/families.py), not a list of who may apply."""
    geo_codes: list[str] = field(default_factory=list)
    geo_exclusions: list[str] = field(default_factory=list)
    geo_scope: str | None = None
    """A coverage no COG code states (models.vocab.GeoScope), e.g. the European Union."""
    themes: list[str] = field(default_factory=list)
    open_date: str | None = None
    close_dates: list[str] = field(default_factory=list)
    next_campaign: str | None = None
    """Start of the next campaign of a recurring call (IDF `datedebutfuturcampagne`)."""
    permanent: bool = False
    """The source presents it as a guichet open all year."""
    closed: bool = False
    """The source itself says it is closed ("Clos" in an Occitanie title)."""
    upcoming: bool = False
    """The source itself says it is not open yet ("À venir") without giving an opening date."""
    amount_text: str = ""
    """Where to look for amounts and rates (plain text or HTML)."""
    amount_min: float | None = None
    """Euros, when the source gives the figure itself (EU `budgetOverview`); wins over `amount_text`."""
    amount_max: float | None = None
    updated_at: str | None = None
    """The source's last-modified stamp, as found."""
    raw: dict[str, Any] = field(default_factory=dict)
    """The original record (JSON-serialisable)."""
    fingerprint: str = ""
    """The item as first found, hashed (crawlers/fingerprints.py); kept with the stored record."""
    rejected: str = ""
    """Why the spider found the record unusable as it stands (a field of the wrong type): the normalise
    pipeline drops it with this French reason."""
