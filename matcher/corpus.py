"""From records to analysed documents: which fields count and how much, analysed in one batch."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.config.schema import SynonymsConfig
from models.records import FicheActionData, OpportunityData, PorteurData, is_profile_fiche, profile_fiche_id

from matcher.analysis import TextAnalyzer, key_of
from matcher.documents import Document, Field, Phrase, make_phrase
from matcher.synonyms import SynonymExpander, synonym_strings
from matcher.thesaurus import Thesaurus, ThesaurusExpander

TITLE_WEIGHT = 3.0
SUMMARY_WEIGHT = 1.5
BODY_WEIGHT = 1.0


_TAG = re.compile(r"<(?:script|style)\b.*?</(?:script|style)\s*>|<[a-zA-Z/!][^<>]{0,500}>", re.S | re.I)
_BLOCK = re.compile(r"</?(?:p|div|li|ul|ol|br|h[1-6]|tr|td|table)\b[^<>]*>", re.I)


def plain(text: str) -> str:
    """Text without HTML left in it by a source: block tags become line breaks, other tags vanish, entities
    are decoded ("&eacute;" → "é"). Plain text comes back unchanged."""
    if "<" in text:
        text = _TAG.sub(" ", _BLOCK.sub("\n", text))
    return html.unescape(text) if "&" in text else text


@dataclass(frozen=True)
class FieldText:
    """A field before analysis."""

    name: str
    weight: float
    text: str
    evidence: bool = True
    keywords: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", plain(self.text))


def opportunity_fields(opportunity: OpportunityData) -> list[FieldText]:
    """The call as a document: its title weighs more than its summary, which weighs more than the body."""
    return [
        FieldText("title", TITLE_WEIGHT, opportunity.title),
        FieldText("summary", SUMMARY_WEIGHT, opportunity.summary),
        FieldText("description", BODY_WEIGHT, opportunity.description),
        FieldText("eligibility_text", BODY_WEIGHT, opportunity.eligibility_text),
        FieldText("themes", BODY_WEIGHT, " ; ".join(opportunity.themes), evidence=False, keywords=True),
    ]


def fiche_fields(fiche: FicheActionData) -> list[FieldText]:
    """The fiche as a query: title, description and keywords (a porteur's pseudo-fiche has no title of its own)."""
    fields = [
        FieldText("description", BODY_WEIGHT, fiche.description),
        FieldText("mots_cles", BODY_WEIGHT, " ; ".join(fiche.mots_cles), evidence=False, keywords=True),
    ]
    if not is_pseudo(fiche):
        fields.insert(0, FieldText("titre", BODY_WEIGHT, fiche.titre))
    return fields


def pseudo_fiche(porteur: PorteurData) -> FicheActionData:
    """A porteur without fiche is matched through its description and keywords."""
    return FicheActionData(
        id=profile_fiche_id(porteur.id), porteur_id=porteur.id, titre=porteur.nom,
        description=porteur.description, mots_cles=porteur.mots_cles,
    )


def is_pseudo(fiche: FicheActionData) -> bool:
    """Whether a fiche stands for a porteur's profile."""
    return is_profile_fiche(fiche.id)


def stop_keys(words: Iterable[str]) -> frozenset[str]:
    """Configured stop words as comparison keys ("projets" and "projet" alike)."""
    return frozenset(key_of(w) for w in words)


@dataclass
class Corpus:
    """Every document and configured phrase of one matching run, analysed."""

    calls: list[Document]
    fiches: list[Document]
    phrases: dict[str, Phrase | None]
    """Configured string (profile term, negation, synonym) → its analysed phrase."""


def build_corpus(
    analyzer: TextAnalyzer,
    calls: Sequence[list[FieldText]],
    fiches: Sequence[list[FieldText]],
    config_strings: Iterable[str],
    synonyms: SynonymsConfig,
    stop: frozenset[str],
    cache: dict[bytes, Document] | None = None,
    thesaurus: Thesaurus | None = None,
) -> Corpus:
    """Analyse everything in one batch (spaCy is fastest that way), then build and expand documents
    (synonyms, then the sectors of the thesaurus when one is given).

    `cache` (record digest → document) is read and then refilled with this run's documents only; the
    caller must give a fresh one whenever the synonyms, stop words or thesaurus change.
    """
    strings = list(dict.fromkeys([*config_strings, *synonym_strings(synonyms)]))
    phrases = {s: make_phrase(s, tokens) for s, tokens in zip(strings, analyzer.analyze_many(strings))}
    specs = [*calls, *fiches]
    keys = [_digest(spec) for spec in specs]
    old = dict(cache or {})
    missing = [n for n, key in enumerate(keys) if key not in old]
    analysed = iter(analyzer.analyze_many([f.text for n in missing for f in specs[n]]))
    expander = SynonymExpander(synonyms, phrases)
    sectors = ThesaurusExpander(thesaurus) if thesaurus is not None else None
    for n in missing:
        doc = Document(stop)
        for field_text in specs[n]:
            doc.add(Field(field_text.name, field_text.weight, next(analysed), field_text.evidence, field_text.keywords))
        expander.expand(doc)
        if sectors is not None:
            sectors.expand(doc)
        old[keys[n]] = doc
    documents = [old[key] for key in keys]
    if cache is not None:
        cache.clear()
        cache.update(zip(keys, documents))
    return Corpus(documents[: len(calls)], documents[len(calls) :], phrases)


def _digest(spec: list[FieldText]) -> bytes:
    parts = (f"{f.name}\x1e{f.weight}\x1e{f.evidence}\x1e{f.keywords}\x1e{f.text}" for f in spec)
    return hashlib.sha1("\x1f".join(parts).encode()).digest()
