"""Banque des Territoires — France 2030 calls in progress (sources.md §9.6): one listing page.

The page links each call at a root-level slug (`/entrepreneurs-du-vivant`) and shows no dates, so
every call's page is read. Share buttons, Localtis news and navigation links are not calls.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response

from crawlers.items import RawItem
from crawlers.spiders.html import HtmlSourceSpider, first_href, last_segment, text_of
from crawlers.spiders.html_text import enrich_from_page, main_container, title_region_codes
from models import geo

# ── Selectors (sources.md §9.6) ────────────────────────────────────────────────────────────────
LISTING_AREA = ("main", "#main-content", "body")
CALL_LINKS = ("article a[href]", "h2 a[href]", "h3 a[href]", ".card a[href]")
SUMMARY = "p"
NOT_CALLS = re.compile(r"(?:^|[/?&=.])(?:localtis|partager?|share|sharer|facebook|twitter|linkedin|edition|flux-rss"
                       r"|recherche)(?:[/?&=.#]|$)|mailto:|\bx\.com")
"""Share, news and search links, as whole parts of the address: a call's own slug may hold the same words
(« /…-ateliers-partages-de-maintenance », « /programme-recherche-industrie »)."""
DETAIL_CONTAINERS = (".node__content", "article", "main")
ELIGIBILITY_HEADINGS = r"^(?:publics? )?cibles?\b|^a qui s.adresse"
"""Headings on who may apply beyond the shared ones (crawlers/spiders/detail_page.py)."""
# ────────────────────────────────────────────────────────────────────────────────────────────────


class BanqueTerritoiresSpider(HtmlSourceSpider):
    """Links of the listing to root-level call pages; dates from each page."""

    name = "banque_territoires"
    card_name = "lien vers un appel (titre ou article)"
    default_funder = "Banque des Territoires"
    default_geo = (geo.FRANCE,)

    def cards(self, response: Response) -> list[RawItem]:
        """One item per call link of the listing area."""
        area = next((found[0] for css in LISTING_AREA if (found := response.css(css))), response)
        listing_path = urlsplit(response.url).path.rstrip("/")
        items: dict[str, RawItem] = {}
        for css in CALL_LINKS:
            for link in area.css(css):
                href = first_href(link, "", response.url) or ""
                if _is_call_link(href, response.url, listing_path) and text_of(link) and href not in items:
                    items[href] = self._item(link, href)
        return list(items.values())

    def _item(self, link: Any, href: str) -> RawItem:
        title = text_of(link)
        card = link.xpath("ancestor::article[1] | ancestor::li[1]")
        item = self.base_item(href, source_id=last_segment(href), title=title,
                              summary=text_of(card[0], SUMMARY) if card else "")
        item.programmes = list(dict.fromkeys([*item.programmes, "France 2030"]))
        item.geo_codes = title_region_codes(title) or item.geo_codes
        return item

    def read_detail(self, response: Response, item: RawItem) -> RawItem:
        """Deadlines (relèves, date limite, calendar), who may apply, coverage and summary from the call's page."""
        container = main_container(response, DETAIL_CONTAINERS)
        item.summary = item.summary or text_of(container, "p")
        return enrich_from_page(item, container, ELIGIBILITY_HEADINGS)


def _is_call_link(href: str, listing_url: str, listing_path: str) -> bool:
    """A same-site page that is neither the listing itself, one of its parents, nor a share/news link."""
    parts = urlsplit(href)
    if parts.netloc != urlsplit(listing_url).netloc or NOT_CALLS.search(href.lower()):
        return False
    path = parts.path.rstrip("/")
    return bool(path) and not listing_path.startswith(path) and not parts.fragment
