"""A call's own page read without knowing the site's classes (ADEME's Drupal pages and the like).

From the page's main text and its sections (crawlers/spiders/page_sections.py):
- who may apply: the sections headed "Bénéficiaires", "Pour qui ?", "Êtes-vous concerné ?", "Qui peut
  candidater ?"… become the eligibility text, which normalisation reads (a page without such a section
  is read for its sentences on who may apply, « ce dispositif s'adresse aux … »);
- the territory: a section "Quelle(s) région(s) ou pays proposent ce dispositif ?" (or "Régions",
  "Localisation"…) or a line "Régions : …" whose lines are coverage labels (crawlers/spiders/region_labels.py);
  it replaces what the listing said, which it states more fully;
- relèves and deadlines: crawlers/normalise/releves.py, where a date counts only after a deadline cue
  (an update or publication date never closes a call); they are added to the listing's close dates;
- France 2030 and "tout au long de l'année" (a guichet).
A page with no readable text leaves the item as the listing gave it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from crawlers.items import RawItem
from crawlers.normalise.dates import DateError, parse_optional_date
from crawlers.normalise.releves import find_releves
from crawlers.spiders.calendar_sections import calendar_deadlines
from crawlers.normalise.text import fold
from crawlers.spiders.html_text import names_france_2030, says_all_year
from crawlers.spiders.page_sections import PageText, read_page
from crawlers.normalise.region_labels import region_codes_of_labels

# ── What is read (folded: lower case, no accents) ────────────────────────────────────────────────
CONTAINERS = ("main", "[role=main]", "#main-content", "article", ".region-content")
ELIGIBILITY_HEADINGS = re.compile(
    r"beneficiaire|pour qui|qui peut|etes-vous concerne|publics? (?:cible|concerne|vise|eligible)|porteurs? de projet"
    r"|\beligibilite\b(?! des (?:depenses|projets|couts|operations|actions))|(?:structures|candidats|porteurs|entreprises) eligibles"
)
"""Headings over who may apply ("Dépenses éligibles" and "Projets éligibles" are about something else)."""
COVERAGE_HEADINGS = re.compile(
    r"\bregions?\b|\bpays\b|territoires? (?:concerne|eligible)|localisation|zone geographique"
)
COVERAGE_LINE = re.compile(
    r"^(?:regions?(?: concernees?| eligibles?)?|localisation|territoires? (?:concernes?|eligibles?)"
    r"|zone geographique|couverture geographique)\s*:\s*(?P<label>.+)$"
)
# ────────────────────────────────────────────────────────────────────────────────────────────────


def read_detail_page(response: Any, item: RawItem, containers: tuple[str, ...] = CONTAINERS) -> RawItem:
    """The item completed by its own page."""
    page = read_page(response, containers)
    if not page.text.strip():
        return item
    deadlines = page_deadlines(page.text, page.sections, item.open_date)
    return fill_from_page(item, page, eligibility_text(page), coverage_codes(page), deadlines)


def page_deadlines(text: str, sections: Iterable[tuple[str, str]], open_date: str | None) -> set[str]:
    """ISO days of the deadlines a call's page states, after a cue or in a calendar block. A day written without its
    year (« Deux relèves : 21 janvier et 20 mai ») takes the one that follows the opening the listing or feed gave."""
    try:
        opened = parse_optional_date(open_date)
    except DateError:
        opened = None
    return {d.isoformat() for d in find_releves(text, opened)} | set(calendar_deadlines(sections, opened))


def fill_from_page(item: RawItem, page: PageText, eligibility: str, geo_codes: list[str],
                   deadlines: set[str]) -> RawItem:
    """The item with what its page states: the page's text, who may apply and the coverage when the page says
    them (else the listing's), the page's deadlines added to the listing's, France 2030, a guichet."""
    item.description = page.text
    item.amount_text = page.text
    item.eligibility_text = eligibility or item.eligibility_text
    item.geo_codes = geo_codes or item.geo_codes
    item.close_dates = sorted(deadlines | set(item.close_dates))
    if names_france_2030(f"{item.title}\n{page.text}") and "France 2030" not in item.programmes:
        item.programmes.append("France 2030")
    item.permanent = item.permanent or says_all_year(page.text)
    return item


def eligibility_text(page: PageText, more_headings: str = "") -> str:
    """The text of every section on who may apply (the shared headings, and `more_headings` of a source)."""
    extra = re.compile(more_headings) if more_headings else None
    return "\n".join(
        body for heading, body in page.sections
        if body and (ELIGIBILITY_HEADINGS.search(fold(heading)) or (extra and extra.search(fold(heading))))
    )


def coverage_codes(page: PageText) -> list[str]:
    """COG codes of the coverage the page states; [] when it states none."""
    labels = [line for heading, body in page.sections if COVERAGE_HEADINGS.search(fold(heading))
              for line in body.split("\n")]
    labelled = (COVERAGE_LINE.match(fold(line).strip()) for line in page.text.split("\n"))
    labels += [match["label"] for match in labelled if match]
    return region_codes_of_labels(labels)
