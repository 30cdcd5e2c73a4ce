"""Text clean-up: HTML → plain text, whitespace, label lists, canonical URLs."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import lxml.html

from models.french import fold

__all__ = ["CELL_SEPARATOR", "canonical_url", "first_link", "fold", "html_to_text", "one_line", "split_labels",
           "without_tracking"]
"""`fold` is models.french's, named here too because every collector matches labels through this module."""

_LOOKS_HTML = re.compile(r"<[a-zA-Z/!]|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object")
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "blockquote", "dd", "dt",
}
_CELL_TAGS = {"td", "th"}
CELL_SEPARATOR = " | "
"""Between two cells of a table row, which reads as one line: « Collectivités territoriales | Non »."""
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u202f\u2009]+")


def html_to_text(value: str | None) -> str:
    """Plain text of an HTML fragment: entities decoded, scripts/styles dropped, one line per block."""
    if not value:
        return ""
    if not _LOOKS_HTML.search(value):
        return _tidy_lines(value)
    root = lxml.html.fragment_fromstring(value, create_parent="div")
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _CELL_TAGS and element.getnext() is not None and element.getnext().tag in _CELL_TAGS:
            element.tail = CELL_SEPARATOR + (element.tail or "")
    return _tidy_lines(root.text_content())


def one_line(value: str | None) -> str:
    """HTML or text collapsed into a single line (titles, summaries)."""
    return " ".join(html_to_text(value).split())


def _tidy_lines(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def split_labels(value: object, separator: str) -> list[str]:
    """A list of labels from a list or a `separator`-joined string; blanks dropped, order kept."""
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(separator)
    labels = (one_line(str(item)) for item in items)
    return list(dict.fromkeys(label for label in labels if label))


def canonical_url(url: str) -> str:
    """The URL without query, fragment and trailing slash (HTML and feed items are keyed by it)."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


def without_tracking(url: str) -> str:
    """The URL without `utm_*` / `mtm_*` parameters (a source's own page, for display and dedup)."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.startswith(("utm_", "mtm_"))]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def first_link(value: str | None) -> str | None:
    """The first absolute http(s) link in an HTML fragment or a text."""
    if not value:
        return None
    if _LOOKS_HTML.search(value):
        root = lxml.html.fragment_fromstring(value, create_parent="div")
        hrefs = [h.strip() for h in root.xpath(".//a/@href") if h.strip().lower().startswith(("http://", "https://"))]
        if hrefs:
            return hrefs[0]
    match = re.search(r"https?://[^\s<>\"')\]]+", value)
    return match[0].rstrip(".,;") if match else None
