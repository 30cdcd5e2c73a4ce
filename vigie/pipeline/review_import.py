"""`vigie review import`: decisions taken outside the queue (a spreadsheet of fiche, call, decision), all or none.

A file of columns `fiche_id, source_id, decision` (accepte | rejete, accents and case aside), optional `motif`
and `date` (AAAA-MM-JJ, or JJ/MM/AAAA as French Excel rewrites it; today by default), separated by `;` or `,`,
UTF-8 with or without BOM (or Windows-1252), or an .xlsx sheet — read like a plan d'actions file. Every row is
checked before anything is written; one bad row and nothing is stored (`DecisionImport.problems`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from matcher.pipeline import fiche_pairs
from models.callref import designates
from models.errors import PlanImportError
from models.french import fold
from models.plan.cells import parse_text
from models.plan.reader import SUPPORTED_SUFFIXES, RawRow, read_table
from models.store import Store
from models.store.matches import ImportedDecision
from models.vocab import ReviewStatus
from vigie.pipeline.clock import PARIS, today, utcnow

REQUIRED = ("fiche_id", "source_id", "decision")
OPTIONAL = ("motif", "date")
DECISIONS = {"accepte": ReviewStatus.ACCEPTED, "acceptee": ReviewStatus.ACCEPTED,
             "rejete": ReviewStatus.REJECTED, "rejetee": ReviewStatus.REJECTED}
"""Decision words, folded (case and accents aside): « Accepté », « rejetée »…"""
FRENCH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
IMPORT_REVIEWER = "import"
"""Reviewer recorded when `--par` is not given."""


@dataclass(frozen=True)
class CallRow:
    """A stored call's row as a designation can name it."""

    id: int
    source: str
    source_id: str
    group: int
    """Id of its canonical call."""


class CallIndex:
    """Resolves `source_id` cells (an identifier, or SOURCE:IDENTIFIANT) to every stored row of one call."""

    def __init__(self, rows: Sequence[CallRow], scored: Mapping[int, int]) -> None:
        """`scored`: canonical call id → the row `vigie match` scores today (the first still open one)."""
        self.rows, self.scored = list(rows), scored

    def resolve(self, ref: str) -> tuple[int, ...] | str:
        """Ids of the call's rows, the scored one first; or why the designation fails (French)."""
        groups = sorted({r.group for r in self.rows if designates(ref, r.source, r.source_id)})
        if not groups:
            return f"appel inconnu « {ref} »"
        if len(groups) > 1:
            named = ", ".join(f"{r.source}:{r.source_id}" for r in self.rows if r.group in groups
                              and designates(ref, r.source, r.source_id))
            return f"identifiant d'appel ambigu « {ref} », précisez : {named}"
        members = [r.id for r in self.rows if r.group == groups[0]]
        first = self.scored.get(groups[0], groups[0])
        return (first, *[m for m in members if m != first])


@dataclass
class DecisionImport:
    """What a file holds: the decisions to record, or the problems that stop everything."""

    decisions: list[ImportedDecision] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    created: int = 0
    """Pairs never scored before, recorded so that the decision is kept."""

    @property
    def accepted(self) -> int:
        """How many acceptances."""
        return sum(d.status == ReviewStatus.ACCEPTED for d in self.decisions)

    def summary(self) -> str:
        """« 42 décisions importées : 12 acceptées, 30 rejetées »."""
        n, yes = len(self.decisions), self.accepted
        s = "s" if n > 1 else ""
        line = (f"{n} décision{s} importée{s} : {yes} acceptée{'s' if yes > 1 else ''}, "
                f"{n - yes} rejetée{'s' if n - yes > 1 else ''}")
        if self.created:
            line += (f" ({self.created} paire(s) jamais calculée(s) enregistrée(s) avec leur décision : "
                     "le prochain « vigie match » les notera)")
        return line


