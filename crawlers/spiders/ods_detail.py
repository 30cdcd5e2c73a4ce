"""The page an Opendatasoft record links to, read when the record itself gives no deadline or no beneficiaries.

Occitanie records (sources.md §3) have no close-date field: the deadline and the « Bénéficiaires »
section are on the laregion.fr page (SPIP): title `article h1`, body `article div.article__texte`
without its download box `div.boite_telechargements_libre`, sections under `h2`/`h3` headings
(« Contexte et objectifs », « Bénéficiaires »…). Its text feeds the same readers as the HTML sources.
"""

from __future__ import annotations

from typing import Any

from crawlers.items import RawItem
from crawlers.spiders.html import text_of
from crawlers.spiders.html_text import enrich_from_page
from crawlers.spiders.ods_shapes import says_closed

# ── Selectors (sources.md §3, laregion.fr SPIP pages) ─────────────────────────────────────────
BODY = ("article div.article__texte", "div.article__texte")
TITLE = "article h1"
NOT_TEXT = "div.boite_telechargements_libre"
ELIGIBILITY_HEADINGS = r"beneficiaires|pour qui|qui peut|eligib|publics? (?:cibles?|concernes?|vises?)"
# ────────────────────────────────────────────────────────────────────────────────────────────────


def needs_page(item: RawItem) -> bool:
    """A record still open that gives no close date or no beneficiaries: its page may say them."""
    return bool(item.url) and not item.closed and not (item.close_dates and item.beneficiary_labels)


def read_record_page(response: Any, item: RawItem) -> RawItem | None:
    """The record completed by its page; None when the page has no body where one is expected (layout changed).

    The record's own facts stay: its dates are kept beside the page's, its text is still read for amounts.
    """
    body = next((found[0] for css in BODY if (found := response.css(css))), None)
    if body is None:
        return None
    for box in body.css(NOT_TEXT):
        box.drop()
    record_text = item.amount_text
    item.title = item.title or text_of(response, TITLE)
    enrich_from_page(item, body, ELIGIBILITY_HEADINGS)
    item.amount_text = "\n".join(part for part in (record_text, item.amount_text) if part)
    item.closed = item.closed or says_closed(item.description)
    return item
