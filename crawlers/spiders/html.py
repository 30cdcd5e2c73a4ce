"""What the HTML source spiders share: listing pages of cards, a pager, optional detail pages.

A subclass names its selectors in one constant block and implements `cards` (listing → partial
RawItems) and, if it reads detail pages, `read_detail`. This base:
- fails the source with a French "layout changed" message when the first listing page has no card;
- skips cards already seen (a listing that shifts while it is read), stops paging when a page adds
  nothing new or after `max_pages`;
- keeps a card whose detail page fails (HTTP error, no answer): the item goes on with what the
  listing said, the reason is logged and kept in `raw["detail_error"]`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from parsel import Selector
from scrapy.http import Request, Response

from crawlers.fingerprints import SeenUnchanged, html_fingerprint, record_key
from crawlers.items import RawItem
from crawlers.options_html import HtmlOptions
from crawlers.sites import join_url
from crawlers.spiders.base import SourceSpider
from crawlers.spiders.details import DetailPagesMixin

logger = logging.getLogger(__name__)


def layout_changed_message(what: str, url: str) -> str:
    """The French error of a listing page where no card was found."""
    return (
        f"mise en page inattendue : aucun {what} trouvé sur {url} ; "
        "la structure du site a peut-être changé (sélecteurs à revoir)"
    )


def text_of(node: Selector | Any, css: str = "") -> str:
    """The whitespace-collapsed text of the first node matching `css` (the node itself when empty)."""
    found = node.css(css)[:1] if css else [node]
    if not found:
        return ""
    return " ".join(" ".join(found[0].css("::text").getall()).split())


def first_href(node: Selector | Any, css: str, base: str) -> str | None:
    """The absolute href of the first link matching `css`."""
    href = node.css(f"{css}::attr(href)").get()
    return join_url(base, href.strip()) if href and href.strip() else None


def last_segment(url: str) -> str:
    """The slug of a detail URL (`/nos-appels-a-projets-concours/<slug>` → `<slug>`)."""
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]


class HtmlSourceSpider(DetailPagesMixin, SourceSpider):
    """Listing pages of cards, each card optionally completed by its detail page."""

    name = "html"
    options: HtmlOptions
    card_name = "appel"
    """What a card is, in French, for the "layout changed" message."""
    next_page_css: tuple[str, ...] = ("a[rel=next]", "li.pager__item--next a", "li.next-page a")
    default_funder = ""
    default_geo: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: set[str] = set()
        self.listing_pages = 0

    async def start(self) -> Any:
        """The first listing page."""
        yield self.request(self.listing_url(), self.parse)

    def listing_url(self) -> str:
        """The first listing page (the configured URL unless a kind builds it)."""
        return self.source.url

    def cards(self, response: Response) -> list[RawItem]:
        """The calls a listing page shows (position 0: numbered here); by default, `card` of each `card_nodes`."""
        return [item for node in self.card_nodes(response) or [] if (item := self.card(node, response.url))]

    def card_nodes(self, response: Response) -> list[Selector] | None:
        """The card nodes of a listing page, for kinds that read a card from its node alone (None: `cards` only)."""
        return None

    def card(self, node: Selector, base: str) -> RawItem | None:
        """The item of one card node (None: not a call)."""
        raise NotImplementedError

    def read_cards(self, response: Response) -> list[RawItem | SeenUnchanged]:
        """The page's items; with `card_nodes`, a card whose HTML is exactly as last time is not even parsed."""
        nodes = self.card_nodes(response)
        if nodes is None:
            return list(self.cards(response))
        found: list[RawItem | SeenUnchanged] = []
        for node in nodes:
            fingerprint = html_fingerprint(node.get(), self.source.kind, self.source.options)
            if fingerprint in self.known_ids:
                found.append(SeenUnchanged(self.known_ids[fingerprint], fingerprint))
            elif item := self.card(node, response.url):
                item.fingerprint = fingerprint
                found.append(item)
        return found

    def next_page(self, response: Response) -> str | None:
        """The next listing page, from the pager."""
        for css in self.next_page_css:
            href = first_href(response, css, response.url)
            if href:
                return href
        return None

    def parse(self, response: Response, **kwargs: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """Cards of one listing page (or their detail requests), then the next page."""
        if response.status == 404 and self.listing_pages:
            self.pages += 1  # a pager pointing past the last page: the end, not a failure
            return
        if not self.accept(response):
            return
        self.listing_pages += 1
        cards = self.read_cards(response)
        if not cards and self.listing_pages == 1:
            self.fail(layout_changed_message(self.card_name, response.url))
            return
        fresh = [card for card in cards if self._first_time(card)]
        for card in fresh:
            position = self.next_position()
            if isinstance(card, SeenUnchanged):
                yield card
                continue
            card.position = position
            yield from self.complete(card)
        next_url = self.next_page(response)
        if fresh and next_url and self.listing_pages < self.options.max_pages:
            yield self.request(next_url, self.parse)

    def base_item(self, url: str, **fields: Any) -> RawItem:
        """A RawItem with the source's funder, geo and programmes."""
        return RawItem(
            source=self.source.slug, position=0, url=url,
            funders=[self.options.funder or self.default_funder],
            geo_codes=list(self.options.geo or self.default_geo),
            programmes=list(self.options.programmes), **fields,
        )

    def _first_time(self, item: RawItem | SeenUnchanged) -> bool:
        key = item.source_id if isinstance(item, SeenUnchanged) else record_key(item)
        if key in self.seen:
            return False
        self.seen.add(key)
        return True
