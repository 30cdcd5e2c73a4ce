"""Région Auvergne-Rhône-Alpes aids (sources.md §5): Drupal search listing + detail pages.

Listing `…/aides?f[0]=profil:<id>&page=N`: `article.node--type-aid.node--view-mode-search-result`
cards (link `.c-result a`, category `div.c-result__category`, "Date limite du dépôt : 30/10/2026"),
counter "N Résultat(s)", next page `a[rel=next]`. Detail: `h1`, then `.c-project__title` headers
each followed by a sibling `div` ("Votre projet", "Montant et accompagnement proposé",
"Bénéficiaires et points d'attention"…; a page without them is cut by its headings, page_sections.py).
Who may apply: the sections detail_page.py names; deadlines: cued dates of the text and every date of a
calendar section ("Prochaines étapes", "Calendrier"…, calendar_sections.py). source_id = `/aides/<slug>`.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response

from crawlers.items import RawItem
from crawlers.normalise.beneficiaries import beneficiary_labels_in_text
from crawlers.normalise.releves import find_releves
from crawlers.normalise.text import fold
from crawlers.spiders.detail_page import ELIGIBILITY_HEADINGS, page_deadlines
from crawlers.spiders.html import HtmlSourceSpider, first_href, text_of
from crawlers.spiders.html_text import names_france_2030, node_text, says_all_year
from crawlers.spiders.page_sections import read_page

logger = logging.getLogger(__name__)

# ── Selectors (sources.md §5) ──────────────────────────────────────────────────────────────────
CARDS = ("article.node--type-aid.node--view-mode-search-result", "article.node--type-aid", ".c-result")
CARD_LINK = (".c-result a[href]", "h2 a[href]", "h3 a[href]", "a[href*='/aides/']")
CATEGORY = "div.c-result__category"
COUNTER = re.compile(r"(\d[\d\s\u00a0]*)\s*R[ée]sultat\(s\)", re.IGNORECASE)
DETAIL_NODE = ("article.node--type-aid.node--view-mode-full", "main")
SECTION_TITLE = ".c-project__title"
SECTION_BODY = "following-sibling::div[1]"
SUMMARY_SECTION = "votre projet"
AMOUNT_SECTION = "montant"
# ────────────────────────────────────────────────────────────────────────────────────────────────


class AuraSpider(HtmlSourceSpider):
    """Search-result cards, each completed by its aid page."""

    name = "aura"
    card_name = "aide (article.node--type-aid)"
    default_funder = "Région Auvergne-Rhône-Alpes"
    default_geo = ("REG-84",)

    announced: int | None = None
    """The listing's "N Résultat(s)": paging stops once that many results were seen."""

    def cards(self, response: Response) -> list[RawItem]:
        """One item per result card."""
        counter = COUNTER.search(" ".join(response.css("body ::text").getall()))
        if counter:
            self.announced = int(re.sub(r"\D", "", counter[1]))
        nodes = next((found for css in CARDS if (found := response.css(css))), [])
        return [item for node in nodes if (item := self._card(node, response.url))]

    def _card(self, node: Any, base: str) -> RawItem | None:
        href = next((h for css in CARD_LINK if (h := first_href(node, css, base))), None)
        if not href:
            return None
        text = text_of(node)
        category = text_of(node, CATEGORY)
        title = next((t for css in ("h2", "h3", ".c-result__title", "a") if (t := text_of(node, css))), "")
        return self.base_item(
            href, source_id=urlsplit(href).path.rstrip("/"), title=title,
            instrument_labels=[category] if category and fold(category) != "aide" else [],
            close_dates=[d.isoformat() for d in find_releves(text)], raw={"text": text, "category": category},
        )

    def next_page(self, response: Response) -> str | None:
        """`a[rel=next]`, unless every announced result was already seen."""
        if self.announced is not None and len(self.seen) >= self.announced:
            logger.debug("source=%s all %s results seen", self.source.slug, self.announced)
            return None
        return super().next_page(response)

    def read_detail(self, response: Response, item: RawItem) -> RawItem:
        """Sections of the aid page: summary, amount, who may apply, deadlines."""
        node = next((found[0] for css in DETAIL_NODE if (found := response.css(css))), response)
        found = _sections(node) or {fold(title): body for title, body in read_page(response, DETAIL_NODE).sections}
        item.title = text_of(response, "h1") or item.title
        item.summary = _first_line(found.get(SUMMARY_SECTION, "")) or item.summary
        item.description = node_text(node)
        item.amount_text = _matching(found, AMOUNT_SECTION) or item.description
        item.eligibility_text = "\n".join(text for title, text in found.items() if ELIGIBILITY_HEADINGS.search(title))
        item.beneficiary_labels = beneficiary_labels_in_text(item.eligibility_text)
        item.close_dates = sorted({*item.close_dates, *page_deadlines(item.description, found.items(), item.open_date)})
        if names_france_2030(item.description):
            item.programmes.append("France 2030")
        item.permanent = says_all_year(item.description)
        return item


def _sections(node: Any) -> dict[str, str]:
    """Folded `.c-project__title` text → text of the `div` that follows it."""
    found = {}
    for title in node.css(SECTION_TITLE):
        body = title.xpath(SECTION_BODY)
        found[fold(text_of(title))] = node_text(body[0]) if body else ""
    return found


def _matching(found: dict[str, str], key: str) -> str:
    return "\n".join(text for title, text in found.items() if key in title)


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0]
