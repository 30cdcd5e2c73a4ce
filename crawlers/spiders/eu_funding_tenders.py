"""EU Funding & Tenders search API (SEDIA, sources.md §13): POST multipart, each part a JSON blob.

Every metadata value is an array of strings; results repeat per language (only "en" is kept);
status codes are disputed between consumers, so the status comes from startDate / deadlineDate
(several deadlines for 2-stage calls → several close dates).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from scrapy.http import Request, Response
from urllib3 import encode_multipart_formdata

from crawlers.api_options import EuFundingTendersOptions
from crawlers.fingerprints import SeenUnchanged
from crawlers.items import RawItem
from crawlers.normalise.applicants_en import english_applicants
from crawlers.normalise.beneficiary_tables import TEXT_LABELS
from models.vocab import GeoScope
from crawlers.spiders.base import SourceSpider

TOPIC_PAGE = "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/{}"
BOUNDARY = "vigie-sedia-search"
"""Fixed, so that the same search is the same request for the HTTP cache."""
_PROGRAMME_PREFIXES = [
    ("HORIZON-", "Horizon Europe"), ("LIFE-", "LIFE"), ("DIGITAL-", "Digital Europe"),
    ("INNOVFUND-", "Innovation Fund"), ("I3-", "Interregional Innovation Investments"),
    ("SMP-", "Single Market Programme"), ("CEF-", "Connecting Europe Facility"), ("ERASMUS-", "Erasmus+"),
]


class EuFundingTendersSpider(SourceSpider):
    """Pages through the search by pageNumber until totalResults (or max_pages)."""

    name = "eu_funding_tenders"
    options: EuFundingTendersOptions

    async def start(self) -> Any:
        """The first page."""
        yield self.page_request(1)

    def page_request(self, page: int) -> Request:
        """One page of the search, the query as multipart JSON blobs."""
        opts = self.options
        params = urlencode({"apiKey": opts.api_key, "text": opts.text, "pageSize": opts.page_size, "pageNumber": page})
        body, content_type = search_body(opts)
        return Request(
            f"{self.source.url.rstrip('/')}/search-api/prod/rest/search?{params}", method="POST", body=body,
            headers={"Content-Type": content_type, "Accept": "application/json"},
            callback=self.parse, errback=self.on_failure,
        )

    def parse(self, response: Response, **kwargs: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """English results of one page, then the next page."""
        payload = self.json_page(response, "results", list, "EU Funding & Tenders")
        if payload is None:
            return
        for result in payload["results"]:
            metadata = result.get("metadata") if isinstance(result, dict) else None
            if isinstance(metadata, dict) and _first(metadata, "language") in ("en", ""):
                yield self.settle(map_topic(result, self.source.slug, self.next_position()))
        page, total = _page_of(response.url), int(payload.get("totalResults") or 0)
        if payload["results"] and page * self.options.page_size < total and page < self.options.max_pages:
            yield self.page_request(page + 1)


def search_body(opts: EuFundingTendersOptions) -> tuple[bytes, str]:
    """The multipart body (query, languages, sort) and its Content-Type."""
    must: list[dict[str, Any]] = [
        {"terms": {"type": opts.types}}, {"terms": {"status": opts.statuses}},
        {"terms": {"programmePeriod": [opts.programme_period]}},
    ]
    if opts.frameworks:
        must.append({"terms": {"frameworkProgramme": opts.frameworks}})
    parts = {
        "query": {"bool": {"must": must}}, "languages": ["en"], "sort": {"field": "sortStatus", "order": "ASC"},
    }
    fields = {name: ("blob", json.dumps(value).encode(), "application/json") for name, value in parts.items()}
    return encode_multipart_formdata(fields, boundary=BOUNDARY)


def map_topic(result: dict[str, Any], source: str, position: int) -> RawItem:
    """The RawItem of one (English) search result."""
    meta = result["metadata"]
    identifier = _first(meta, "identifier") or str(result.get("reference") or "")
    actions = [a for a in meta.get("typesOfAction") or [] if isinstance(a, str)]
    labels = ["Concours"] if any("prize" in a.lower() for a in actions) else ["Appel à projets", "Subvention"]
    return RawItem(
        source=source,
        position=position,
        url=TOPIC_PAGE.format(identifier) if identifier else "",
        source_id=identifier,
        title=_first(meta, "title"),
        summary=str(result.get("summary") or ""),
        description=_first(meta, "description"),
        funders=["Commission européenne"],
        programmes=[name for prefix, name in _PROGRAMME_PREFIXES if identifier.upper().startswith(prefix)],
        instrument_labels=labels,
        beneficiary_labels=[TEXT_LABELS[b] for b in english_applicants(_first(meta, "description"))],
        geo_scope=GeoScope.UNION_EUROPEENNE,
        themes=[_first(meta, "callTitle")] if _first(meta, "callTitle") else [],
        open_date=_first(meta, "startDate") or None,
        close_dates=[d for d in meta.get("deadlineDate") or [] if isinstance(d, str) and d.strip()],
        raw=result,
        **grant_range(_first(meta, "budgetOverview"), identifier),
    )


def grant_range(budget_overview: str, identifier: str) -> dict[str, float]:
    """{"amount_min", "amount_max"}: the EU contribution per project of this topic's actions, from the
    `budgetOverview` JSON string (`budgetTopicActionMap` → actions with `minContribution` /
    `maxContribution`); an empty map or an unreadable string gives nothing (structure inferred)."""
    try:
        overview = json.loads(budget_overview) if budget_overview else {}
    except ValueError:
        return {}
    actions = overview.get("budgetTopicActionMap") if isinstance(overview, dict) else None
    entries = [e for group in (actions or {}).values() if isinstance(group, list) for e in group if isinstance(e, dict)]
    own = [e for e in entries if identifier and str(e.get("action", "")).startswith(identifier)] or entries
    found: dict[str, float] = {}
    for key, field, pick in (("minContribution", "amount_min", min), ("maxContribution", "amount_max", max)):
        values = [float(e[key]) for e in own if isinstance(e.get(key), (int, float)) and e[key] > 0]
        if values:
            found[field] = pick(values)
    return found


def _first(metadata: dict[str, Any], key: str) -> str:
    value = metadata.get(key)
    if isinstance(value, list):
        value = value[0] if value else ""
    return "" if value is None else str(value).strip()


def _page_of(url: str) -> int:
    value = (parse_qs(urlsplit(url).query).get("pageNumber") or ["1"])[0]
    return int(value) if value.isdigit() else 1
