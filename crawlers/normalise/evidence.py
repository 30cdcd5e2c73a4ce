"""Where each fact of a call was read: the sentence of its text that states it, or the source's own field.

Pure. A fact read in the call's text is quoted in the sentence that states it, found by the readers that
extracted it, run sentence by sentence: relèves (crawlers/normalise/evidence_dates.py), applicants
(beneficiaries_in_text), places (region_codes_in_text), amounts and rates (extract_amounts). A value the
source gives in a field of its own (a closing or opening date, audience labels, a territory, a figure) is its
own evidence, quoted as found. A fact found nowhere keeps no evidence — people then read « provenance
inconnue »: nothing is made up.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from functools import lru_cache

from crawlers.items import RawItem
from crawlers.normalise.amounts import Amounts, extract_amounts
from crawlers.normalise.beneficiaries import beneficiaries_in_text, beneficiaries_of_label
from crawlers.normalise.evidence_blocks import Block, evidence, stated
from crawlers.normalise.evidence_dates import close_date_evidence, opening_evidence
from crawlers.normalise.commune_limits import limited_to_communes
from crawlers.normalise.departement_limits import departements_in
from crawlers.normalise.geography import region_codes_in_text
from crawlers.normalise.text import fold, html_to_text
from models.display import euros, place_name
from models.records import FactEvidence, OpportunityData


def call_evidence(item: RawItem, record: OpportunityData) -> list[FactEvidence]:
    """The evidence of every fact `record` holds, as read from `item` (facts without any are left out)."""
    texts = _blocks(item, record)
    dated = _in_order(texts, "summary", "description", "eligibility", "title", "amounts")
    found = [
        *(close_date_evidence(day, item, dated) for day in record.close_dates),
        opening_evidence(record.open_date, item, dated) if record.open_date else None,
        *(_beneficiary(code, item, texts) for code in record.beneficiaries),
        *(_territory(code, item, texts) for code in record.territories()),
        *_money(record, item, texts),
    ]
    kept: dict[tuple[str, str], FactEvidence] = {}
    for found_one in (e for e in found if e is not None):
        kept.setdefault((found_one.fact, found_one.value), found_one)  # a floor equal to its ceiling: said once
    return list(kept.values())


def _blocks(item: RawItem, record: OpportunityData) -> dict[str, Block]:
    """The call's texts as normalised, by role; the description is « page de l'appel » when it is the page."""
    amount_text = html_to_text(item.amount_text)
    return {
        "summary": Block("résumé", record.summary),
        "description": Block("page de l'appel" if item.from_page else "description", record.description),
        "eligibility": Block("éligibilité", record.eligibility_text),
        "title": Block("titre", record.title),
        "amounts": Block("montants", amount_text if amount_text != record.description else ""),
    }


def _in_order(texts: dict[str, Block], *roles: str) -> list[Block]:
    return [texts[role] for role in roles if texts[role].text]


def _beneficiary(code: str, item: RawItem, texts: dict[str, Block]) -> FactEvidence | None:
    """The eligibility text's sentence, else the source's label, else a sentence of the summary or page."""
    def states(text: str) -> bool:
        return code in _applicants(text)

    said = stated("beneficiaire", code, _in_order(texts, "eligibility"), states)
    label = next((x for x in item.beneficiary_labels if code in beneficiaries_of_label(x)), None)
    if said is None and label:
        return evidence("beneficiaire", code, "libellés de la source", label)
    return said or stated("beneficiaire", code, _in_order(texts, "summary", "description"), states)


def _territory(code: str, item: RawItem, texts: dict[str, Block]) -> FactEvidence | None:
    """A sentence naming the place, else the territory the source gave (its field or its configuration)."""
    said = stated("territoire", code, _in_order(texts, "title", "summary", "description", "eligibility"),
                  lambda s: code in region_codes_in_text(s) or code in departements_in(fold(s))
                  or code in limited_to_communes([fold(s)], []))  # « Ateliers situés à Thiers ou à Ambert »
    if said is None and code in (*item.geo_codes, item.geo_scope):
        return evidence("territoire", code, "territoire de la source", place_name(code))
    return said


def _money(record: OpportunityData, item: RawItem, texts: dict[str, Block]) -> Iterator[FactEvidence | None]:
    """The aid's floor and ceiling (the source's figure, else a sentence), the project's, the rate."""
    blocks = _in_order(texts, "amounts", "description", "summary", "eligibility")
    for value, given in ((record.amount_min, item.amount_min), (record.amount_max, item.amount_max)):
        if value is not None and given is not None and math.isclose(value, given):
            yield evidence("montant_aide", value, "champ montant", euros(given))
        elif value is not None:
            yield stated("montant_aide", value, blocks, _says(value, "amount_min", "amount_max"))
    for value in (record.project_min, record.project_max):
        if value is not None:
            yield stated("montant_projet", value, blocks, _says(value, "project_min", "project_max"))
    if record.rate_max is not None:
        yield stated("taux", record.rate_max, blocks, _says(record.rate_max, "rate_max"))


def _says(value: float, *slots: str) -> Callable[[str], bool]:
    """Whether a sentence names `value` as one of the `slots` of what it says about money."""
    def states(text: str) -> bool:
        found = _amounts(text)
        return any((v := getattr(found, slot)) is not None and math.isclose(v, value) for slot in slots)
    return states


@lru_cache(maxsize=2048)
def _amounts(sentence: str) -> Amounts:
    """What a sentence says about money (read once for every figure looked for)."""
    return extract_amounts(sentence)


@lru_cache(maxsize=2048)
def _applicants(sentence: str) -> tuple[str, ...]:
    """Who a sentence says may apply (read once for every beneficiary looked for)."""
    return tuple(beneficiaries_in_text(sentence))
