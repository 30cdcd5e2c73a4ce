"""How exactly the crawlers read each fact of each call: crawled records against facts written by hand from the
pages alone (an `expected.csv` per corpus), per source and per field.

Pure: rows and records in, a report out. A call is found when a record of its source has its link (as deduplication
compares links: models/dedup.url_key), else its title (folded). Beneficiaries are compared as sets after one
canonical form: a size stands for the sizes it covers (a PME call admits TPE), and every size together is
« entreprise ». Territories are compared as places: an overseas département and its région (DEP-971, REG-01) are
one territory. An empty expected cell means the page says nothing: a value found there is a guess, counted wrong.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from crawlers.normalise.text import fold
from models.dedup import url_key
from models.errors import VigieError
from models.records import OpportunityData
from models import geo
from models.vocab import COMPANY_SIZES, Beneficiary, sizes_admitted

FIELDS = ("trouvé", "titre", "dates de clôture", "prochaine échéance", "bénéficiaires", "territoire",
          "montant de l'aide", "budget du projet", "taux")
"""The measured fields, in the order they are printed."""
FLOORS = {"dates de clôture": 0.98, "prochaine échéance": 0.98, "bénéficiaires": 0.95, "territoire": 0.97}
"""Share of calls exactly right that a field must reach."""
COLUMNS = ("source", "url", "title", "close_dates", "next_deadline", "beneficiaries", "geo_codes",
           "aid_min", "aid_max", "project_min", "project_max", "rate_max")


@dataclass(frozen=True)
class ExpectedCall:
    """What a careful reader records from a call's pages."""

    line: int
    source: str
    url: str
    title: str
    close_dates: tuple[date, ...]
    next_deadline: date | None
    beneficiaries: frozenset[str]
    geo_codes: frozenset[str]
    amounts: tuple[float | None, ...]
    """aid_min, aid_max, project_min, project_max, rate_max."""


@dataclass
class FieldReport:
    """Right / judged per (source, field), and every miss for reading."""

    right: dict[tuple[str, str], int] = field(default_factory=dict)
    judged: dict[tuple[str, str], int] = field(default_factory=dict)
    misses: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    """(source, title, field, expected, found), in French."""

    def count(self, source: str, name: str, ok: bool, call: ExpectedCall, expected: str, found: str) -> None:
        key = (source, name)
        self.judged[key] = self.judged.get(key, 0) + 1
        self.right[key] = self.right.get(key, 0) + int(ok)
        if not ok:
            self.misses.append((source, call.title, name, expected, found))

    def sources(self) -> list[str]:
        return sorted({s for s, _ in self.judged})

    def share(self, name: str, source: str | None = None) -> tuple[int, int]:
        """(right, judged) for one field, over one source or all."""
        keys = [k for k in self.judged if k[1] == name and (source is None or k[0] == source)]
        return sum(self.right[k] for k in keys), sum(self.judged[k] for k in keys)


