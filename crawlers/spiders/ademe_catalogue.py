"""ADEME « Agir pour la transition » catalogue (sources.md §8), HTML cards, one audience per source.

Listing `{url}/{entreprises|collectivites}/aides-financieres/catalogue?page=N`; each card carries
`data-status` (`closed` / `past` mean closed; other values are trusted to `data-end-date`) and
`data-end-date` (`DD-MM-YYYY`). `/catalogue/aap/` links are calls (appels à projets), year-scoped
`/catalogue/2026/` links are guichets; `/catalogue-rex/` links are experience reports (skipped).
The card's régions are its text pieces that are wholly coverage labels ("Toutes les Régions",
"Occitanie"), never a région its title or summary mentions. The audience read stands for who may
apply (ADEME files each dispositif under the publics it is for) until the dispositif's page says more
precisely (crawlers/spiders/detail_page.py: eligibility, territory, relèves).
"""

from __future__ import annotations

import re
from typing import Any

from scrapy.http import Response

from crawlers.items import RawItem
from crawlers.normalise.releves import find_releves
from crawlers.options_html import AdemeCatalogueOptions
from crawlers.spiders.detail_page import read_detail_page
from crawlers.spiders.html import HtmlSourceSpider, first_href, last_segment, text_of
from crawlers.normalise.region_labels import region_codes_of_labels

# ── Selectors (sources.md §8; `data-status` values beyond closed/past are [INF]) ──────────────────
CARDS = ('[data-component-id="agir_theme:card"]', "[data-end-date]", "[data-status]")
TITLE_LINK = ("h2 a.card-link", "h2 a", "a.card-link")
SUMMARY = ".content p"
END_DATE = "(descendant-or-self::*/@data-end-date | ancestor::*/@data-end-date)[1]"
STATUS = "(descendant-or-self::*/@data-status | ancestor::*/@data-status)[1]"
CLOSED_STATUSES = {"closed", "past"}
SKIPPED_PATHS = ("/catalogue-rex/",)
# ────────────────────────────────────────────────────────────────────────────────────────────────
_YEAR_GUICHET = re.compile(r"/catalogue/\d{4}/")
_AUDIENCE_LABELS = {"entreprises": "Entreprise", "collectivites": "Collectivité territoriale"}


class AdemeCatalogueSpider(HtmlSourceSpider):
    """Catalogue cards, each completed by its dispositif's page with `detail_pages = true` (as configured)."""

    name = "ademe_catalogue"
    options: AdemeCatalogueOptions
    card_name = "dispositif (carte data-end-date / h2 a.card-link)"
    default_funder = "ADEME"

    def listing_url(self) -> str:
        """`{url}/{audience}/aides-financieres/catalogue`."""
        return f"{self.source.url.rstrip('/')}/{self.options.audience}/aides-financieres/catalogue"

    def cards(self, response: Response) -> list[RawItem]:
        """One item per card; experience reports left out."""
        nodes = next((found for css in CARDS if (found := response.css(css))), [])
        items = [self._card(node, response.url) for node in nodes]
        return [item for item in items if item and not any(p in item.url for p in SKIPPED_PATHS)]

    def _card(self, node: Any, base: str) -> RawItem | None:
        link = next((found for css in TITLE_LINK if (found := node.css(css))), None)
        href = first_href(link[0], "", base) if link else None
        if not href:
            return None
        status, end = node.xpath(STATUS).get() or "", node.xpath(END_DATE).get() or ""
        card_text = text_of(node)
        item = self.base_item(
            href, source_id=last_segment(href), title=text_of(link[0]), summary=text_of(node, SUMMARY),
            close_dates=[end] if end.strip() else [d.isoformat() for d in find_releves(card_text)],
            closed=status.strip().lower() in CLOSED_STATUSES,
            beneficiary_labels=[_AUDIENCE_LABELS[self.options.audience]],
            raw={"data-status": status, "data-end-date": end, "text": card_text},
        )
        item.geo_codes = region_codes_of_labels(node.css("::text").getall()) or item.geo_codes
        if "/catalogue/aap/" in href:
            item.instrument_labels = ["Appel à projets"]
        elif _YEAR_GUICHET.search(href) and not item.close_dates:
            item.permanent = True
        return item

    def read_detail(self, response: Response, item: RawItem) -> RawItem:
        """Eligibility, territory, relèves and France 2030 from the dispositif's page."""
        return read_detail_page(response, item)
