"""Reference eligibility from facts written by a person for each call (call_facts.csv), not read by Vigie.

Columns: `id` (the call's source_id), `beneficiaires` (Vigie's words separated by |: epci|entreprise:pme|association,
or `inconnu`), `territoires` (COG codes PAYS-99100|REG-76|DEP-32, or `inconnu`), `date_cloture` (AAAA-MM-JJ,
`permanent` or `inconnu`), `exclusions` (COG codes the call leaves out; other words are kept as notes, not judged).

A pair is eligible unless a written fact excludes it: the porteur's type and size are not among the beneficiaries,
its places are not covered, or the call closed before the day of the evaluation. An unknown fact never excludes,
and a call with no line of facts is eligible. The admission rule (a PME call admits a TPE…) and the coverage rule
are Vigie's own (matcher.eligibility, models.geo): only the facts differ.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from models import geo
from models.records import Criterion, PorteurData
from models.vocab import Beneficiary

from matcher.eligibility import KO, OK, UNKNOWN, porteur_admitted

CRITERIA = ("beneficiaire", "territoire", "calendrier")
"""The criteria that facts can settle (the amount is not written down)."""
UNKNOWN_WORD = "inconnu"


@dataclass(frozen=True)
class CallFacts:
    """What a person wrote down about one call."""

    call_id: str
    beneficiaries: frozenset[Beneficiary] | None
    """None: unknown."""
    places: tuple[str, ...] | None
    """COG codes covered; None: unknown."""
    exclusions: tuple[str, ...]
    """COG codes left out."""
    closes: date | None
    """Last day to apply; None when permanent or unknown."""
    permanent: bool
    notes: tuple[str, ...] = ()
    """Exclusions that are not places (kept, not judged)."""


def parse_facts(rows: Sequence[Mapping[str, str]]) -> dict[str, CallFacts]:
    """Facts by call id; raises ValueError naming the bad line (header = line 1)."""
    facts = {}
    for number, row in enumerate(rows, start=2):
        try:
            found = _facts(row)
        except ValueError as exc:
            raise ValueError(f"ligne {number} : {exc}") from None
        facts[found.call_id] = found
    return facts


def _facts(row: Mapping[str, str]) -> CallFacts:
    call = (row.get("id") or "").strip()
    if not call:
        raise ValueError("identifiant d'appel (id) manquant")
    closes, permanent = _closing(_cell(row, "date_cloture"))
    places, notes = _codes(_cell(row, "exclusions"), strict=False)
    return CallFacts(call, _beneficiaries(_cell(row, "beneficiaires")), _places(_cell(row, "territoires")),
                     places, closes, permanent, notes)


def _cell(row: Mapping[str, str], column: str) -> str:
    return (row.get(column) or "").strip()


def _words(cell: str) -> list[str]:
    return [w.strip() for w in cell.split("|") if w.strip()]


def _beneficiaries(cell: str) -> frozenset[Beneficiary] | None:
    if cell.lower() in ("", UNKNOWN_WORD):
        return None
    found = set()
    for word in _words(cell.lower()):
        kind, _, size = word.partition(":")
        name = size if kind == "entreprise" and size else kind
        try:
            found.add(Beneficiary(name))
        except ValueError:
            raise ValueError(f"bénéficiaire inconnu « {word} » (attendu par exemple epci, entreprise:pme, "
                             "association ou inconnu)") from None
    return frozenset(found)


def _places(cell: str) -> tuple[str, ...] | None:
    if cell.lower() in ("", UNKNOWN_WORD):
        return None
    return _codes(cell, strict=True)[0]


def _codes(cell: str, strict: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(COG codes, other words); with `strict`, a word that is not a known code is an error."""
    if cell.lower() == UNKNOWN_WORD:
        return (), ()
    codes, notes = [], []
    for word in _words(cell):
        problem = geo.check_code(word)
        if problem and strict:
            raise ValueError(problem)
        (notes if problem else codes).append(word)
    return tuple(codes), tuple(notes)


def _closing(cell: str) -> tuple[date | None, bool]:
    if cell.lower() in ("", UNKNOWN_WORD):
        return None, False
    if cell.lower() == "permanent":
        return None, True
    try:
        return date.fromisoformat(cell), False
    except ValueError:
        raise ValueError(f"date de clôture « {cell} » invalide (AAAA-MM-JJ, permanent ou inconnu)") from None


def verdicts(facts: CallFacts | None, porteur: PorteurData, as_of: date) -> dict[str, str]:
    """ok / ko / inconnu per criterion of CRITERIA, from the facts alone (all inconnu without facts)."""
    if facts is None:
        return dict.fromkeys(CRITERIA, UNKNOWN)
    return {"beneficiaire": _who(facts, porteur), "territoire": _where(facts, porteur), "calendrier": _when(facts, as_of)}


def _who(facts: CallFacts, porteur: PorteurData) -> str:
    return UNKNOWN if facts.beneficiaries is None else porteur_admitted(set(facts.beneficiaries), porteur)


def _where(facts: CallFacts, porteur: PorteurData) -> str:
    if facts.places is None or not porteur.geo_codes:
        return UNKNOWN
    covered = geo.covers(list(facts.places), list(facts.exclusions), porteur.geo_codes)
    return UNKNOWN if covered is None else (OK if covered else KO)


def _when(facts: CallFacts, as_of: date) -> str:
    if facts.closes is None:
        return OK if facts.permanent else UNKNOWN
    return OK if facts.closes >= as_of else KO


def eligible(found: Mapping[str, str]) -> bool:
    """Eligible unless some criterion is ko."""
    return KO not in found.values()


@dataclass(frozen=True)
class Disagreement:
    """Vigie's verdicts against the facts, for one criterion."""

    criterion: str
    wrongly_excluded: int
    """Vigie says ko, the facts do not."""
    wrongly_admitted: int
    """The facts say ko, Vigie does not."""


def disagreements(pairs: Sequence[tuple[list[Criterion], Mapping[str, str]]]) -> list[Disagreement]:
    """Per criterion of CRITERIA, the pairs where Vigie's verdict and the facts' disagree on exclusion."""
    counts = {c: [0, 0] for c in CRITERIA}
    for criteria, reference in pairs:
        for criterion in criteria:
            if criterion.criterion not in counts:
                continue
            vigie_ko, fact_ko = criterion.verdict == KO, reference[criterion.criterion] == KO
            if vigie_ko != fact_ko:
                counts[criterion.criterion][0 if vigie_ko else 1] += 1
    return [Disagreement(c, *counts[c]) for c in CRITERIA]
