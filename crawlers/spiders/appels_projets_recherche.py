"""appelsprojetsrecherche.fr (sources.md §9.5): AJAX search answering JSON that wraps HTML cards.

POST /ajax/search-call-for-proposals?page=N&nbElementsPerPage=M with the search form fields and
XHR headers → {"call_for_proposals": "<html>", "pagination": {"total": T}}. Each card
`div.card-call-for-proposal` has its title (h3.card-title), funder (p.text-primary), text
(div.card-text.fs-5), link (a[href^="/appel/"]) and a footer badge: a deadline
"16 nov. 2026, 13:00:00 UTC+1", "À venir" or "Clos".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

from parsel import Selector
from scrapy.http import FormRequest, Request, Response

from crawlers.api_options import AppelsProjetsRechercheOptions
from crawlers.fingerprints import SeenUnchanged
from crawlers.items import RawItem
from crawlers.normalise.dates import find_dates
from crawlers.normalise.text import fold, one_line
from crawlers.spiders.base import SourceSpider
from crawlers.spiders.html_text import title_region_codes
from crawlers.spiders.stated_deadlines import deadlines_in

CARD = "div.card-call-for-proposal"
TITLE = "h3.card-title"
FUNDER = "p.text-primary"
TEXT = "div.card-text.fs-5"
LINK = 'a[href^="/appel/"]::attr(href)'
BADGE = ".card-footer span"
XHR_HEADERS = {"X-Requested-With": "XMLHttpRequest", "Accept": "application/json"}


class AppelsProjetsRechercheSpider(SourceSpider):
    """Pages through the search until `pagination.total` cards were seen."""

    name = "appels_projets_recherche"
    options: AppelsProjetsRechercheOptions

    async def start(self) -> Any:
        """The first page of the search."""
        yield self.page_request(1)

    def page_request(self, page: int) -> Request:
        """One page of the search, as the site's own script posts it."""
        opts, field = self.options, "call_for_proposal_search"
        form = [(f"{field}[terms]", opts.terms), (f"{field}[sort]", opts.sort)]
        form += [(f"{field}[status][]", s) for s in opts.statuses]
        form += [(f"{field}[partners][]", p) for p in opts.partners]
        url = f"{self.source.url.rstrip('/')}/ajax/search-call-for-proposals?page={page}&nbElementsPerPage={opts.page_size}"
        return FormRequest(url, formdata=form, headers=XHR_HEADERS, callback=self.parse, errback=self.on_failure)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[RawItem | SeenUnchanged | Request]:
        """Cards of one page, then the next page while cards remain."""
        payload = self.json_page(response, "call_for_proposals", str, "appelsprojetsrecherche.fr")
        if payload is None:
            return
        total = _total(payload)
        cards = Selector(text=payload["call_for_proposals"] or "<div></div>").css(CARD)
        if total and not cards:
            self.fail(f"aucune carte {CARD} alors que {total} appels sont annoncés : la mise en page a changé : {response.url}")
            return
        for card in cards:
            yield self.settle(self.card_item(card))
        page = _page_of(response.url)
        if cards and page * self.options.page_size < total and page < self.options.max_pages:
            yield self.page_request(page + 1)

    def card_item(self, card: Selector) -> RawItem:
        """The RawItem of one card."""
        href = (card.css(LINK).get() or "").strip()
        badge = one_line(" ".join(card.css(BADGE + " ::text").getall()))
        deadlines = find_dates(badge)
        funder = one_line(card.css(FUNDER + " ::text").get())
        text = " ".join(card.css(TEXT + " ::text").getall())
        title = " ".join(card.css(TITLE + " ::text").getall())
        return RawItem(
            source=self.source.slug,
            position=self.next_position(),
            url=f"{self.source.url.rstrip('/')}{href}" if href else "",
            source_id=href.rstrip("/").rsplit("/", 1)[-1] if href else "",
            title=title,
            summary=text,
            amount_text=text,  # the card's text is all the site says of the call, its amounts included
            eligibility_text=text,  # …and who may apply: a card is a line on the applicants and the money
            funders=[funder] if funder else [],
            instrument_labels=["Appel à projets"],
            geo_codes=title_region_codes(title) or list(self.options.geo),
            close_dates=[*(d.isoformat() for d in deadlines[:1]), *deadlines_in(text)],
            closed=fold(badge).startswith("clos"),
            upcoming=fold(badge).startswith("a venir"),
            raw={"href": href, "badge": badge, "funder": funder},
        )


def _total(payload: dict[str, Any]) -> int:
    pagination = payload.get("pagination")
    value = pagination.get("total") if isinstance(pagination, dict) else None
    return int(value) if isinstance(value, (int, str)) and str(value).isdigit() else 0


def _page_of(url: str) -> int:
    value = (parse_qs(urlsplit(url).query).get("page") or ["1"])[0]
    return int(value) if value.isdigit() else 1
