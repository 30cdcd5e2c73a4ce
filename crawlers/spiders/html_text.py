"""Reading a detail page's text: its main container, programme hints, the région a call's title names."""

from __future__ import annotations

import re
from typing import Any

from crawlers.normalise.geography import region_codes_in_text
from crawlers.normalise.text import fold, html_to_text

_FRANCE_2030_HINTS = re.compile(r"france ?2030|\bpia ?4\b|\bsgpi\b|investissements d'avenir")
_REGIONALISED = re.compile(r"\bregionalise|\bvolet regional\b")
_ALL_YEAR = re.compile(r"tout au long de l'annee|au fil de l'eau|sans date limite")


def main_container(response: Any, candidates: tuple[str, ...]) -> Any:
    """The first node matching one of `candidates` (e.g. `.body-content`, `article`, `main`), else `body`."""
    for css in (*candidates, "body"):
        found = response.css(css)
        if found:
            return found[0]
    return response


def node_text(node: Any) -> str:
    """Plain text of a node, one line per block."""
    return html_to_text(node.get() or "")


def names_france_2030(text: str) -> bool:
    """The page says the call belongs to France 2030 ("France 2030", "PIA4", "SGPI")."""
    return bool(_FRANCE_2030_HINTS.search(fold(text)))


def enrich_from_page(item: Any, container: Any, eligibility_headings: str = "") -> Any:
    """A RawItem completed from a detail page's main container (crawlers/spiders/call_page.py): full text,
    who may apply (the shared headings and `eligibility_headings`), coverage, deadlines, France 2030."""
    from crawlers.spiders.call_page import complete_from_container  # it reads this module's hints

    return complete_from_container(item, container, eligibility_headings)


def title_region_codes(title: str) -> list[str]:
    """The région a national operator's call is limited to, as its title states it: « Bretagne | Appel à
    projets … », « … – volet régionalisé Occitanie »; [] when the title names no single région that way."""
    if " | " in title:
        return region_codes_in_text(title.split(" | ")[0])
    named = region_codes_in_text(title) if _REGIONALISED.search(fold(title)) else []
    codes = [code for code in named if code.startswith("REG-")]
    return codes if len(codes) == 1 else []


def says_all_year(text: str) -> bool:
    """The text presents a guichet open all year ("tout au long de l'année"); dated deadlines still win."""
    return bool(_ALL_YEAR.search(fold(text)))
