"""Sentences of a text that says who may apply, as the applicant reader wants them.

Pages give their text one line per block and sometimes one line per source line. A line that starts in lower
case continues the line before it (a wrapped line, « les PME » under « Sont éligibles : »); the items of a list
announced by « : » stay with the line that announces it, joined by commas, so that « les EPCI » on the third
line is still what « sont éligibles » speaks of, while the items of a list no line announces (« - Être une PME »,
« - Les SCI ne sont pas éligibles ») are sentences of their own; a heading over who may apply (« Bénéficiaires », « Qui peut
candidater ? ») reads as « bénéficiaires : » before its list.
"""

from __future__ import annotations

import re

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.text import fold

_HEADING = re.compile(rf"{T.APPLICANT_HEADING}\s*[?:]?")
_BULLET = re.compile(r"^[-•*–·]\s+")
_ITEM_END = (";", ",", ":")
_SHORT_ITEM = 6
"""Words of a list item without bullet or separator (« PME industrielles »); a longer line starts a paragraph."""
_SENTENCE_END = re.compile(r"(?<=[.;!])\s+|\n+")
_LIST_LINE = re.compile(r"(?<=[,?])\s*\n\s*")


def split_sentences(text: str) -> list[str]:
    """Folded sentences, whitespace collapsed, lists kept with the line that announces them."""
    joined = _LIST_LINE.sub(" ", fold(_join_lines(text or "")))
    return [" ".join(s.split()) for s in _SENTENCE_END.split(joined) if s.strip()]


def _join_lines(text: str) -> str:
    lines: list[str] = []
    listing = False
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if _HEADING.fullmatch(fold(line)):
            line = "bénéficiaires :"
        if lines and listing and (_BULLET.match(line) or _is_item(line, lines[-1])):
            lines[-1] = _with_item(lines[-1], _BULLET.sub("", line))
        elif lines and line[0].islower():
            lines[-1] += f" {line}"
        else:
            lines.append(_BULLET.sub("", line))  # an item of a list no line announces stands on its own
            listing = False
        listing = listing or lines[-1].endswith(":")
    return "\n".join(lines)


def _is_item(line: str, before: str) -> bool:
    """A line of the list `before` announces: after a separator, or short and after an unfinished item."""
    if before.endswith(_ITEM_END):
        return True
    return len(line.split()) <= _SHORT_ITEM and not before.endswith((".", "!", "?"))


def _with_item(before: str, item: str) -> str:
    if before.endswith(":"):
        return f"{before} {item}"
    return f"{before.rstrip(' ;,')}, {item}"
