"""Synonym expansion: acronyms and groups of equivalent terms from synonyms.toml.

Expansion adds fields to a document (never rewrites its text), so that quoted sentences stay
as written: a call saying "ZAN" gains a field "zéro artificialisation nette", a fiche saying
"réseau de chaleur" gains every other member of its group.
"""

from __future__ import annotations

from collections.abc import Mapping

from models.config.schema import SynonymsConfig

from matcher.documents import Document, Field, Phrase

EXPANSION_WEIGHT = 1.0
"""Weight of an added synonym in the term bag (once per document, however often it appears)."""


def synonym_strings(synonyms: SynonymsConfig) -> list[str]:
    """Every string of the configuration that must be analysed."""
    strings = [s for pair in synonyms.acronyms.items() for s in pair]
    return strings + [term for group in synonyms.groups for term in group]


class SynonymExpander:
    """Adds the expansions of acronyms and synonym groups found in a document."""

    def __init__(self, synonyms: SynonymsConfig, phrases: Mapping[str, Phrase | None]) -> None:
        self.acronyms = [(phrases[a], phrases[f]) for a, f in synonyms.acronyms.items() if phrases[a] and phrases[f]]
        self.groups = [[phrases[t] for t in group if phrases[t]] for group in synonyms.groups]

    def expand(self, doc: Document) -> list[str]:
        """Add one field per expansion to `doc`; return the texts added."""
        added = {full.text: (full, acronym) for acronym, full in self.acronyms if self._has_acronym(doc, acronym)}
        for group in self.groups:
            present = [p for p in group if doc.find(p)]
            if present:
                added.update((p.text, (p, present[0])) for p in group if p not in present and p.text not in added)
        for phrase, origin in added.values():
            doc.add(Field("synonymes", EXPANSION_WEIGHT, list(phrase.tokens), evidence=False, origin=origin))
        return list(added)

    @staticmethod
    def _has_acronym(doc: Document, acronym: Phrase) -> bool:
        """Acronyms are case-sensitive in prose ("AMI" is not "ami"), not in keyword lists."""
        written = acronym.text.replace(" ", "")
        for field_number, pos in doc.find(acronym):
            tokens = doc.fields[field_number].tokens[pos : pos + len(acronym)]
            if doc.fields[field_number].keywords or "".join(t.text for t in tokens) == written:
                return True
        return False
