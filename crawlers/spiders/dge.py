"""DGE list of France 2030 AAP/AMI (sources.md §9.3): a DSFR page of cards, markup [INF].

The safe path is the link: every call's page lives under `/…-d-interet/<slug>`. Cards are read
as DSFR (`.fr-card`, `.fr-card__title a`, `.fr-card__desc`, `.fr-card__detail`, `.fr-badge`) when
they are there; otherwise any such link is a call, titled by its text. No such link at all is a
changed layout: the source fails loudly.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from crawlers.items import RawItem
from crawlers.normalise.releves import date_range
from crawlers.spiders.html import HtmlSourceSpider, first_href, last_segment, text_of
from crawlers.spiders.html_text import enrich_from_page, main_container
from models import geo

# ── Selectors (sources.md §9: DSFR guess, [INF]) ───────────────────────────────────────────────
CALL_LINK = "a[href*='-d-interet/']"
CARD = ".fr-card"
CARD_TITLE = ".fr-card__title a"
CARD_DESC = ".fr-card__desc"
CARD_DETAIL = ".fr-card__detail"
BADGE = ".fr-badge, .fr-tag"
DETAIL_CONTAINERS = ("main .fr-container", "main", "article")
ELIGIBILITY_HEADINGS = r"^entreprises concernees|^a qui s.adresse"
"""Headings on who may apply beyond the shared ones (crawlers/spiders/detail_page.py)."""
# ────────────────────────────────────────────────────────────────────────────────────────────────


class DgeSpider(HtmlSourceSpider):
    """Cards (or bare links) under `/…-d-interet/<slug>`, then each call's page."""

    name = "dge"
    card_name = "lien d'appel sous « …-d-interet/<slug> »"
    default_funder = "Direction générale des Entreprises (DGE)"
    default_geo = (geo.FRANCE,)
    next_page_css = (".fr-pagination__link--next", "a[rel=next]")

    def cards(self, response: Response) -> list[RawItem]:
        """DSFR cards holding a call link, else every call link of the page."""
        cards = [node for node in response.css(CARD) if node.css(CALL_LINK)]
        if cards:
            return [self._card(node, response.url) for node in cards]
        return [self._bare_link(link, response.url) for link in response.css(CALL_LINK) if text_of(link)]

    def _card(self, node: Any, base: str) -> RawItem:
        link = (node.css(CARD_TITLE) or node.css(CALL_LINK))[0]
        href = first_href(link, "", base) or base
        start, end = date_range(text_of(node, CARD_DETAIL))
        return self.base_item(
            href, source_id=last_segment(href), title=text_of(link), summary=text_of(node, CARD_DESC),
            instrument_labels=[text_of(badge) for badge in node.css(BADGE) if text_of(badge)],
            open_date=start.isoformat() if start and end else None,
            close_dates=[(end or start).isoformat()] if (end or start) else [],
            raw={"detail": text_of(node, CARD_DETAIL)},
        )

    def _bare_link(self, link: Any, base: str) -> RawItem:
        href = first_href(link, "", base) or base
        return self.base_item(href, source_id=last_segment(href), title=text_of(link), raw={"layout": "liens"})

    def read_detail(self, response: Response, item: RawItem) -> RawItem:
        """Deadlines (relèves, calendar), who may apply, coverage and programmes from the call's page."""
        item.title = item.title or text_of(response, "h1")
        return enrich_from_page(item, main_container(response, DETAIL_CONTAINERS), ELIGIBILITY_HEADINGS)
