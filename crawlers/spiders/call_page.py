"""A call's own page read into its item, for the sources whose listing says little (Bpifrance, DGE, Banque des
Territoires, Grand Est, Occitanie's laregion.fr pages).

The page's main container is cut into sections by its headings (crawlers/spiders/page_sections.py), then:
- who may apply: the sections crawlers/spiders/detail_page.py names ("Bénéficiaires", "Porteurs de projet",
  "Qui peut candidater ?", "Pour qui ?"…) and those the source adds become the eligibility text;
- the coverage: départements a coverage block names (crawlers/spiders/departement_coverage.py), else the
  régions it lists (detail_page.py), else what the listing said;
- the deadlines: every date after a deadline cue in the text (crawlers/normalise/releves.py) and every date
  of a calendar block (crawlers/spiders/calendar_sections.py), added to the listing's (often only the next
  relève);
- France 2030 and "tout au long de l'année" (a guichet).
A container with no readable text leaves the item as the listing gave it.
"""

from __future__ import annotations

import re
from typing import Any

from crawlers.items import RawItem
from crawlers.normalise.beneficiaries import beneficiary_labels_in_text
from crawlers.normalise.releves import find_releves
from crawlers.normalise.text import fold
from crawlers.spiders.calendar_sections import calendar_deadlines
from crawlers.spiders.departement_coverage import departement_codes
from crawlers.spiders.detail_page import ELIGIBILITY_HEADINGS, coverage_codes
from crawlers.spiders.html_text import names_france_2030, says_all_year
from crawlers.spiders.page_sections import PageText, read_page

_ITSELF = ("*",)
"""The container read as it is (its first descendant-or-self element is itself)."""


def complete_from_container(item: RawItem, container: Any, more_headings: str = "") -> RawItem:
    """The item completed by the page whose main container is `container`."""
    page = read_page(container, _ITSELF)
    if not page.text.strip():
        return item
    item.description = page.text
    item.amount_text = page.text
    item.eligibility_text = eligibility_text(page, more_headings) or item.eligibility_text
    # Without an eligibility section, the page's own sentences on who may apply are read at normalisation.
    item.beneficiary_labels = item.beneficiary_labels or beneficiary_labels_in_text(item.eligibility_text)
    item.geo_codes = departement_codes(page.sections) or coverage_codes(page) or item.geo_codes
    stated = {d.isoformat() for d in find_releves(page.text)} | set(calendar_deadlines(page.sections))
    item.close_dates = sorted(stated | set(item.close_dates))
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
