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

from typing import Any

from crawlers.items import RawItem
from crawlers.normalise.beneficiaries import beneficiary_labels_in_text
from crawlers.spiders.departement_coverage import departement_codes
from crawlers.spiders.detail_page import coverage_codes, eligibility_text, fill_from_page, page_deadlines
from crawlers.spiders.page_sections import read_page

_ITSELF = ("*",)
"""The container read as it is (its first descendant-or-self element is itself)."""


def complete_from_container(item: RawItem, container: Any, more_headings: str = "") -> RawItem:
    """The item completed by the page whose main container is `container`."""
    page = read_page(container, _ITSELF)
    if not page.text.strip():
        return item
    geo_codes = departement_codes(page.sections) or coverage_codes(page)
    deadlines = page_deadlines(page.text, page.sections, item.open_date)
    fill_from_page(item, page, eligibility_text(page, more_headings), geo_codes, deadlines)
    # Without an eligibility section, the page's own sentences on who may apply are read at normalisation.
    item.beneficiary_labels = item.beneficiary_labels or beneficiary_labels_in_text(item.eligibility_text)
    return item
