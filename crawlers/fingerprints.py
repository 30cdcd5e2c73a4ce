"""Fingerprints of items as first found, so that a re-crawl skips what did not change (pure functions).

A fingerprint hashes an item as the listing (or the API page) shows it, *before* any detail page
completes it: the card of an HTML listing, the record of an API. The parent process passes the
fingerprints it stored for a source to the crawl process; an item whose fingerprint is the same
is not completed (no detail page fetched, no normalisation) and goes back as a "seen unchanged"
line: the store only marks it as seen. What the card does not show (a relève added on a detail
page only) is caught when the fingerprint gets old (`CrawlConfig.recheck_after_days`) or when
Vigie's parsers change (`FINGERPRINT_VERSION`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from crawlers.items import RawItem
from crawlers.normalise.text import canonical_url

FINGERPRINT_VERSION = "2"
"""Bump when a spider or the normalisation reads more or differently: every call is read again."""

_NOT_CONTENT = {"position", "fingerprint", "rejected"}


@dataclass(frozen=True)
class SeenUnchanged:
    """A call found again exactly as last time: the store marks it seen, nothing else."""

    source_id: str
    fingerprint: str


def record_key(item: RawItem) -> str:
    """The source_id the record of `item` will have (its id, else its canonical URL)."""
    return item.source_id.strip() or canonical_url(item.url)


def item_fingerprint(item: RawItem, kind: str, options: dict[str, Any]) -> str:
    """A hash of the item as found, of the source's kind and options, and of FINGERPRINT_VERSION."""
    content = {k: v for k, v in vars(item).items() if k not in _NOT_CONTENT}
    payload = json.dumps([FINGERPRINT_VERSION, kind, options, content], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def html_fingerprint(card_html: str, kind: str, options: dict[str, Any]) -> str:
    """A hash of a listing card's own HTML (whitespace collapsed): an unchanged card is not even parsed."""
    payload = json.dumps([FINGERPRINT_VERSION, kind, options, " ".join(card_html.split())], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def seen_unchanged(item: RawItem, fingerprint: str, known: dict[str, str]) -> SeenUnchanged | None:
    """The "seen unchanged" marker when `known` (source_id → fingerprint) holds this very fingerprint."""
    key = record_key(item)
    if key and known.get(key) == fingerprint:
        return SeenUnchanged(key, fingerprint)
    return None
