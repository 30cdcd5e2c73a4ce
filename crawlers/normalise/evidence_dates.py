"""Where a call's closing and opening dates were read.

A relève is quoted in the sentence that names it as a deadline (crawlers/normalise/releves.py run on the
sentence), else with the sentence before it when that one holds the cue (« Dates de relève : » over a list),
else in the sentence that writes the day when the whole text names it as a deadline — a day written without
its year then matches on day and month. Only then is the closing-date field quoted as found. An opening date
comes from the source's fields: its own field first, then a sentence that writes the day.
"""

from __future__ import annotations

from datetime import date

from crawlers.items import RawItem
from crawlers.normalise.dates import DateError, parse_optional_date
from crawlers.normalise.day_tokens import day_tokens, prepare
from crawlers.normalise.evidence_blocks import Block, evidence, stated
from crawlers.normalise.quotes import quote_of
from crawlers.normalise.releves import find_releves
from models.records import FactEvidence


def names_day(text: str, day: date) -> bool:
    """The text writes `day`, with its year or without one (then on day and month)."""
    return any((t.day, t.month) == (day.day, day.month) and t.year in (None, day.year)
               for t in day_tokens(prepare(text)))


def close_date_evidence(day: date, item: RawItem, blocks: list[Block]) -> FactEvidence | None:
    """Where the relève `day` was read: a sentence of `blocks`, else the closing-date field."""
    quoted = _deadline_sentence(day, blocks)
    if quoted:
        return evidence("cloture", day, *quoted)
    raw = next((text for text in item.close_dates if _parsed(text) == day), None)
    return evidence("cloture", day, "champ date de clôture", raw) if raw else None


def opening_evidence(day: date, item: RawItem, blocks: list[Block]) -> FactEvidence | None:
    """Where the opening `day` was read: the opening field, the next campaign's, else a sentence."""
    for raw, block in ((item.open_date, "champ date d'ouverture"), (item.next_campaign, "champ prochaine campagne")):
        if raw and _parsed(raw) == day:
            return evidence("ouverture", day, block, raw)
    return stated("ouverture", day, blocks, lambda s: names_day(s, day))


def _deadline_sentence(day: date, blocks: list[Block]) -> tuple[str, str] | None:
    """(block, quote) of the sentence that names `day` as a deadline."""
    for block in blocks:
        for at, dates in enumerate(block.sentence_releves):
            if day in dates or _names_deadline(block.sentences[at], day):
                return block.name, quote_of(block.sentences[at], lambda s: _names_deadline(s, day))
    for block in blocks:
        for before, sentence in zip(block.sentences, block.sentences[1:]):
            pair = f"{before} {sentence}"
            if names_day(sentence, day) and day in find_releves(pair):
                return block.name, quote_of(pair, lambda s: names_day(s, day))
    for block in (b for b in blocks if day in b.releves):
        sentence = next((s for s in block.sentences if names_day(s, day)), None)
        if sentence:
            return block.name, quote_of(sentence, lambda s: names_day(s, day))
    return None


def _names_deadline(sentence: str, day: date) -> bool:
    """The sentence names `day` as a deadline, its year written or left out (« Clôture le 15 juin à midi. »
    read as if it stated « en 2027 »: the relève reader then dates its days so)."""
    return names_day(sentence, day) and day in find_releves(f"en {day.year} : {sentence}")


def _parsed(text: str | None) -> date | None:
    try:
        return parse_optional_date(text)
    except (DateError, ValueError):
        return None
