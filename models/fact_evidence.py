"""A call's facts one by one, each with the evidence the record keeps for it (models.records.FactEvidence).

Pure. The facts are those the normaliser quotes (crawlers/normalise/evidence.py): every relève, the opening,
each beneficiary, each territory, the aid's floor and ceiling, the project's, the rate. A call read back from
several sources (models/merge.py) keeps, for each of its facts, the evidence of the first copy that has some.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.records import FactEvidence, OpportunityData, fact_value


def facts_of(record: OpportunityData) -> list[tuple[str, Any]]:
    """(fact, value) of every fact the record states, in the order a page shows them."""
    facts: list[tuple[str, Any]] = [("cloture", day) for day in record.close_dates]
    if record.open_date:
        facts.append(("ouverture", record.open_date))
    facts += [("beneficiaire", code) for code in record.beneficiaries]
    facts += [("territoire", code) for code in record.territories()]
    for fact, values in (("montant_aide", (record.amount_min, record.amount_max)),
                         ("montant_projet", (record.project_min, record.project_max))):
        facts += [(fact, v) for v in dict.fromkeys(values) if v is not None]
    if record.rate_max is not None:
        facts.append(("taux", record.rate_max))
    return facts


def evidence_for(record: OpportunityData, fact: str, value: Any) -> FactEvidence | None:
    """The evidence the record keeps for one of its facts, or None."""
    wanted = fact_value(value)
    return next((e for e in record.evidence if e.fact == fact and e.value == wanted), None)


def merged_evidence(copies: Sequence[OpportunityData], merged: OpportunityData) -> list[FactEvidence]:
    """For each fact of `merged`, the first copy's evidence of it; another source's is marked with its slug."""
    kept = []
    for fact, value in facts_of(merged):
        for copy in copies:
            found = evidence_for(copy, fact, value)
            if found:
                kept.append(found if copy.source == merged.source else found.model_copy(update={"source": copy.source}))
                break
    return kept
