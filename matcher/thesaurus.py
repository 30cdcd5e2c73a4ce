"""Sector thesaurus at matching time: a text that uses words of a sector gets that sector as a term.

The concepts (NAF divisions, ROME domaines professionnels) and their words come from
models/data/thesaurus/concepts.csv, derived from the public nomenclatures by matcher/thesaurus_build.py.
A fiche about a « scierie » and a call about the « filière bois » then share the term of ROME H22 (Bois),
weighted low (`CONCEPT_WEIGHT`) so that words really shared still count most. Like synonyms, the concept
is added to the document as a field of its own; the text is never rewritten.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from models.records import Reason

from matcher.analysis import Token, key_of
from matcher.documents import Document, Field, Phrase

CONCEPT_WEIGHT = 0.5
"""Weight of a concept in the term bag (once per document, however many of its words the text uses)."""
FIELD = "secteur"
MAX_WORDS = 3
"""Words of a concept quoted in a reason, per side."""
MAX_SECTORS = 2
"""Concepts named in the reasons of one pair."""
MIN_PREFIX, MIN_BASE = 3, 6
"""Learned compounds: « agroalimentaire », « électro-métallurgie » = a prefix of at least 3 letters ending in
-o, then an expression of at least 6 letters."""


@dataclass(frozen=True)
class Concept:
    """A sector (NAF division) or trade family (ROME domaine) and the word keys that evoke it."""

    code: str
    label: str
    keys: frozenset[str]

    @property
    def key(self) -> str:
        """Its term in document bags: upper case, so that no analysed word ever has it ("NAF:16")."""
        return self.code.replace(" ", ":")

    @property
    def short_label(self) -> str:
        """The label up to its first comma or semicolon."""
        return self.label.replace(";", ",").split(",")[0].strip()


class Thesaurus:
    """Concepts and the index word key → concepts."""

    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = {c.key: c for c in concepts}
        index: dict[str, list[str]] = defaultdict(list)
        for concept in concepts:
            for word in concept.keys:
                index[word].append(concept.key)
        self.index = {word: tuple(keys) for word, keys in index.items()}
        self._memo: dict[str, tuple[str, ...]] = {}

    def concepts_of(self, key: str) -> tuple[str, ...]:
        """Concept keys evoked by one word key, directly or as the base of a learned compound."""
        if key not in self._memo:
            found = list(self.index.get(key, ()))
            for base in _compound_bases(key):
                found.extend(c for c in self.index.get(base, ()) if c not in found)
            self._memo[key] = tuple(found)
        return self._memo[key]


def _compound_bases(key: str) -> list[str]:
    """« agroalimentair » → « alimentair »: what follows a prefix ending in -o (or -o-)."""
    bases = []
    for cut in range(MIN_PREFIX, len(key) - MIN_BASE + 1):
        if key[cut - 1] == "o" or (key[cut - 1] == "-" and key[cut - 2] == "o"):
            bases.append(key[cut:])
    return bases


def parse_concepts(text: str) -> list[Concept]:
    """Concepts of a concepts.csv text (provenance lines skipped)."""
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return [Concept(row["concept"], row["label"], frozenset(key_of(e) for e in row["expressions"].split(" ; ") if e))
            for row in rows]


@cache
def load_thesaurus() -> Thesaurus:
    """The shipped thesaurus, read once per process."""
    text = resources.files("models").joinpath("data/thesaurus/concepts.csv").read_text("utf-8")
    return Thesaurus(parse_concepts(text))


def is_concept_key(key: str) -> bool:
    """Whether a bag key is a concept's term rather than a word."""
    return ":" in key and key[:1].isupper()


class ThesaurusExpander:
    """Adds to a document one field per concept its words evoke."""

    def __init__(self, thesaurus: Thesaurus) -> None:
        self.thesaurus = thesaurus

    def expand(self, doc: Document) -> list[str]:
        """Add the concept fields; return the concept codes added."""
        found: dict[str, list[str]] = defaultdict(list)
        for key in sorted(doc.bag):
            for concept_key in self.thesaurus.concepts_of(key):
                found[concept_key].append(key)
        for concept_key, words in sorted(found.items()):
            concept = self.thesaurus.concepts[concept_key]
            tokens = tuple(doc.token(*doc.occurrences(w, limit=1)[0]) for w in words[:MAX_WORDS])
            origin = Phrase(", ".join(dict.fromkeys(t.text.lower() for t in tokens)), tokens)
            doc.add(Field(FIELD, CONCEPT_WEIGHT, [_concept_token(concept)], evidence=False, origin=origin))
        return [self.thesaurus.concepts[k].code for k in sorted(found)]


def _concept_token(concept: Concept) -> Token:
    """The concept as a term: its name as text ("NAF 16 — Travail du bois…"), its key as lemma and key."""
    return Token(f"{concept.code} — {concept.short_label}", concept.key, concept.key, concept.key, 0)


def sector_reasons(contributions: Mapping[str, float], fiche: Document, call: Document) -> list[Reason]:
    """« même secteur (NAF 16 — Travail du bois…) : « scierie » ↔ « bois » » for the concepts a pair shares."""
    shared = sorted((k for k in contributions if is_concept_key(k) and contributions[k] > 0),
                    key=lambda k: (-contributions[k], k))
    reasons = []
    for key in shared[:MAX_SECTORS]:
        mine, theirs = _field(fiche, key), _field(call, key)
        if mine is None or theirs is None or mine.origin is None or theirs.origin is None:
            continue
        kind = "même famille de métiers" if key.startswith("ROME") else "même secteur"
        evidence = f"{kind} ({mine.tokens[0].text}) : « {mine.origin.text} » ↔ « {theirs.origin.text} »"
        reasons.append(Reason(feature="secteur", weight=round(contributions[key], 3), evidence=evidence))
    return reasons


def _field(doc: Document, key: str) -> Field | None:
    """The document's field for the concept (its origin: the words that brought it in)."""
    return next((f for f in doc.fields if f.name == FIELD and f.tokens and f.tokens[0].key == key), None)
