"""Limits a hostile or broken site cannot push a crawl past: response size and redirect loops.

Size: scrapy's DOWNLOAD_MAXSIZE bounds the bytes received and, since scrapy 2.11.1, the bytes a
compressed body may grow to (HttpCompressionMiddleware decompresses in 64 KiB chunks and stops at the
limit), so a gzip bomb costs at most MAX_RESPONSE_BYTES of memory, not scrapy's default 1 GiB.

Redirects: a redirect back to a URL of its own chain would be dropped silently by scrapy's duplicate
filter (the source then reads as « 0 élément »); it is stopped here and named instead.
"""

from __future__ import annotations

from urllib.parse import urljoin, urldefrag

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from w3lib.url import safe_url_string

MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""Largest body read, after decompression (the biggest listings, whole CSV catalogues, stay under 10 MiB)."""
WARN_RESPONSE_BYTES = 8 * 1024 * 1024
"""Bodies past this size are logged (scrapy's warning)."""
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class RedirectLoop(IgnoreRequest):
    """A redirect leads back to a URL already visited in the same chain."""

    def __init__(self, start: str, target: str) -> None:
        super().__init__(f"redirect loop: {start} -> {target}")
        self.start = start
        """The first URL of the chain (the one the spider asked for)."""
        self.target = target
        """Where the looping redirect points."""


def redirect_target(request: Request, response: Response) -> str | None:
    """The URL a 3xx response sends to (without fragment), or None for any other response."""
    location = response.headers.get("Location")
    if response.status not in REDIRECT_STATUSES or not location:
        return None
    return urldefrag(urljoin(request.url, safe_url_string(location)))[0]


def redirect_chain(request: Request) -> list[str]:
    """The URLs followed so far to reach `request`, then its own (without fragments)."""
    return [urldefrag(url)[0] for url in (*request.meta.get("redirect_urls", []), request.url)]


class RedirectLoopMiddleware:
    """Downloader middleware placed before RedirectMiddleware: a redirect back into its chain fails the request."""

    def process_response(self, request: Request, response: Response) -> Response:
        """The response as it is, unless it redirects to a URL of its own chain (RedirectLoop)."""
        target = redirect_target(request, response)
        chain = redirect_chain(request)
        if target is not None and target in chain:
            raise RedirectLoop(chain[0], target)
        return response
