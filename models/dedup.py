"""Cross-source duplicates: the same call found at several sources (Bpifrance, Aides-territoires, a Région…).

Pure decision code (no database): `duplicate_links(calls)` says, for each call, which call is its
canonical one. Two calls of different sources are the same call when
- they share a normalised operator URL (scheme, `www.`, query, fragment and trailing slash
  stripped; AT `origin_url` and MTE "Lien externe…" links are stored as `apply_url`), a URL being
  ignored when it is not distinctive (a site's home page, or shared by two calls of one source);
- or their titles are close (rapidfuzz on folded titles without "AAP" / "Appel à projets"
  prefixes) and they share a close date (several relèves: at least one in common).
Two calls of one source are never the same call, even through a third one.
The canonical call of a group is its oldest row (lowest id), so links stay stable across crawls.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from models.french import fold

TITLE_THRESHOLD = 88.0
"""rapidfuzz token_sort_ratio (0-100) above which two titles with a common close date are one call."""
_PREFIXES = re.compile(
    r"^(?:(?:aap|ami|appels? a (?:projets?|manifestations? d'interet|candidatures?)|concours|france 2030)\b[\s:–—-]*)+"
)
_PUNCTUATION = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True)
class CallKey:
    """What deduplication looks at in a stored call."""

    id: int
    source: str
    title: str
    urls: tuple[str, ...]
    """The call's page and its operator / apply link."""
    close_dates: tuple[date, ...] = ()


def url_key(url: str | None) -> str | None:
    """"host/path" without scheme, www., query, fragment and trailing slash; None without a path."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" if host and path else None


def title_key(title: str) -> str:
    """The title folded: no accents, no punctuation, lower case, "AAP" / "Appel à projets" prefixes dropped."""
    folded = _PREFIXES.sub("", " ".join(fold(title).split()))
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def duplicate_links(calls: Iterable[CallKey], threshold: float = TITLE_THRESHOLD) -> dict[int, int | None]:
    """Each call's canonical call id (None: it is canonical itself or has no duplicate)."""
    calls = sorted(calls, key=lambda c: c.id)
    groups = _Groups(calls)
    for a, b in _url_pairs(calls):
        groups.join(a, b)
    for a, b in _title_pairs(calls, threshold):
        groups.join(a, b)
    return {c.id: (root if (root := groups.canonical(c.id)) != c.id else None) for c in calls}


def _url_pairs(calls: list[CallKey]) -> Iterable[tuple[CallKey, CallKey]]:
    by_key: dict[str, list[CallKey]] = defaultdict(list)
    for call in calls:
        for key in dict.fromkeys(k for k in map(url_key, call.urls) if k):
            by_key[key].append(call)
    for sharing in by_key.values():
        sources = [c.source for c in sharing]
        if len(sharing) > 1 and len(set(sources)) == len(sources):  # distinctive within every source
            yield from combinations(sharing, 2)


def _title_pairs(calls: list[CallKey], threshold: float) -> Iterable[tuple[CallKey, CallKey]]:
    by_date: dict[date, list[CallKey]] = defaultdict(list)
    for call in calls:
        for day in set(call.close_dates):
            by_date[day].append(call)
    titles = {c.id: title_key(c.title) for c in calls}
    for same_day in by_date.values():
        for a, b in combinations(same_day, 2):
            if a.source != b.source and fuzz.token_sort_ratio(titles[a.id], titles[b.id]) >= threshold:
                yield a, b


class _Groups:
    """Union-find whose groups never hold two calls of one source; the root is the lowest id."""

    def __init__(self, calls: list[CallKey]) -> None:
        self.parent = {c.id: c.id for c in calls}
        self.sources = {c.id: {c.source} for c in calls}

    def canonical(self, call_id: int) -> int:
        while self.parent[call_id] != call_id:
            self.parent[call_id] = self.parent[self.parent[call_id]]
            call_id = self.parent[call_id]
        return call_id

    def join(self, a: CallKey, b: CallKey) -> None:
        root_a, root_b = self.canonical(a.id), self.canonical(b.id)
        if root_a == root_b or self.sources[root_a] & self.sources[root_b]:
            return
        low, high = sorted((root_a, root_b))
        self.parent[high] = low
        self.sources[low] |= self.sources.pop(high)
