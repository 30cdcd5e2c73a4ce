"""Feed entry → RawItem, by the entry's shape (sources.md §4 and §8):

- ADEME (a link on ademe.fr, or a description in Paris time): description "du 01/09/2026 - 12:00 au
  31/12/2026 - 23:00 - Heure de Paris - <régions>"; a guichet may give only its start ("à partir du …")
  or only its régions. The range's end is the closing date; without a range, only dates after a
  deadline cue close the call. The régions are the " - "-separated part that is wholly a coverage label
  ("Toutes les Régions" = the whole country; "11 régions dont La Réunion" says too little: unknown).
  `/aap/` in the link marks a call, `/catalogue-rex/` links are experience reports (skipped). Who may
  apply is not in the feed (the link's /entreprises/ or /collectivites/ space is where ADEME files the
  call, not who may apply): it comes from the call's page, read with `detail_pages`;
- otherwise (Nouvelle-Aquitaine and generic feeds): the comma-joined `category` mixes the type,
  the beneficiaries and the theme; deadlines are looked for in the description.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from crawlers.items import RawItem
from crawlers.normalise.beneficiaries import beneficiaries_of_label
from crawlers.normalise.dates import find_deadlines
from crawlers.normalise.instruments import instruments_of_label
from crawlers.normalise.releves import find_releves
from crawlers.normalise.text import canonical_url, fold, html_to_text, without_tracking
from crawlers.options import RssOptions
from crawlers.normalise.region_labels import region_codes_of_labels
from models.vocab import Instrument

_ADEME_RANGE = re.compile(
    r"du\s+(\d{2}/\d{2}/\d{4})[^/]*?\bau\s+(\d{2}/\d{2}/\d{4})(?:\s*-\s*\d{1,2}:\d{2})?(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_ADEME_START = re.compile(r"(?:[àa] partir du|depuis le|\bdu)\s+(\d{2}/\d{2}/\d{4})", re.IGNORECASE)
_ADEME_PARTS = re.compile(r"\s+[-–]\s+|\n")
_PARIS_TIME = re.compile(r"heure de paris", re.IGNORECASE)
_ADEME_HOST = "ademe.fr"
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
    if _is_ademe_shape(item.url, description):
        return _with_ademe_fields(item, description, options)
    return _with_category_fields(item, entry, description)


def entry_link(entry: Any) -> str:
    """The item's page: the link, else a permalink guid."""
    link = entry.get("link") or ""
    if not link and str(entry.get("id", "")).startswith(("http://", "https://")):
        link = entry["id"]
    return link.strip()


def _is_ademe_shape(url: str, description: str) -> bool:
    host = urlsplit(url).netloc.lower()
    on_ademe = host == _ADEME_HOST or host.endswith("." + _ADEME_HOST)
    return on_ademe or bool(_ADEME_RANGE.search(description) or _PARIS_TIME.search(description))


def _with_ademe_fields(item: RawItem, description: str, options: RssOptions) -> RawItem:
    dated = _ADEME_RANGE.search(description)
    item.description = dated[0].strip() if dated else description
    if dated:
        item.open_date, item.close_dates = dated[1], [dated[2]]
    else:
        start = _ADEME_START.search(description)
        item.open_date = start[1] if start else None
        item.close_dates = [d.isoformat() for d in find_releves(description)]
    item.geo_codes = region_codes_of_labels(_ADEME_PARTS.split(description)) or list(options.geo)
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
