"""From records to analysed documents: which fields count and how much, analysed in one batch.

Scoring reads little of a document: its term bag, the content keys of its title and the exclusions its funder
wrote (`CompactDocument`). A run keeps those for every record and builds a full document (tokens, phrase
index, expansions) only when something reads it — a record never seen, the reasons of a pair, a profile not
looked for yet: `Documents` holds both, building what is asked for in one batch. The compact form is what
the engine keeps on disk between processes (matcher.stash), so that a re-match after a crawl builds the new
calls and the calls whose reasons it writes, not all of them.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from models.config.schema import SynonymsConfig
from models.records import FicheActionData, OpportunityData, PorteurData, is_profile_fiche, profile_fiche_id

from matcher.analysis import TextAnalyzer, key_of
from matcher.call_exclusions import CallExclusion, call_exclusions
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


@dataclass(frozen=True)
class CompactDocument:
    """What scoring reads of a document, without its tokens."""

    bag: Counter[str]
    """The document's term bag (Document.bag: content key → weighted frequency, expansions included)."""
    title_keys: frozenset[str]
    """Content keys of a call's title (empty for a fiche)."""
    exclusions: tuple[CallExclusion, ...]
    """Subjects a call's funder excludes (matcher.call_exclusions; none for a fiche)."""

    def to_bytes(self) -> bytes:
        """The compact document as kept on disk: JSON (the bag in its order: floats read back equal), compressed."""
        exclusions = [[e.subject, sorted(e.keys), e.quote, e.field] for e in self.exclusions]
        data = [self.bag, sorted(self.title_keys), exclusions]
        return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)

    @classmethod
    def from_bytes(cls, data: bytes) -> CompactDocument:
        """Read back what `to_bytes` wrote (ValueError, TypeError or zlib.error when it cannot)."""
        bag, title, exclusions = json.loads(zlib.decompress(data))
        found = tuple(CallExclusion(subject, frozenset(keys), quote, name) for subject, keys, quote, name in exclusions)
        return cls(Counter(bag), frozenset(title), found)


def compact(doc: Document, call: bool) -> CompactDocument:
    """The compact form of a built document (`call`: a call's, with its title keys and exclusions)."""
    if not call:
        return CompactDocument(doc.bag, frozenset(), ())
    title = frozenset(t.key for f in doc.fields if f.name == "title" for t in f.tokens if doc.is_content(t))
    return CompactDocument(doc.bag, title, tuple(call_exclusions(doc)))


class Documents(Sequence[Document]):
    """The documents of one side of a run (calls or fiches), in order: every compact form at once, each full
    document built when first read (`prepare` builds several in one batch)."""

    def __init__(self, keys: list[bytes], specs: Sequence[list[FieldText]], compacts: list[CompactDocument],
                 built: dict[bytes, Document], build: Callable[[list[list[FieldText]]], list[Document]]) -> None:
        self.keys, self.specs, self.compact = keys, specs, compacts
        self._built, self._build = built, build

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, number: int) -> Document:  # type: ignore[override] - no slices
        key = self.keys[number]
        if key not in self._built:
            self.prepare([number])
        return self._built[key]

    def __iter__(self) -> Iterator[Document]:
        self.prepare(range(len(self)))
        return (self._built[key] for key in self.keys)

    def prepare(self, numbers: Iterable[int]) -> None:
        """Build, in one batch, the documents of these numbers not built yet."""
        missing = {self.keys[n]: self.specs[n] for n in numbers if self.keys[n] not in self._built}
        if missing:
            self._built.update(zip(missing, self._build(list(missing.values()))))

    def bags(self) -> list[Counter[str]]:
        """The term bag of every document."""
        return [c.bag for c in self.compact]


@dataclass
class Corpus:
    """Every document and configured phrase of one matching run, analysed."""

    calls: Documents
    fiches: Documents
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
    compacts: dict[bytes, CompactDocument] | None = None,
) -> Corpus:
    """Analyse what has no compact form yet in one batch (spaCy is fastest that way), then build and expand
    documents (synonyms, then the sectors of the thesaurus when one is given); the others are built when read.

    `cache` (record digest → document) and `compacts` (record digest → compact form) are read and then refilled
    with this run's only (documents built later join `cache`); the caller must give fresh ones whenever the
    synonyms, stop words or thesaurus change.
    """
    strings = list(dict.fromkeys([*config_strings, *synonym_strings(synonyms)]))
    phrases = {s: make_phrase(s, tokens) for s, tokens in zip(strings, analyzer.analyze_many(strings))}
    expander = SynonymExpander(synonyms, phrases)
    sectors = ThesaurusExpander(thesaurus) if thesaurus is not None else None

    def build(specs: list[list[FieldText]]) -> list[Document]:
        analysed = iter(analyzer.analyze_many([f.text for spec in specs for f in spec]))
        return [_document(spec, analysed, stop, expander, sectors) for spec in specs]

    specs = [*calls, *fiches]
    keys = [record_key(spec) for spec in specs]
    built, known = dict(cache or {}), dict(compacts or {})
    missing = {key: spec for key, spec in zip(keys, specs) if key not in built and key not in known}
    built.update(zip(missing, build(list(missing.values()))))
    forms = [known.get(key) or compact(built[key], call=n < len(calls)) for n, key in enumerate(keys)]
    built = {key: built[key] for key in keys if key in built}
    if cache is None:
        cache = {}
    cache.clear()
    cache.update(built)
    if compacts is not None:
        compacts.clear()
        compacts.update(zip(keys, forms))
    split = len(calls)
    return Corpus(Documents(keys[:split], calls, forms[:split], cache, build),
                  Documents(keys[split:], fiches, forms[split:], cache, build), phrases)


def _document(spec: list[FieldText], analysed: Iterator[list], stop: frozenset[str], expander: SynonymExpander,
              sectors: ThesaurusExpander | None) -> Document:
    """One record's document: its fields (tokens taken in order from `analysed`), then its expansions."""
    doc = Document(stop)
    for field_text in spec:
        doc.add(Field(field_text.name, field_text.weight, next(analysed), field_text.evidence, field_text.keywords))
    expander.expand(doc)
    if sectors is not None:
        sectors.expand(doc)
    return doc


def record_key(spec: list[FieldText]) -> bytes:
    """What identifies a record's document (its fields, weights and texts), before synonyms and stop words."""
    parts = (f"{f.name}\x1e{f.weight}\x1e{f.evidence}\x1e{f.keywords}\x1e{f.text}" for f in spec)
    return hashlib.sha1("\x1f".join(parts).encode()).digest()
