"""Which pages belong to a source's own site, and where to read them.

A source's pages may live on a sibling host of the same registered domain (the records of data.laregion.fr link
to www.laregion.fr; not www.ecologie.gouv.fr → www.data.gouv.fr: gouv.fr is a public suffix). A local mirror of
the real sites (the demo's, an evaluation corpus's: `http://127.0.0.1:P/<host>/<path>`) answers for the hosts
it holds: a page linked by its real address is read from the mirror's copy, never from the real site.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import tldextract

_DOMAINS = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())
"""Registered domains from the public suffix list bundled with tldextract (no network)."""
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def same_organisation(url: str, site: str) -> bool:
    """`url` is on the site's own host or on another host of the same registered domain; a host without a
    registered domain (an IP address) is only its own site."""
    return _organisation(url) == _organisation(site)


def page_url(url: str, site: str) -> str | None:
    """Where to read the page `url` for a source configured at `site`: the URL itself when it belongs to the
    source's site, its copy when `site` is a local mirror, None when it is off-site (never read)."""
    if urlsplit(url).netloc == urlsplit(site).netloc:
        return url
    mirror = _mirrored(site)
    if mirror is None:
        return url if same_organisation(url, site) else None
    base, real_site = mirror
    if not same_organisation(url, real_site):
        return None
    parts = urlsplit(url)
    return f"{base}/{parts.netloc}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")


def join_url(base: str, href: str) -> str:
    """`href` as found on the page `base`; on a local mirror a root-relative link (`/aides/x`) stays under the
    page's host folder (`http://127.0.0.1:P/<host>/aides/x`), as it would on the real site."""
    mirror = _mirrored(base)
    if mirror is None or not href.startswith("/") or href.startswith("//"):
        return urljoin(base, href)
    return f"{mirror[0]}/{urlsplit(mirror[1]).netloc}{href}"


def _mirrored(site: str) -> tuple[str, str] | None:
    """(mirror base, real site) of a mirror URL `http://127.0.0.1:P/<host>/…`; None for a real site."""
    parts = urlsplit(site)
    host = parts.path.strip("/").split("/")[0]
    if parts.hostname not in _LOOPBACK or "." not in host:
        return None
    return f"{parts.scheme}://{parts.netloc}", f"https://{host}/"


def _organisation(url: str) -> str:
    parts = urlsplit(url)
    return _DOMAINS(parts.hostname or "").top_domain_under_public_suffix or parts.netloc
