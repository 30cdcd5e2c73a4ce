"""Opendatasoft portals (Explore API v2.1 or the v1 search API), paginated by offset.

With `detail_pages`, a record that gives no close date or no beneficiaries is completed by the page it
links to (crawlers/spiders/ods_detail.py); a page that cannot be read keeps the record as found.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from scrapy.http import Request, Response

from crawlers.fingerprints import SeenUnchanged
from crawlers.items import RawItem
from crawlers.options import OpendatasoftOptions
from crawlers.spiders.base import SourceSpider
from crawlers.spiders.details import DetailPagesMixin
from crawlers.spiders.html import layout_changed_message
from crawlers.spiders.ods_checks import read_total, record_id, record_problem
from crawlers.spiders.ods_detail import BODY, needs_page, read_record_page
from crawlers.spiders.ods_shapes import map_ods_record

ODS_CAP = 10_000
"""The records endpoint refuses offset + limit beyond this."""
TITLES = ("titre_alternatif_de_l_aide", "nom_de_l_aide_de_la_demarche", "titre")
"""Where a dropped record's title may be found (to name it)."""


class OpendatasoftSpider(DetailPagesMixin, SourceSpider):
    """Pages through a dataset's records until offset ≥ total (or the 10 000 cap; until an empty page when the
    total is unreadable), each record completed by its page when it lacks a deadline or beneficiaries (with
    `detail_pages`); a record with a field of the wrong type is dropped alone (crawlers/spiders/ods_checks.py)."""

    name = "opendatasoft"
    options: OpendatasoftOptions
    total_unreadable = False
    """A page gave no usable total count (said once): paging goes on until an empty page."""

    async def start(self) -> Any:
        """The first page."""
        yield self.page_request(0)

    def page_url(self, offset: int) -> str:
        """The listing URL of the page starting at `offset`."""
        base, opts = self.source.url.rstrip("/"), self.options
        limit = min(opts.page_size, ODS_CAP - offset)
        if opts.api == "v1":
            query = urlencode({"dataset": opts.dataset, "rows": limit, "start": offset})
            return f"{base}/api/records/1.0/search/?{query}"
        query = urlencode({"limit": limit, "offset": offset})
        return f"{base}/api/explore/v2.1/catalog/datasets/{opts.dataset}/records?{query}"

    def page_request(self, offset: int) -> Request:
        """A request for one page."""
        return self.request(self.page_url(offset), self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """Items of one page, then the request for the next page."""
        if not self.accept(response):
            return
        payload = self.load_json(response)
        page = read_page(payload, self.options.api) if payload is not None else None
        if page is None:
            if payload is not None:
                self.fail(f"structure inattendue de la réponse Opendatasoft (ni results ni records) : {response.url}")
            return
        rows, (total_key, raw_total) = page
        for row in rows:
            yield from self.read_row(row)
        total = read_total(raw_total)
        if total is None and not self.total_unreadable:
            self.total_unreadable = True
            self.warn(f"nombre total d'enregistrements illisible ({total_key} = {str(raw_total)[:40]!r}) : "
                      f"{response.url} ; lecture page par page jusqu'à une page vide")
        next_offset = _offset_of(response.url) + len(rows)
        if rows and next_offset < (ODS_CAP if total is None else min(total, ODS_CAP)):
            yield self.page_request(next_offset)

    def read_row(self, row: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """The record's item (completed by its page when asked), or an item the pipeline drops with its reason."""
        position = self.next_position()
        problem = record_problem(row)
        if problem is None:
            yield from self.complete(map_ods_record(row, self.source.slug, position, self.options))
            return
        title = next((row[k] for k in TITLES if isinstance(row, dict) and isinstance(row.get(k), str)), "")
        yield RawItem(source=self.source.slug, position=position, url="", title=title,
                      rejected=f"enregistrement {record_id(row, position)} : {problem}")

    def wants_detail(self, item: RawItem) -> bool:
        """With `detail_pages`: an open record without close date or without beneficiaries."""
        return self.options.detail_pages and needs_page(item)

    def read_detail(self, response: Response, item: RawItem) -> RawItem | None:
        """The record completed by its page; a page whose body is not found keeps the record as found."""
        completed = read_record_page(response, item)
        if completed is not None:
            return completed
        kept = self.without_detail(item, layout_changed_message(f"corps de page ({', '.join(BODY)})", response.url))
        return kept[0] if kept else None


def read_page(payload: Any, api: str) -> tuple[list[Any], tuple[str, Any]] | None:
    """(flat records, (name, value) of the total count as found) of a v2.1 or v1 page; None when the shape is
    unknown. Records are as found: one that is not an object is checked (and dropped) with the others."""
    if not isinstance(payload, dict):
        return None
    if api == "v2.1" and isinstance(payload.get("results"), list):
        return payload["results"], ("total_count", payload.get("total_count"))
    if isinstance(payload.get("records"), list):
        return [_flatten_v1(record) for record in payload["records"]], ("nhits", payload.get("nhits"))
    return None


def _flatten_v1(record: Any) -> Any:
    """The record's fields beside its id; a record whose fields are not an object stays as found (dropped)."""
    if not isinstance(record, dict) or not isinstance(record.get("fields") or {}, dict):
        return record
    fields = dict(record.get("fields") or {})
    fields.setdefault("recordid", record.get("recordid"))
    fields.setdefault("record_timestamp", record.get("record_timestamp"))
    return fields


def _offset_of(url: str) -> int:
    query = parse_qs(urlsplit(url).query)
    value = (query.get("offset") or query.get("start") or ["0"])[0]
    return int(value) if value.isdigit() else 0
