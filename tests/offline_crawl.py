"""Run a spider over saved pages, without network: each request is answered from a fixture folder.

A URL maps to a file name: its path with `/` turned into `_` (leading and trailing ones dropped),
then `.page-N` for a `?page=N` query, then `.html`:
`/nos-appels-a-projets-concours?page=1` → `nos-appels-a-projets-concours.page-1.html`. A missing
file answers HTTP 404. `hosts` maps other hosts' URLs to sub-folders (unused hosts: same folder).

A page the demo mirror ships too is kept once, in the mirror (vigie/demo/site/, package data the installed demo
needs): the fixture folder's `demo_pages.txt` names it, one `<fixture name> <path under vigie/demo/site/>` a line,
and `fixture_path` reads it from there.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from scrapy.http import HtmlResponse, Request, TextResponse

from crawlers.items import RawItem
from vigie.demo.server import SITE as DEMO_SITE

DEMO_PAGES = "demo_pages.txt"
"""A fixture folder's list of the pages it reads from the demo mirror (see the module)."""


def demo_pages(folder: Path) -> dict[str, Path]:
    """Fixture name → the demo mirror's copy, as the folder's DEMO_PAGES lists them (none without the file)."""
    listing = folder / DEMO_PAGES
    if not listing.is_file():
        return {}
    rows = [line.split() for line in listing.read_text(encoding="utf-8").splitlines()]
    return {row[0]: DEMO_SITE / row[1] for row in rows if row and not row[0].startswith("#")}


def fixture_path(folder: Path, name: str) -> Path:
    """The file saved as `name` for a fixture folder: its own, else the demo mirror's copy it lists."""
    own = folder / name
    return own if own.is_file() else demo_pages(folder).get(name, own)


def fixture_name(url: str) -> str:
    """The fixture file answering `url`."""
    parts = urlsplit(url)
    name = parts.path.strip("/").replace("/", "_") or "index"
    page = parse_qs(parts.query).get("page")
    if page:
        name += f".page-{page[0]}"
    return name if name.endswith((".xml", ".json", ".html")) else name + ".html"


@dataclass
class OfflineCrawl:
    """The items a spider yielded and the URLs it asked for, in order."""

    items: list[RawItem] = field(default_factory=list)
    fetched: list[tuple[str, int]] = field(default_factory=list)


def crawl_offline(spider: Any, folder: Path, start: Request, overrides: dict[str, bytes] | None = None) -> OfflineCrawl:
    """Follow every request the spider makes, answering from `folder` (`overrides`: file name → body)."""
    result, queue, seen = OfflineCrawl(), deque([start]), set()
    while queue:
        request = queue.popleft()
        if request.url in seen:
            continue
        seen.add(request.url)
        response = answer(request, folder, overrides or {})
        result.fetched.append((request.url, response.status))
        callback = request.callback or spider.parse
        for output in callback(response, **request.cb_kwargs) or []:
            if isinstance(output, Request):
                queue.append(output)
            else:
                result.items.append(output)
    return result


def answer(request: Request, folder: Path, overrides: dict[str, bytes]) -> TextResponse:
    """The saved page for the request, or an empty 404."""
    name = fixture_name(request.url)
    path = fixture_path(folder, name)
    body = overrides.get(name, path.read_bytes() if path.is_file() else None)
    cls = TextResponse if name.endswith((".xml", ".json")) else HtmlResponse
    if body is None:
        return cls(url=request.url, body=b"", status=404, request=request, encoding="utf-8")
    return cls(url=request.url, body=body, status=200, request=request, encoding="utf-8")
