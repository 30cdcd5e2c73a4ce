"""Feed entry → RawItem, by the entry's shape (sources.md §4 and §8):

- ADEME: description "du 01/09/2026 - 12:00 au 31/12/2026 - 23:00 - Heure de Paris - <régions>",
  `/aap/` in the link marks a call, `/catalogue-rex/` links are experience reports (skipped);
- otherwise (Nouvelle-Aquitaine and generic feeds): the comma-joined `category` mixes the type,
  the beneficiaries and the theme; deadlines are looked for in the description.
"""

from __future__ import annotations

import re
from typing import Any

from crawlers.items import RawItem
from crawlers.normalise.beneficiaries import beneficiaries_of_label
from crawlers.normalise.dates import find_deadlines
from crawlers.normalise.geography import region_codes_in_text
from crawlers.normalise.instruments import instruments_of_label
from crawlers.normalise.text import canonical_url, fold, html_to_text, without_tracking
from crawlers.options import RssOptions
from models.vocab import Instrument

_ADEME_RANGE = re.compile(
    r"du\s+(\d{2}/\d{2}/\d{4})[^/]*?\bau\s+(\d{2}/\d{2}/\d{4})(?:\s*-\s*\d{1,2}:\d{2})?(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ALL_YEAR = re.compile(r"tout au long de l['’]ann[ée]e|au fil de l['’]eau", re.IGNORECASE)
_GENERIC_TYPES = {"aide", "aides", "dispositif", "fiche"}
"""Category labels that only say "this is a scheme": neither instrument, beneficiary nor theme."""


def is_not_a_call(entry: Any) -> bool:
    """ADEME experience reports (`/catalogue-rex/`) sit in the calls feed but are not calls."""
    return "/catalogue-rex/" in str(entry.get("link") or entry.get("id") or "")


def map_feed_entry(entry: Any, source: str, position: int, options: RssOptions) -> RawItem:
    """The RawItem of one feedparser entry."""
    description = html_to_text(entry.get("summary") or entry.get("description") or "")
    item = RawItem(
        source=source,
        position=position,
        url=without_tracking(entry_link(entry)),
        source_id=canonical_url(entry_link(entry)) if entry_link(entry) else "",
        title=entry.get("title") or "",
        funders=[options.funder],
        programmes=list(options.programmes),
        geo_codes=list(options.geo),
        updated_at=entry.get("updated") or entry.get("published") or None,
        raw=_plain_entry(entry),
    )
    dated = _ADEME_RANGE.search(description)
    if dated:
        return _with_ademe_fields(item, dated, options)
    return _with_category_fields(item, entry, description)


def entry_link(entry: Any) -> str:
    """The item's page: the link, else a permalink guid."""
    link = entry.get("link") or ""
    if not link and str(entry.get("id", "")).startswith(("http://", "https://")):
        link = entry["id"]
    return link.strip()


def _with_ademe_fields(item: RawItem, dated: re.Match[str], options: RssOptions) -> RawItem:
    item.description = dated[0].strip()
    item.open_date, item.close_dates = dated[1], [dated[2]]
    item.geo_codes = region_codes_in_text(dated[3]) or list(options.geo)
    if "/aap/" in item.url:
        item.instrument_labels = ["Appel à projets"]
    return item


def _with_category_fields(item: RawItem, entry: Any, description: str) -> RawItem:
    item.summary = description
    item.open_date = entry.get("published") or None
    item.close_dates = [d.isoformat() for d in find_deadlines(description)]
    item.permanent = bool(_ALL_YEAR.search(description))
    item.amount_text = description
    for label in category_labels(entry):
        if fold(label) in _GENERIC_TYPES:
            continue
        if _names_instrument(label):
            item.instrument_labels.append(label)
        elif beneficiaries_of_label(label):
            item.beneficiary_labels.append(label)
        else:
            item.themes.append(label)
    return item


def category_labels(entry: Any) -> list[str]:
    """Every label of the entry's categories, comma-joined strings split."""
    terms = [tag.get("term") or "" for tag in entry.get("tags") or []]
    labels = (label.strip() for term in terms for label in term.split(","))
    return list(dict.fromkeys(label for label in labels if label))


def _names_instrument(label: str) -> bool:
    # "Formation" is a theme in these feeds, not a training offer: accompagnement alone does not count.
    return any(i is not Instrument.ACCOMPAGNEMENT for i in instruments_of_label(label))


def _plain_entry(entry: Any) -> dict[str, Any]:
    """The entry as JSON-friendly strings (feedparser holds time structs)."""
    return {
        "title": entry.get("title"),
        "link": entry.get("link"),
        "guid": entry.get("id"),
        "description": entry.get("summary"),
        "pubDate": entry.get("published"),
        "category": [tag.get("term") for tag in entry.get("tags") or []],
    }
