"""Région Grand Est aids (sources.md §6): WordPress cards in two markups, then detail pages.

- older cards: `a.card` > `div.txt.new_txt span.new_type` holding a category label or
  "Date limite de dépôt" with the date in `strong` (→ a call);
- cards "verified Feb 2026": `a.card.aide` > `div.img-info.upper` with `span.flag.is--dark` (state)
  and `span.flag.is--corail|is--vert` (type, "Appels à projets"), then `h3` and `p.intro`.
The `a[rel=next]` link needs JavaScript: pages are rebuilt as `/aides/page/{n}/?pg={n}` (other query
parameters kept); without `pg` the site serves page 1 again, and paging stops at a page with no new card.
Calls are told by the type flag, the deadline or an `/appel-a-projet/` path; the detail page
(`div.pf-content`) gives the deadlines. source_id = last URL segment.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from scrapy.http import Response

from crawlers.items import RawItem
from crawlers.normalise.text import fold
from crawlers.spiders.html import HtmlSourceSpider, last_segment, text_of
from crawlers.spiders.html_text import enrich_from_page, main_container

# ── Selectors (sources.md §6, both card variants) ──────────────────────────────────────────────
CARDS = ("a.card",)
OLD_TYPE = "div.txt.new_txt span.new_type"
OLD_DEADLINE = "div.txt.new_txt span.new_type strong"
STATE_FLAG = "span.flag.is--dark"
TYPE_FLAG = "span.flag.is--corail, span.flag.is--vert"
TITLE = ("h3", "h2", ".title", "p.titre")
INTRO = ("p.intro", "p")
DETAIL_TITLE = 'meta[property="og:title"]::attr(content)'
DETAIL_CONTAINERS = ("div.pf-content", "article", "main")
ELIGIBILITY_HEADINGS = r"^a qui s.adresse"
"""Headings on who may apply beyond the shared ones (crawlers/spiders/detail_page.py)."""
CALL_PATH = "/appel-a-projet/"
PAGE_PARAMETER = "pg"
GENERIC_LABELS = {"aide", "aides"}
# ────────────────────────────────────────────────────────────────────────────────────────────────
_PAGED = re.compile(r"/page/(\d+)/?$")


class GrandEstSpider(HtmlSourceSpider):
    """Cards of `/aides/page/{n}/`, each completed by its page."""

    name = "grandest"
    card_name = "aide (carte a.card)"
    default_funder = "Région Grand Est"
    default_geo = ("REG-44",)

    def cards(self, response: Response) -> list[RawItem]:
        """One item per card, whichever markup the card uses."""
        nodes = next((found for css in CARDS if (found := response.css(css))), [])
        return [item for node in nodes if (item := self._card(node, response.url))]

    def _card(self, node: Any, base: str) -> RawItem | None:
        href = node.attrib.get("href", "").strip()
        if not href:
            return None
        href = urljoin(base, href)  # cards usually carry absolute links
        title = next((t for css in TITLE if (t := text_of(node, css))), "")
        deadline = text_of(node, OLD_DEADLINE)
        old_label = text_of(node, OLD_TYPE)
        type_flag = text_of(node, TYPE_FLAG)
        label = type_flag or ("" if "date limite" in fold(old_label) else old_label)
        item = self.base_item(
            href, source_id=last_segment(href), title=title,
            summary=next((t for css in INTRO if (t := text_of(node, css))), ""),
            close_dates=[deadline] if deadline else [],
            raw={"type": label, "state": text_of(node, STATE_FLAG), "deadline": deadline},
        )
        is_call = bool(deadline) or CALL_PATH in href or "appel" in fold(label)
        item.instrument_labels = [label] if label and "appel" in fold(label) else []
        if is_call and not item.instrument_labels:
            item.instrument_labels = ["Appel à projets"]
        elif not is_call:
            item.themes = [label] if label and fold(label) not in GENERIC_LABELS else []
            item.permanent = True  # a regional aid (`/vos-aides-regionales/`): a guichet unless its page dates it
        return item

    def next_page(self, response: Response) -> str | None:
        """The page after the current URL (the site's own link needs JavaScript)."""
        return page_after(response.url)

    def read_detail(self, response: Response, item: RawItem) -> RawItem:
        """Deadlines (relèves, calendar), who may apply, coverage and text from `div.pf-content`."""
        item.title = item.title or (response.css(DETAIL_TITLE).get() or text_of(response, "h1")).strip()
        return enrich_from_page(item, main_container(response, DETAIL_CONTAINERS), ELIGIBILITY_HEADINGS)


def page_after(url: str) -> str:
    """`/aides/page/{n+1}/?…&pg={n+1}`: the path and `pg` both name the page, other parameters are kept."""
    parts = urlsplit(url)
    paged = _PAGED.search(parts.path)
    number = int(paged[1]) + 1 if paged else 2
    root = _PAGED.sub("", parts.path).rstrip("/")
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key != PAGE_PARAMETER]
    query.append((PAGE_PARAMETER, str(number)))
    return urlunsplit((parts.scheme, parts.netloc, f"{root}/page/{number}/", urlencode(query), ""))
