"""Aides-territoires API (sources.md §10): POST /api/connexion/ with the key → JWT, then GET /api/aids/ pages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit

from scrapy.http import Request, Response

from crawlers.api_options import AidesTerritoiresOptions
from crawlers.fingerprints import SeenUnchanged
from crawlers.items import RawItem
from crawlers.spiders.at_shapes import map_aid
from crawlers.spiders.base import SourceSpider


class AidesTerritoiresSpider(SourceSpider):
    """Exchanges the key for a token, then follows `next` (rebased on the configured URL) page by page."""

    name = "aides_territoires"
    options: AidesTerritoiresOptions

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.token = ""
        self.pages_read = 0

    @property
    def base(self) -> str:
        """The configured API root (the real site or a mirror)."""
        return self.source.url.rstrip("/")

    async def start(self) -> Any:
        """The token exchange (never cached: a stale token is useless)."""
        key = os.environ.get(self.options.api_key_env, "").strip()
        if not key:
            self.fail(f"source non configurée : variable d'environnement {self.options.api_key_env} absente")
            return
        yield Request(
            f"{self.base}/api/connexion/", method="POST", headers={"X-AUTH-TOKEN": key, "Accept": "application/json"},
            callback=self.on_token, errback=self.on_failure, meta={"dont_cache": True},
        )

    def on_token(self, response: Response, **kwargs: Any) -> Iterator[Request]:
        """Keep the JWT and ask for the first page of aids."""
        if not self.accept(response):
            return
        payload = self.load_json(response)
        token = payload.get("token") if isinstance(payload, dict) else None
        if not token:
            if payload is not None:
                self.fail(f"échange de clé Aides-territoires : pas de jeton dans la réponse : {response.url}")
            return
        self.token = str(token)
        yield self.aids_request(f"{self.base}/api/aids/?{urlencode(self.options.query())}")

    def aids_request(self, url: str) -> Request:
        """A page of aids, with the bearer token."""
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        return Request(url, headers=headers, callback=self.parse, errback=self.on_failure)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """Aids of one page, then the `next` page."""
        payload = self.json_page(response, "results", list, "Aides-territoires")
        if payload is None:
            return
        self.pages_read += 1
        for aid in payload["results"]:
            if isinstance(aid, dict):
                yield self.settle(map_aid(aid, self.source.slug, self.next_position()))
        following = self.rebased(payload.get("next"))
        if following and payload["results"] and self.pages_read < self.options.max_pages:
            yield self.aids_request(following)

    def rebased(self, next_url: Any) -> str | None:
        """`next` on the configured API root: only its /api/… path and query are kept."""
        if not isinstance(next_url, str) or not next_url.strip():
            return None
        parts = urlsplit(next_url)
        at = parts.path.find("/api/")
        if at < 0:
            return None
        return f"{self.base}{parts.path[at:]}" + (f"?{parts.query}" if parts.query else "")

