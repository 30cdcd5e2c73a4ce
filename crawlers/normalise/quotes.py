"""A call's text cut into the sentences it writes, and a short quote of one around a fact.

Unlike crawlers/normalise/sentences.py (folded text for the applicant reader), the sentences keep the source's
own words, case and accents: they are shown to people. A page gives one line per block: a line ending in « : »
takes the short lines after it as its list (« Dates de relève : 9 novembre 2026, 8 mars 2027 »), a line that
starts in lower case continues the line before it, and a line holds several sentences when a full stop is
followed by a capital.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from models.records import QUOTE_LENGTH

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(A-ZÀ-ÖØ-Þ0-9•])")
_BULLET = re.compile(r"^[-•*–·▪]\s*")
_LIST_ITEM_WORDS = 12
"""Words of a list item; a longer line after « : » starts a paragraph of its own."""
_SENTENCE_WORDS = 4
"""Words from which a capitalised line ending in a full stop is a sentence, not a list item."""
_STEP = 30
"""Characters between the starts of two windows tried in a long sentence."""
ELLIPSIS = "…"


def sentences_of(text: str) -> list[str]:
    """The text's sentences in reading order, spaces collapsed, each list kept with the line announcing it."""
    found: list[str] = []
    for line in _joined_lines(text or ""):
        found += [part.strip() for part in _SENTENCE_END.split(line) if part.strip()]
    return found


def quote_of(sentence: str, states: Callable[[str], bool]) -> str:
    """The sentence, or for a long one the first window of it that still `states` the fact, « … » marking
    the cut; the sentence's start when no window does."""
    if len(sentence) <= QUOTE_LENGTH:
        return sentence
    room = QUOTE_LENGTH - 2 * len(ELLIPSIS)
    for start in _window_starts(sentence):
        window = _words_within(sentence[start:], room)
        if states(window):
            return (ELLIPSIS if start else "") + window + ELLIPSIS
    return _words_within(sentence, room) + ELLIPSIS


def _joined_lines(text: str) -> list[str]:
    lines: list[str] = []
    listing = False
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        item = _BULLET.sub("", line)
        if lines and line[0].islower():
            lines[-1] += f" {line}"
        elif lines and listing and (item != line or _is_item(line)):
            lines[-1] = _with_item(lines[-1], item)
        else:
            lines.append(line)
            listing = False
        listing = listing or lines[-1].endswith(":")
    return lines


def _is_item(line: str) -> bool:
    """A short line that is no sentence of its own (« 9 mars 2027 », « PME industrielles ; »): a sentence
    starts with a capital and ends with a full stop (« Le jury se réunit ensuite. »)."""
    words = line.split()
    sentence = line[0].isupper() and line.endswith((".", "!", "?")) and len(words) >= _SENTENCE_WORDS
    return len(words) <= _LIST_ITEM_WORDS and not sentence


def _with_item(before: str, item: str) -> str:
    if before.endswith(":"):
        return f"{before} {item}"
    return f"{before.rstrip(' ;,.')}, {item}"


def _window_starts(sentence: str) -> list[int]:
    """Word starts about `_STEP` characters apart."""
    starts, last = [0], 0
    for match in re.finditer(r"(?<=\s)\S", sentence):
        if match.start() - last >= _STEP:
            starts.append(match.start())
            last = match.start()
    return starts


def _words_within(text: str, room: int) -> str:
    """The text's first words that fit in `room` characters."""
    if len(text) <= room:
        return text.strip()
    cut = text[:room + 1].rsplit(" ", 1)[0]
    return (cut if cut.strip() else text[:room]).strip()