def read_expected(path: Path) -> list[ExpectedCall]:
    """The rows of an `expected.csv`; a bad row raises a French error naming its line."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise VigieError("faits attendus illisibles", str(path), f"colonnes absentes : {', '.join(missing)}")
        return [_expected(row, line, path) for line, row in enumerate(reader, start=2)]


def compare(expected: Sequence[ExpectedCall], records: Iterable[OpportunityData], as_of: date) -> FieldReport:
    """Each expected call against the record found for it (a call not found is wrong on every field)."""
    by_source: dict[str, list[OpportunityData]] = {}
    for record in records:
        by_source.setdefault(record.source, []).append(record)
    report = FieldReport()
    for call in expected:
        record = _find(call, by_source.get(call.source, []))
        report.count(call.source, "trouvé", record is not None, call, call.url, "absent")
        for name, want, got in _facts(call, record, as_of):
            report.count(call.source, name, want == got, call, want, got)
    return report


def canonical_beneficiaries(codes: Iterable[str]) -> frozenset[str]:
    """Sizes spelled out by what they cover; every size together is « entreprise »."""
    values = {str(b) for b in Beneficiary}
    written = list(codes)
    found = {str(b) for b in sizes_admitted(Beneficiary(c) for c in written if c in values)}
    found |= {c for c in written if c not in values}
    sizes = {str(s) for s in COMPANY_SIZES}
    if sizes <= found:
        found = (found - sizes) | {"entreprise"}
    return frozenset(found)


def _facts(call: ExpectedCall, record: OpportunityData | None, as_of: date) -> list[tuple[str, str, str]]:
    """(field, expected, found) as French text: equal texts are a right answer."""
    if record is None:
        return [(name, "…", "absent") for name in FIELDS[1:]]
    upcoming = [d for d in record.close_dates if d >= as_of]
    aid = (record.amount_min, record.amount_max)
    project = (record.project_min, record.project_max)
    return [
        ("titre", _fold_title(call.title), _fold_title(record.title)),
        ("dates de clôture", _dates(call.close_dates), _dates(record.close_dates)),
        ("prochaine échéance", _dates([call.next_deadline] if call.next_deadline else []), _dates(upcoming[:1])),
        ("bénéficiaires", _set(call.beneficiaries), _set(canonical_beneficiaries(str(b) for b in record.beneficiaries))),
        ("territoire", _set(_territories(call.geo_codes)),
         _set(_territories(_covered(record.geo_codes, record.geo_exclusions)))),
        ("montant de l'aide", _numbers(call.amounts[:2]), _numbers(aid)),
        ("budget du projet", _numbers(call.amounts[2:4]), _numbers(project)),
        ("taux", _numbers(call.amounts[4:]), _numbers((record.rate_max,))),
    ]


def _covered(codes: list[str], exclusions: list[str]) -> list[str]:
    """Coverage less what it leaves out, as the expected facts write it: the country less whole régions (« hors
    Île-de-France ») is its other régions; a région less some of its départements is its other départements (a
    fact file lists places covered, it has no exclusions column); any other coverage as stored."""
    left_out = [c for c in exclusions if c.startswith("REG-")]
    if codes == [geo.FRANCE] and left_out and len(left_out) == len(exclusions):
        return [f"REG-{code}" for code in geo.regions() if f"REG-{code}" not in left_out]
    deps = {c.removeprefix("DEP-") for c in exclusions if c.startswith("DEP-")}
    if not deps or len(deps) != len(exclusions):
        return codes
    return [place for code in codes for place in _less(code, deps)]


def _less(code: str, deps: set[str]) -> list[str]:
    """A région less some of its départements: the others; any other code as it is."""
    members = [d.code for d in geo.departements().values() if f"REG-{d.region}" == code]
    if not set(members) & deps:
        return [code]
    return [f"DEP-{d}" for d in members if d not in deps]


def _territories(codes: Iterable[str]) -> set[str]:
    """Codes as territories: a département that is its région's only one (DEP-971, Guadeloupe) is that région
    (REG-01), the same COG territory under two codes; every other code as written."""
    by_region: dict[str, list[str]] = {}
    for departement in geo.departements().values():
        by_region.setdefault(departement.region, []).append(departement.code)
    same = {f"DEP-{only[0]}": f"REG-{region}" for region, only in by_region.items() if len(only) == 1}
    return {same.get(code, code) for code in codes}


def _find(call: ExpectedCall, records: list[OpportunityData]) -> OpportunityData | None:
    link = url_key(call.url)
    found = next((r for r in records if link and url_key(r.url) == link), None)
    title = _fold_title(call.title)
    return found or next((r for r in records if _fold_title(r.title) == title), None)


def _fold_title(title: str) -> str:
    return re.sub(r"\W+", " ", fold(title)).strip()


def _dates(days: Iterable[date]) -> str:
    return " ; ".join(f"{d:%d/%m/%Y}" for d in sorted(set(days))) or "inconnu"


def _set(values: Iterable[str]) -> str:
    return " ; ".join(sorted(values)) or "inconnu"


def _numbers(values: Iterable[float | None]) -> str:
    shown = ["—" if v is None else f"{v:g}" for v in values]
    return "inconnu" if all(s == "—" for s in shown) else " / ".join(shown)


def _expected(row: dict[str, str], line: int, path: Path) -> ExpectedCall:
    try:
        return ExpectedCall(
            line=line, source=row["source"].strip(), url=row["url"].strip(), title=row["title"].strip(),
            close_dates=tuple(sorted(date.fromisoformat(d) for d in _split(row["close_dates"]))),
            next_deadline=date.fromisoformat(row["next_deadline"].strip()) if row["next_deadline"].strip() else None,
            beneficiaries=canonical_beneficiaries(_split(row["beneficiaries"])),
            geo_codes=frozenset(_split(row["geo_codes"])),
            amounts=tuple(_amount(row[c]) for c in COLUMNS[7:]),
        )
    except ValueError as exc:
        raise VigieError("faits attendus illisibles", f"{path}, ligne {line}", str(exc)) from exc


def _split(cell: str | None) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _amount(cell: str | None) -> float | None:
    text = (cell or "").strip().replace(" ", "").replace(",", ".")
    return float(text) if text else None
