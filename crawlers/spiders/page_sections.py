"""A detail page's main text, cut into sections by its headings, whatever the site's markup.

The main container is the first of the candidates found (e.g. `main`, `article`), else `body`. Left out
of it: navigation, breadcrumbs, forms, scripts, the site's own header and footer (those of an `article`
stay: they may carry its dates) and the cards of other calls ("Ces aides peuvent aussi vous intéresser").
A heading is an `h2`–`h5`, a definition term, a field label (Drupal `.field__label`), an accordion's
`summary` or toggle button, or a paragraph holding only bold text. Its section is the text that follows
it in reading order up to the next heading, at any depth: a heading wrapped in its own `div` still heads
the text after that `div`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import lxml.html

from crawlers.normalise.text import html_to_text

# ── Markup read (generic: Drupal, WordPress, DSFR pages) ──────────────────────────────────────────
LEFT_OUT = (
    ".//nav | .//form | .//script | .//style | .//noscript | .//*[@role='navigation']"
    " | .//*[contains(@class, 'breadcrumb')] | .//*[contains(@class, 'related')]"
    " | .//*[contains(@data-component-id, ':card')]"
    " | .//header[not(ancestor::article)] | .//footer[not(ancestor::article)]"
)
HEADINGS = (
    ".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::dt or self::summary"
    " or self::button[@aria-controls]"
    " or contains(concat(' ', normalize-space(@class), ' '), ' field__label ')"
    " or (self::p and count(*) = 1 and (b or strong) and normalize-space(.) = normalize-space(b | strong))]"
)
# ────────────────────────────────────────────────────────────────────────────────────────────────
_MARK = "\u241e"
"""Starts the line of a heading in the flattened text (a character no page writes)."""
_LONGEST_HEADING = 160


@dataclass(frozen=True)
class PageText:
    """The readable text of a page's main container."""

    text: str
    """Plain text, one line per block."""
    sections: tuple[tuple[str, str], ...]
    """(heading, text under it) in reading order; the text before the first heading is left out."""


def read_page(response: Any, containers: tuple[str, ...]) -> PageText:
    """The main container's text and sections."""
    node = next((found[0] for css in (*containers, "body") if (found := response.css(css))), None)
    if node is None or not isinstance(node.root, lxml.html.HtmlElement):
        return PageText("", ())
    root = copy.deepcopy(node.root)
    for element in root.xpath(LEFT_OUT):
        if element.getparent() is not None:
            element.drop_tree()
    _mark_headings(root)
    lines = html_to_text(lxml.html.tostring(root, encoding="unicode")).split("\n")
    text = "\n".join(line.removeprefix(_MARK) for line in lines)
    return PageText(text, _sections(lines))


def _mark_headings(root: lxml.html.HtmlElement) -> None:
    """Each heading becomes one marked line of its own text."""
    for heading in root.xpath(HEADINGS):
        words = " ".join(heading.text_content().split())
        if not words or len(words) > _LONGEST_HEADING:
            continue
        for child in list(heading):
            heading.remove(child)
        heading.text = f"\n{_MARK}{words}\n"


def _sections(lines: list[str]) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith(_MARK):
            found.append((line.removeprefix(_MARK).strip(), []))
        elif found:
            found[-1][1].append(line)
    return tuple((heading, "\n".join(body)) for heading, body in found)
