"""Types named in a sentence of prose, and where its clauses and lists begin and end.

A mention is a phrase of crawlers/normalise/beneficiary_tables.py (TEXT_RULES, headcounts, statuses) found in a folded
sentence; the reader of who may apply (crawlers/normalise/applicants.py) and the roles of a mention
(crawlers/normalise/applicant_roles.py) work on these spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.headcounts import headcounts_in
from models.vocab import Beneficiary as B

TEXT = [(re.compile(pattern), targets) for pattern, targets in T.TEXT_RULES]
_STATUSES = [(re.compile(pattern), targets) for pattern, targets in T.STATUSES]
_ENDS_ON_STATUS = [re.compile(rf"\b(?:{pattern})$") for pattern, _ in T.STATUSES]
_STATUS_GLUE = re.compile(T.STATUS_GLUE)
_LEGAL_FORM = re.compile(T.LEGAL_FORM)
CLAUSE_END = re.compile(r"[,;:()]|\.\s|\bainsi que\b|\bmais\b")
OBJECT_LINK = re.compile(T.OBJECT_LINK)
_BRACKETS = re.compile(r"\([^()]*\)")
_SAME_COMPLEMENT = re.compile(
    r"(?:\s+(?!(?:et|ou|de|des|du|d)\b)\w+){0,2}(?:\s*\([^()]{0,40}\))?\s*,?\s*(?:et|ou)?\s*(?:de |d'|des )\s*"
)
"""« de commerçants ou d'artisans », « d'organismes de recherche publics (EPST), d'universités »: the next member of
one complement (after at most two words, and brackets, qualifying the previous one)."""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    targets: tuple[B, ...]
    headcount: bool = False
    """Named by a headcount (« moins de 250 salariés »): narrows companies, is no applicant alone."""
    whole: tuple[B, ...] = ()
    """For a headcount: the sizes it holds whole, the only ones its exclusion removes."""

    @property
    def excludes(self) -> tuple[B, ...]:
        """What excluding this mention removes."""
        return self.whole if self.headcount else self.targets


@lru_cache(maxsize=8192)
def mentions(sentence: str) -> tuple[Mention, ...]:
    """Every type the sentence names; where two phrases overlap the one that starts first, then the longer, wins."""
    found = [Mention(m.start(), m.end(), targets) for pattern, targets in TEXT for m in pattern.finditer(sentence)]
    found += [Mention(h.start, h.end, h.sizes, headcount=True, whole=h.whole) for h in headcounts_in(sentence)]
    kept: list[Mention] = []
    for mention in sorted(found, key=lambda m: (m.start, m.start - m.end)):
        if not kept or mention.start >= kept[-1].end:
            kept += [mention, *_statuses_after(sentence, mention)]
    return tuple(m for m, after in zip(kept, [*kept[1:], None]) if not _in_legal_form(sentence, m, after))


def _statuses_after(sentence: str, mention: Mention) -> list[Mention]:
    """« les EHPAD publics, associatifs et privés commerciaux »: after a type that ends on a status, each status of the
    list that follows names its own type (T.STATUSES)."""
    if mention.headcount or not any(p.search(sentence, mention.start, mention.end) for p in _ENDS_ON_STATUS):
        return []
    found, at = [], mention.end
    while glue := _STATUS_GLUE.match(sentence, at):
        status = next((Mention(m.start(), m.end(), targets) for pattern, targets in _STATUSES
                       if (m := pattern.match(sentence, glue.end()))), None)
        if status is None:
            break
        found.append(status)
        at = status.end
    return found


def _in_legal_form(sentence: str, mention: Mention, after: Mention | None) -> bool:
    """« EPTB constitués en syndicat mixte »: the type before a legal form gives way to it."""
    form = _LEGAL_FORM.match(sentence, mention.end)
    return bool(form) and after is not None and after.start == form.end()


def clause_start(sentence: str, position: int) -> int:
    ends = [m.end() for m in CLAUSE_END.finditer(sentence, 0, position)]
    return ends[-1] if ends else 0


def clause_end(sentence: str, position: int) -> int:
    found = CLAUSE_END.search(sentence, position)
    return found.start() if found else len(sentence)


def list_head(sentence: str, mention: Mention) -> int:
    """Where the list of types that ends with `mention` starts (types joined by commas, « et », « ou », articles)."""
    head, last = mention.start, None
    for named in mentions(sentence):
        if named.start >= mention.start:
            break
        linked = last is not None and OBJECT_LINK.fullmatch(sentence, last.end, named.start)
        head, last = (head if linked else named.start), named
    if last is None or not OBJECT_LINK.fullmatch(sentence, last.end, mention.start):
        return mention.start
    return head


def list_tail(sentence: str, mention: Mention) -> Mention:
    """The last type of the list `mention` starts or belongs to (« les entreprises, les collectivités et les
    branches professionnelles … sont partenaires »): what is said after it is said of the whole list."""
    last = mention
    for named in mentions(sentence):
        if named.start < last.end:
            continue
        if not OBJECT_LINK.fullmatch(sentence, last.end, named.start):
            break
        last = named
    return last


def first_of_complement(sentence: str, mention: Mention) -> Mention:
    """The first type of the complement `mention` ends (« de commerçants ou d'artisans »)."""
    first = mention
    for named in reversed([m for m in mentions(sentence) if m.end <= mention.start]):
        if bracket_opening(sentence, named.start) is not None:
            continue  # « d'organismes de recherche publics (EPST, EPIC), d'universités »
        if not _SAME_COMPLEMENT.fullmatch(sentence, named.end, first.start):
            break
        first = named
    return first


def bracket_opening(sentence: str, at: int) -> int | None:
    """Where the brackets that `at` stands inside open, or None when it stands outside brackets."""
    opening = sentence.rfind("(", 0, at)
    return opening if opening > sentence.rfind(")", 0, at) else None


def without_brackets(sentence: str) -> str:
    """The sentence with what its brackets hold blanked out (same length: positions stay valid)."""
    return _BRACKETS.sub(lambda found: " " * len(found.group()), sentence)

