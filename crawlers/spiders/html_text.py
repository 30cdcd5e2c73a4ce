"""Reading a detail page's text: its main container, its sections by heading, programme hints."""

from __future__ import annotations

import re
from typing import Any

from crawlers.normalise.text import fold, html_to_text

_HEADINGS = ("h2", "h3", "h4")
_FRANCE_2030_HINTS = re.compile(r"france ?2030|\bpia ?4\b|\bsgpi\b|investissements d'avenir")
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


def sections(container: Any) -> dict[str, str]:
    """Folded heading text → plain text of the siblings that follow it, up to the next heading."""
    found: dict[str, str] = {}
    for heading in container.xpath(".//*[self::h2 or self::h3 or self::h4]"):
        title = fold(" ".join(" ".join(heading.css("::text").getall()).split()))
        parts = []
        for sibling in heading.xpath("following-sibling::*"):
            if sibling.root.tag in _HEADINGS:
                break
            parts.append(node_text(sibling))
        if title:
            found.setdefault(title, "\n".join(p for p in parts if p))
    return found


def section_matching(found: dict[str, str], pattern: str) -> str:
    """The text of every section whose folded heading matches `pattern`, joined."""
    regex = re.compile(pattern)
    return "\n".join(text for title, text in found.items() if regex.search(title) and text)


def names_france_2030(text: str) -> bool:
    """The page says the call belongs to France 2030 ("France 2030", "PIA4", "SGPI")."""
    return bool(_FRANCE_2030_HINTS.search(fold(text)))


def enrich_from_page(item: Any, container: Any, eligibility_headings: str) -> Any:
    """A RawItem completed from a detail page's main container: full text, eligibility, relèves, France 2030.

    The close dates found in the text are added to those the listing gave (a listing's date is
    often only the next relève).
    """
    from crawlers.normalise.beneficiaries import beneficiary_labels_in_text
    from crawlers.normalise.releves import find_releves

    text = node_text(container)
    item.description = text
    item.amount_text = text
    item.eligibility_text = section_matching(sections(container), eligibility_headings) or item.eligibility_text
    # Without an eligibility section, the page's own sentences on who may apply are read at normalisation.
    item.beneficiary_labels = item.beneficiary_labels or beneficiary_labels_in_text(item.eligibility_text)
    item.close_dates = sorted({*(d.isoformat() for d in find_releves(text)), *item.close_dates})
    if names_france_2030(f"{item.title} {text}") and "France 2030" not in item.programmes:
        item.programmes.append("France 2030")
    item.permanent = item.permanent or says_all_year(text)
    return item


def says_all_year(text: str) -> bool:
    """The text presents a guichet open all year ("tout au long de l'année"); dated deadlines still win."""
    return bool(_ALL_YEAR.search(fold(text)))
