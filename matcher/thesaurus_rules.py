"""Concepts of the sector thesaurus, derived by rule from a nomenclature (build time; see thesaurus_build).

A concept is one node of a chosen level (a NAF division, a ROME domaine professionnel). Its document is the
set of labels of the node and of everything below it (groupes, classes, sous-classes; fiches, appellations),
exclusion clauses cut out (« à l'exception des meubles », « hors imprégnation », « non ferreux »). Its
expressions are the content words (lemma keys) of that document that point to it and to few others:

- a word of the node's own label names it when at most `MAX_OWN` own labels hold it and at least
  `MIN_OWN_SHARE` of all the labels holding it are in its document (« industrie », « article » are spread
  over too many sectors), and when it is not among the `COMMON_RANK` most frequent words of French — unless
  no other word of the name is left, then the rarest stays (« Bois » → bois, « Industries alimentaires » →
  alimentaire; « entreprise » does not name division 82, « administratif » does);
- any other word of its document belongs to it when at least `MIN_SHARE` of the labels holding the word are
  in its document and the word is not among the most common words of French (« sciage », « scierie »,
  « fonderie » are kept; « frais » of « produits frais », « reprise » of « scieur de reprise » are not).

Nothing is picked by hand: change the rule or the data, run the build again.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from matcher.analysis import TextAnalyzer, Token
from matcher.thesaurus_sources import Node

MAX_OWN = 3
MIN_OWN_SHARE = 1 / 3
MIN_SHARE = 0.5
MIN_KEY_LENGTH = 3
COMMON_RANK = 3000
"""The 3,000 most frequent words of French are too general to point to a sector on their own."""

_EXCLUSION = re.compile(r"\b(?:à l'exception|sauf|hors|non)\b[^;,()]*", re.I)


@dataclass(frozen=True)
class Concept:
    """A sector or trade family and the words that evoke it."""

    code: str
    """"NAF 16", "ROME H22"."""
    label: str
    expressions: tuple[str, ...]
    """Lemmas, sorted."""


def without_exclusions(label: str) -> str:
    """The label with its exclusion clauses cut out (they name what the node is not)."""
    return _EXCLUSION.sub(" ", label)


@dataclass(frozen=True)
class Label:
    """A label of a concept's document and the child of the concept node it lies under."""

    text: str
    branch: str


def documents(nodes: Sequence[Node], level: str) -> dict[str, tuple[str, list[Label]]]:
    """Concept node code → (own label, distinct labels of the node and its descendants)."""
    by_code = {n.code: n for n in nodes}
    docs: dict[str, set[Label]] = defaultdict(set)
    for node in nodes:
        path = _path(node, level, by_code)
        if path:
            docs[path[0]].add(Label(without_exclusions(node.label), path[min(1, len(path) - 1)]))
    return {code: (without_exclusions(by_code[code].label), sorted(labels, key=lambda l: (l.text, l.branch)))
            for code, labels in sorted(docs.items())}


def _path(node: Node, level: str, by_code: dict[str, Node]) -> list[str]:
    """Codes from the ancestor at `level` down to the node; empty when the node is above that level."""
    path: list[str] = []
    current: Node | None = node
    while current is not None:
        path.append(current.code)
        if current.level == level:
            return path[::-1]
        current = by_code.get(current.parent)
    return []


@dataclass
class _Counts:
    """How the labels of a nomenclature hold each word key."""

    labels: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    """key → concept → labels holding it."""
    branches: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    """key → concept → children of the concept node whose labels hold it."""
    lemmas: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    surfaces: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def derive(prefix: str, nodes: Sequence[Node], level: str, analyzer: TextAnalyzer,
           rank: Callable[[str], int], min_branches: int = 1) -> list[Concept]:
    """The concepts of one nomenclature at one level, their expressions chosen by the rules above;
    `rank(word)` is the frequency rank of a word in French (lemma or written form; 0 = the most frequent); a word
    of the descendants must also be found under at least `min_branches` children of the concept node."""
    docs = documents(nodes, level)
    texts = [own for own, _ in docs.values()] + [label.text for _, labels in docs.values() for label in labels]
    analysed = iter(analyzer.analyze_many(texts))
    own_keys = {code: _keys(next(analysed)) for code in docs}
    counts = _Counts()
    for code, (_, labels) in docs.items():
        for label in labels:
            for key, (lemma, surface) in _keys(next(analysed)).items():
                counts.labels[key][code] += 1
                counts.branches[key][code].add(label.branch)
                counts.lemmas[key][lemma] += 1
                counts.surfaces[key].add(surface)
    chosen = _naming_words(own_keys, counts, rank)
    for key, held in counts.labels.items():
        if _rank(key, counts, rank) < COMMON_RANK:
            continue
        for code in held:
            if _share(held, code) >= MIN_SHARE and len(counts.branches[key][code]) >= min_branches:
                chosen[code].add(key)
    labels = {n.code: n.label for n in nodes}
    return [Concept(f"{prefix} {code}", labels[code], tuple(sorted({_lemma(counts.lemmas[k]) for k in keys})))
            for code, keys in chosen.items() if keys]


def _naming_words(own_keys: dict[str, dict[str, tuple[str, str]]], counts: _Counts,
                  rank: Callable[[str], int]) -> dict[str, set[str]]:
    """Concept → the words of its own label that name it: in few own labels, with a fair share of all the labels
    holding them; the common words of French among them only when nothing else is left (then the rarest)."""
    naming = Counter(key for keys in own_keys.values() for key in keys)
    chosen: dict[str, set[str]] = {}
    for code, keys in own_keys.items():
        names = [k for k in keys if naming[k] <= MAX_OWN and _share(counts.labels[k], code) >= MIN_OWN_SHARE]
        rare = {k for k in names if _rank(k, counts, rank) >= COMMON_RANK}
        chosen[code] = rare or set(sorted(names, key=lambda k: (-_rank(k, counts, rank), k))[:1])
    return chosen


def _rank(key: str, counts: _Counts, rank: Callable[[str], int]) -> int:
    """Frequency rank of a word in French (0: the most frequent): that of its most frequent form."""
    return min(rank(w) for w in {*counts.lemmas[key], *counts.surfaces[key]})


def _share(counts: Counter[str], code: str) -> float:
    """Part of the labels holding a word that are in the concept's document."""
    total = sum(counts.values())
    return counts[code] / total if total else 0.0


def _keys(tokens: list[Token]) -> dict[str, tuple[str, str]]:
    """Content word key → its lemma and its surface form in lower case."""
    return {t.key: (t.lemma, t.text.lower()) for t in tokens if _content(t)}


def _content(token: Token) -> bool:
    key = token.key
    return (not token.is_stop and not token.is_punct and len(key) >= MIN_KEY_LENGTH
            and key.replace("-", "").isalpha() and key[0].isalpha() and key[-1].isalpha())


def _lemma(lemmas: Counter[str]) -> str:
    """The lemma written for a key: the most frequent one in the labels."""
    return min(lemmas.items(), key=lambda item: (-item[1], item[0]))[0]
