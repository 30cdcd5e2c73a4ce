"""A call's facts in French with where each was read, for every surface that shows them: the call page, the
match page, `vigie tune explain` and the porteur's letter.

« Clôture 15/06/2027 — « Date limite de dépôt : 15 juin 2027 à 12h » (page de l'appel) ». A fact the record
keeps no evidence for says so (« provenance inconnue »); a fact the call does not state is not listed
(its own line of the page already reads « — » or « inconnu »). Quotes are plain text: escaping is each
template's job.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from models.display import BENEFICIARY_LABELS, euros, label, percent, place_name, short_date
from models.fact_evidence import evidence_for, facts_of
from models.records import FactEvidence, OpportunityData

FACT_LABELS = {
    "cloture": "Clôture", "ouverture": "Ouverture", "beneficiaire": "Bénéficiaire", "territoire": "Territoire",
    "montant_aide": "Montant de l'aide", "montant_projet": "Budget du projet", "taux": "Taux d'aide",
}
PLURAL_LABELS = {"cloture": "Clôtures", "beneficiaire": "Bénéficiaires", "territoire": "Territoires"}
"""Several facts of a kind read in the same sentence share one line: « Bénéficiaires PME, ETI — « … » »,
« Montant de l'aide de 50 000 € à 2 000 000 € — « … » »."""
_MONEY = ("montant_aide", "montant_projet")
NO_EVIDENCE = "provenance inconnue"
"""What a fact stored without its sentence says in place of one (« provenance inconnue »)."""


def fact_text(fact: str, value: Any) -> str:
    """A fact's value in French: a date, a beneficiary's label, a place's name, euros, a percentage."""
    if fact in ("cloture", "ouverture"):
        return short_date(value)
    if fact == "beneficiaire":
        return label(value, BENEFICIARY_LABELS)
    if fact == "territoire":
        return place_name(str(value))
    if fact == "taux":
        return percent(float(value))
    return euros(value)


def quoted(evidence: FactEvidence | None) -> str:
    """« « Date limite : 15 juin 2027 » (page de l'appel) », with the other source's name when it is one;
    « provenance inconnue » without evidence."""
    if evidence is None:
        return NO_EVIDENCE
    where = f"{evidence.block}, {evidence.source}" if evidence.source else evidence.block
    return f"« {evidence.quote} » ({where})"


def fact_line(fact: str, value: Any, evidence: FactEvidence | None) -> str:
    """« Clôture 15/06/2027 — « Date limite de dépôt : 15 juin 2027 » (page de l'appel) »."""
    return f"{FACT_LABELS.get(fact, fact)} {fact_text(fact, value)} — {quoted(evidence)}"


def evidence_lines(record: OpportunityData) -> list[str]:
    """One line per fact the call states, each with its quote (or « provenance inconnue »); facts of a kind
    read in the same sentence share a line."""
    groups: list[tuple[str, list[Any], FactEvidence | None]] = []
    for fact, value in facts_of(record):
        evidence = evidence_for(record, fact, value)
        last = groups[-1] if groups else None
        if last and evidence and last[0] == fact and _same_place(last[2], evidence):
            last[1].append(value)
        else:
            groups.append((fact, [value], evidence))
    return [_group_line(fact, values, evidence) for fact, values, evidence in groups]


def _same_place(one: FactEvidence | None, other: FactEvidence) -> bool:
    return one is not None and (one.block, one.quote, one.source) == (other.block, other.quote, other.source)


def _group_line(fact: str, values: list[Any], evidence: FactEvidence | None) -> str:
    if len(values) == 1:
        return fact_line(fact, values[0], evidence)
    if fact in _MONEY:
        named = f"{FACT_LABELS[fact]} de {fact_text(fact, min(values))} à {fact_text(fact, max(values))}"
    else:
        named = f"{PLURAL_LABELS.get(fact, fact)} " + ", ".join(fact_text(fact, v) for v in values)
    return f"{named} — {quoted(evidence)}"


def deadline_quote(record: OpportunityData, day: date | None) -> str:
    """What the source says of one relève, for a letter: « « Date limite : 15 juin 2027 » (page de l'appel) »;
    "" when the record keeps no sentence for it (a letter stays short)."""
    evidence = evidence_for(record, "cloture", day) if day else None
    return quoted(evidence) if evidence else ""
