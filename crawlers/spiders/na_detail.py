"""Nouvelle-Aquitaine fiche pages (sources.md §4), read after the RSS item they complete.

Header blocks `div.categories p`, in order: publics concernés, domaines secondaires, date de fin
de publication ("31 janvier 2025"); each is recognised by its label first, by its rank otherwise.
Body sections `div.dispositif-aide > div.mod-textSimple` (objectifs, calendrier, bénéficiaires,
montant, critères, modalités) are recognised by their heading; the section on who may apply (« Bénéficiaires »,
« Pour qui ? ») is the call's eligibility text. A page without these blocks
leaves the feed's item as it was.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawlers.items import RawItem
from crawlers.normalise.beneficiaries import beneficiaries_of_label, beneficiary_labels_in_text
from crawlers.normalise.beneficiary_tables import APPLICANT_HEADING
from crawlers.normalise.dates import DateError, parse_datetime
from crawlers.normalise.releves import dates_in, find_releves
from crawlers.normalise.text import fold
from crawlers.spiders.html import text_of
from crawlers.spiders.html_text import names_france_2030, node_text

# ── Selectors (sources.md §4) ──────────────────────────────────────────────────────────────────
TITLE = "h1.headline-aide"
CHAPO = "div.mod-chapo"
CATEGORIES = "div.categories p"
SECTIONS = "div.dispositif-aide > div.mod-textSimple"
SECTION_HEADING = "h2, h3, h4, strong"
CALL_TAGS = {"span.tag-appel-projet": "Appel à projets", "span.tag-appel-manifestation": "Appel à manifestation d'intérêt"}
EUROPE_TAG = "span.tag-europe"
BREADCRUMB_THEME = "ul.m-breadcrumb__list > li:nth-child(2) > span"
# ────────────────────────────────────────────────────────────────────────────────────────────────
_HEADER_ORDER = ("publics", "domaines", "fin de publication")
_ALL_YEAR = re.compile(r"tout au long de l'annee|au fil de l'eau")
_WHO_MAY_APPLY = re.compile(rf"{APPLICANT_HEADING}\s*[?:]?")
"""« Bénéficiaires », « Pour qui ? », « Qui peut candidater ? », « Publics éligibles »: the section on who may apply."""


def read_fiche_page(response: Any, item: RawItem) -> RawItem:
    """The feed's item completed by its fiche page."""
    item.title = text_of(response, TITLE) or item.title
    item.summary = text_of(response, CHAPO) or item.summary
    _read_header(response, item)
    sections = _sections(response)
    if sections:
        item.description = "\n".join(f"{title}\n{text}" for title, text in sections.items())
        _read_sections(sections, item)
    item.instrument_labels += [label for css, label in CALL_TAGS.items() if response.css(css)]
    if response.css(EUROPE_TAG):
        item.programmes.append("Fonds européens")
    theme = text_of(response, BREADCRUMB_THEME)
    if theme and theme not in item.themes:
        item.themes.append(theme)
    if names_france_2030(f"{item.title} {item.summary} {item.description}"):
        item.programmes.append("France 2030")
    return item


def fiche_links(response: Any) -> list[str]:
    """Links of the page to fiches of the same site: paths `/<thématique>/<fiche>` (structure inferred)."""
    host, found = urlsplit(response.url).netloc, {}
    for href in response.css("a[href]::attr(href)").getall():
        url = urljoin(response.url, href.strip())
        parts = urlsplit(url)
        segments = [s for s in parts.path.split("/") if s]
        if parts.netloc == host and len(segments) == 2 and "." not in segments[-1] and not parts.query:
            found.setdefault(f"{parts.scheme}://{parts.netloc}{parts.path}", None)
    return list(found)


def _read_header(response: Any, item: RawItem) -> None:
    for rank, paragraph in enumerate(response.css(CATEGORIES)):
        label, _, value = text_of(paragraph).partition(":")
        if not value:
            label, value = "", label
        kind = next((k for k in _HEADER_ORDER if k in fold(label)), _HEADER_ORDER[min(rank, 2)])
        if kind == "publics":
            labels = [p.strip() for p in value.split(",") if p.strip()]
            item.beneficiary_labels = list(dict.fromkeys([*item.beneficiary_labels, *labels]))
        elif kind == "domaines":
            item.themes = list(dict.fromkeys([*item.themes, *(t.strip() for t in value.split(",") if t.strip())]))
        else:
            item.close_dates = sorted({*item.close_dates, *(d.isoformat() for d in dates_in(value))})


def _sections(response: Any) -> dict[str, str]:
    """Heading → text of each `mod-textSimple` block (its heading line removed)."""
    found: dict[str, str] = {}
    for block in response.css(SECTIONS):
        heading = text_of(block, SECTION_HEADING)
        text = node_text(block)
        body = text[len(heading):].strip() if heading and text.startswith(heading) else text
        found[heading or f"section {len(found) + 1}"] = body
    return found


def _read_sections(sections: dict[str, str], item: RawItem) -> None:
    for heading, text in sections.items():
        key = fold(heading)
        if "calendrier" in key:
            days = find_releves(text, _published(item))
            item.close_dates = sorted({*item.close_dates, *(d.isoformat() for d in days)})
            item.permanent = item.permanent or bool(_ALL_YEAR.search(fold(text)))
        elif "beneficiaire" in key or _WHO_MAY_APPLY.fullmatch(key):
            _read_who_may_apply(text, item)
        elif "montant" in key:
            item.amount_text = text


def _published(item: RawItem) -> date | None:
    """The day the feed published the fiche: days the calendar writes without their year come after it."""
    for stamp in (s for s in (item.open_date, item.updated_at) if s):
        try:
            return parse_datetime(stamp).date()
        except (DateError, ValueError, TypeError):
            continue
    return None


def _read_who_may_apply(text: str, item: RawItem) -> None:
    """The section is the call's eligibility text: the applicants it names win over the « Publics concernés »
    header line, which only stands when the section names none."""
    item.eligibility_text = "\n".join(t for t in (item.eligibility_text, text) if t)
    if not any(beneficiaries_of_label(label) for label in item.beneficiary_labels):
        item.beneficiary_labels = beneficiary_labels_in_text(item.eligibility_text)