def check_rows(header: Sequence[str], rows: Sequence[RawRow], header_line: int, fiches: Mapping[str, str],
               calls: CallIndex, day: date, now: datetime) -> DecisionImport:
    """Every row checked against the stored fiches (fiche id → porteur id) and calls; decisions without a date
    are dated `now`."""
    columns = {fold(name): n for n, name in enumerate(header)}
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        expected = ", ".join(REQUIRED)
        return DecisionImport(problems=[f"ligne {header_line or 1} : colonne(s) absente(s) : {', '.join(missing)} "
                                        f"(attendues : {expected} ; facultatives : {', '.join(OPTIONAL)})"])
    if not rows:
        return DecisionImport(problems=["le fichier ne contient aucune décision"])
    result, seen = DecisionImport(), {}
    for row in rows:
        values = {name: _cell(row, columns.get(name)) for name in (*REQUIRED, *OPTIONAL)}
        found = _check_row(values, fiches, calls, day, now)
        if isinstance(found, str):
            result.problems.append(f"ligne {row.line} : {found}")
            continue
        pair = (found.fiche_id, found.opportunity_ids[0])
        if pair in seen:
            result.problems.append(f"ligne {row.line} : même fiche et même appel qu'à la ligne {seen[pair]}")
            continue
        seen[pair] = row.line
        result.decisions.append(found)
    if result.problems:
        result.decisions = []
    return result


def _cell(row: RawRow, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    return parse_text(row.cells[index]) or ""


def _check_row(values: Mapping[str, str], fiches: Mapping[str, str], calls: CallIndex, day: date,
               now: datetime) -> ImportedDecision | str:
    """The decision of one row, or what is wrong with it (the first problem found)."""
    empty = [name for name in REQUIRED if not values[name]]
    if empty:
        return f"valeur manquante : {', '.join(empty)}"
    fiche, ref = values["fiche_id"], values["source_id"]
    if fiche not in fiches:
        return f"fiche-action inconnue « {fiche} »"
    rows = calls.resolve(ref)
    if isinstance(rows, str):
        return rows
    status = DECISIONS.get(fold(values["decision"]))
    if status is None:
        return f"décision « {values['decision']} » non reconnue (« accepté » ou « rejeté » attendu)"
    at = parse_day(values["date"], day) if values["date"] else now
    if isinstance(at, str):
        return at
    return ImportedDecision(fiche, fiches[fiche], rows, status, at, values["motif"] or None)


def parse_day(text: str, day: date) -> datetime | str:
    """Noon (Paris) of an AAAA-MM-JJ or JJ/MM/AAAA day not after `day`, as stored; or why it is refused."""
    french = FRENCH_DATE.match(text)
    iso = f"{french[3]}-{int(french[2]):02d}-{int(french[1]):02d}" if french else text.split("T")[0]
    try:
        found = date.fromisoformat(iso)
    except ValueError:
        return f"date « {text} » invalide (AAAA-MM-JJ attendu)"
    if found > day:
        return f"date « {text} » dans le futur"
    return datetime.combine(found, time(12), PARIS).astimezone(UTC)


def call_index(store: Store, day: date) -> CallIndex:
    """Every stored call (closed ones too: a decision on them still teaches), grouped by canonical call."""
    groups = store.call_groups()
    rows = [CallRow(oid, o.source, o.source_id, groups[(o.source, o.source_id)])
            for oid, o in store.opportunities(include_closed=True)]
    group_of = {r.id: r.group for r in rows}
    scored = {group_of[oid]: oid for oid, _ in store.canonical_opportunities(as_of=day, include_closed=False)}
    return CallIndex(rows, scored)


def import_decisions(store: Store, path: Path, reviewer: str | None = None) -> DecisionImport:
    """Check the file, then record every decision (or none); the reviewer is `reviewer` or « import »."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return DecisionImport(problems=[f"{path.name} : format « {path.suffix or 'sans extension'} » non pris en "
                                        "charge (enregistrez les décisions en .csv ou .xlsx)"])
    try:
        table = read_table(path)
    except PlanImportError as exc:
        return DecisionImport(problems=exc.problems)
    plan = store.plan()
    fiches = {f.id: p.id for f, p in fiche_pairs(plan.fiches, {p.id: p for p in plan.porteurs})}
    day, now = today(), utcnow()
    result = check_rows(table.header, table.rows, table.header_line, fiches, call_index(store, day), day, now)
    if not result.problems:
        result.created = store.import_decisions(result.decisions, reviewer or IMPORT_REVIEWER, now)
    return result
