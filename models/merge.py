"""One call listed by several sources becomes one record with the best fact of each field.

Pure. The copies come canonical first (the oldest row). Field by field:
- close dates: every relève any copy names (a source that lists only the next one loses none of the others);
- beneficiaries: the narrowest list that every other known list contains (« PME » within « entreprises »);
  when the copies disagree, the canonical copy's list stays, since neither can be preferred on evidence;
- territory: the finest codes (commune < département < région < pays) — a national listing of a regional call;
- amounts, rate, opening, recurrence, links: the first copy that states them; texts: the longest;
- funders, programmes, instruments, themes: every value of every copy.
`fact_sources` says which source gave the merged value of each field that was not the canonical copy's own.
Each merged fact keeps the evidence of the first copy that quotes it (models/fact_evidence.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from models.fact_evidence import merged_evidence
from models.records import OpportunityData
from models.vocab import sizes_admitted

_GEO_RANK = {"COM": 0, "EPCI": 1, "DEP": 2, "REG": 3, "PAYS": 4}
_FIRST_STATED = ("apply_url", "amount_min", "amount_max", "project_min", "project_max", "rate_max", "open_date",
                 "recurrence", "geo_scope")
_LONGEST = ("summary", "description", "eligibility_text")
_UNION = ("funders", "programmes", "instruments", "themes")


def merge_copies(copies: Sequence[OpportunityData]) -> OpportunityData:
    """The canonical copy completed by the others; a lone copy is returned as it is."""
    first = copies[0]
    if len(copies) == 1:
        return first
    chosen: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for name, pick in _RULES.items():
        value, source = pick(copies, name)
        chosen[name] = value
        if source and source != first.source and value != getattr(first, name):
            origin[name] = source
    merged = first.model_copy(update={**chosen, "fact_sources": origin})
    return merged.model_copy(update={"evidence": merged_evidence(copies, merged)})


def _close_dates(copies: Sequence[OpportunityData], name: str) -> tuple[Any, str | None]:
    days = sorted({d for c in copies for d in c.close_dates})
    extra = next((c.source for c in copies if set(c.close_dates) - set(copies[0].close_dates)), None)
    return days, extra


def _beneficiaries(copies: Sequence[OpportunityData], name: str) -> tuple[Any, str | None]:
    known = [c for c in copies if c.beneficiaries]
    for copy in sorted(known, key=lambda c: len(sizes_admitted(c.beneficiaries))):
        mine = sizes_admitted(copy.beneficiaries)
        if all(mine <= sizes_admitted(other.beneficiaries) for other in known):
            return copy.beneficiaries, copy.source
    return copies[0].beneficiaries, copies[0].source


def _geo(copies: Sequence[OpportunityData], name: str) -> tuple[Any, str | None]:
    known = [c for c in copies if c.geo_codes]
    if not known:
        return [], None
    finest = min(known, key=lambda c: min(_GEO_RANK.get(code.split("-")[0], 5) for code in c.geo_codes))
    return finest.geo_codes, finest.source


def _first_stated(copies: Sequence[OpportunityData], name: str) -> tuple[Any, str | None]:
    copy = next((c for c in copies if getattr(c, name) not in (None, "")), None)
    return (getattr(copy, name), copy.source) if copy else (None, None)


def _longest(copies: Sequence[OpportunityData], name: str) -> tuple[Any, str | None]:
    copy = max(copies, key=lambda c: len(getattr(c, name)))
    return getattr(copy, name), copy.source


def _union(copies: Sequence[OpportunityData], name: str) -> tuple[Any, str | None]:
    values = list(dict.fromkeys(v for c in copies for v in getattr(c, name)))
    extra = next((c.source for c in copies if set(getattr(c, name)) - set(getattr(copies[0], name))), None)
    return values, extra


_RULES: dict[str, Callable[[Sequence[OpportunityData], str], tuple[Any, str | None]]] = {
    "close_dates": _close_dates, "beneficiaries": _beneficiaries, "geo_codes": _geo,
    **{name: _first_stated for name in _FIRST_STATED}, **{name: _longest for name in _LONGEST},
    **{name: _union for name in _UNION},
}
