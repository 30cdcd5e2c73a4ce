"""The texts of a call as evidence is looked for in them: each by the French name of where it was read, cut
into sentences once, and the one way a piece of evidence is built (its quote tidied and kept short)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property

from crawlers.normalise.quotes import ELLIPSIS, quote_of, sentences_of
from crawlers.normalise.releves import find_releves
from models.records import QUOTE_LENGTH, FactEvidence, fact_value


class Block:
    """One text of the call, by the French name of where it was read (« page de l'appel », « éligibilité »)."""

    def __init__(self, name: str, text: str) -> None:
        self.name, self.text = name, text

    @cached_property
    def sentences(self) -> list[str]:
        return sentences_of(self.text)

    @cached_property
    def releves(self) -> set[date]:
        """Every deadline the text names, read whole (a cue may head a list several lines up)."""
        return set(find_releves(self.text))

    @cached_property
    def sentence_releves(self) -> list[set[date]]:
        """The deadlines each sentence names on its own."""
        return [set(find_releves(s)) for s in self.sentences]


def evidence(fact: str, value: object, block: str, quote: str) -> FactEvidence:
    """The evidence of one fact, its quote on one line and cut to QUOTE_LENGTH."""
    quote = " ".join(quote.split())
    if len(quote) > QUOTE_LENGTH:
        quote = quote[:QUOTE_LENGTH - len(ELLIPSIS)].rstrip() + ELLIPSIS
    return FactEvidence(fact=fact, value=fact_value(value), block=block, quote=quote)  # type: ignore[arg-type]


def stated(fact: str, value: object, blocks: list[Block], states: Callable[[str], bool]) -> FactEvidence | None:
    """The evidence of the first sentence of `blocks` that `states` the fact, or None."""
    for block in blocks:
        for sentence in block.sentences:
            if states(sentence):
                return evidence(fact, value, block.name, quote_of(sentence, states))
    return None
