"""Bpifrance « Appels à projets et concours » (sources.md §7): Drupal Views listing + detail pages.

Listing `…/nos-appels-a-projets-concours?page=N` (0-based), ~9 cards a page; each card gives the
rubrique, the range "JJ/MM/AAAA au JJ/MM/AAAA", the title link, a summary and sometimes an apply
link. Quirk: the range end is the *next relève*, not the final deadline, so the deadlines come
from the detail page's text (relèves, "Date limite de dépôt"); the card range is the fallback.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from scrapy.http import Response

from crawlers.items import RawItem
from crawlers.normalise.releves import date_range
from crawlers.spiders.html import HtmlSourceSpider, first_href, last_segment, text_of
from crawlers.spiders.html_text import enrich_from_page, main_container, title_region_codes
from models import geo

# ── Selectors (sources.md §7) ──────────────────────────────────────────────────────────────────
CARDS = ("div.article-card", "ul.listing-block > li", "[role=article]")
TITLE_LINK = ("div.desc h3 a", "h3 a", "h2 a")
RUBRIQUE = "span.rubrique"
CARD_DATE = "span.card-date"
SUMMARY = "div.desc p"
APPLY_LINK = "div.bottom-block a"
PAGER_LINKS = "li.pager__item a[href*='page=']"
DETAIL_CONTAINERS = (".body-content", "article", "main")
DETAIL_TITLE = "h1"
ELIGIBILITY_HEADINGS = r"^entreprises concernees|^a qui s.adresse"
"""Headings on who may apply beyond the shared ones (crawlers/spiders/detail_page.py)."""
APPLY_WORDS = ("candidater", "deposer", "déposer", "dossier")
# ────────────────────────────────────────────────────────────────────────────────────────────────


class BpifranceSpider(HtmlSourceSpider):
    """Cards of the listing, each completed by its detail page."""

    name = "bpifrance"
    card_name = "appel (carte div.article-card)"
    default_funder = "Bpifrance"
    default_geo = (geo.FRANCE,)
    next_page_css = ("li.next-page a", "li.pager__item--next a", "a[rel=next]")

    def card_nodes(self, response: Response) -> list[Any]:
        """The cards (the first card selector that finds any wins)."""
        return list(next((found for css in CARDS if (found := response.css(css))), []))

    def card(self, node: Any, base: str) -> RawItem | None:
        """One card: rubrique, date range, title link, summary, apply link."""
        link = next((found for css in TITLE_LINK if (found := node.css(css))), None)
        href = first_href(link[0], "", base) if link else None
        if not href:
            return None
        start, end = date_range(text_of(node, CARD_DATE))
        apply = first_href(node, APPLY_LINK, base)
        title = text_of(link[0])
        item = self.base_item(
            href, source_id=last_segment(href), title=title, summary=text_of(node, SUMMARY),
            instrument_labels=[label for label in [text_of(node, RUBRIQUE)] if label],
            open_date=start.isoformat() if start else None, close_dates=[end.isoformat()] if end else [],
            apply_url=apply if apply and apply.startswith("http") else None,
            raw={"card_date": text_of(node, CARD_DATE), "rubrique": text_of(node, RUBRIQUE)},
        )
        item.geo_codes = title_region_codes(title) or item.geo_codes
        return item

    def next_page(self, response: Response) -> str | None:
        """The "next" pager link, else the pager link to `page=N+1`."""
        found = super().next_page(response)
        if found:
            return found
        wanted = str(_page_of(response.url) + 1)
        links = (first_href(a, "", response.url) or "" for a in response.css(PAGER_LINKS))
        return next((href for href in links if parse_qs(urlsplit(href).query).get("page") == [wanted]), None)

    def read_detail(self, response: Response, item: RawItem) -> RawItem:
        """Deadlines (relèves, calendar), who may apply, coverage and France 2030 from the page's sections."""
        container = main_container(response, DETAIL_CONTAINERS)
        item.title = item.title or text_of(response, DETAIL_TITLE)
        enrich_from_page(item, container, ELIGIBILITY_HEADINGS)
        item.apply_url = item.apply_url or _apply_link(container, response.url)
        return item


def _apply_link(container: Any, base: str) -> str | None:
    """An external "Déposer son projet" / "Candidater" link of the detail page."""
    own_host = urlsplit(base).netloc
    for link in container.css("a[href]"):
        href = first_href(link, "", base) or ""
        label = text_of(link).lower()
        if href.startswith("http") and urlsplit(href).netloc != own_host and any(w in label for w in APPLY_WORDS):
            return href
    return None


def _page_of(url: str) -> int:
    value = (parse_qs(urlsplit(url).query).get("page") or ["0"])[0]
    return int(value) if value.isdigit() else 0
