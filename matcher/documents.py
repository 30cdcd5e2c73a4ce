"""Analysed documents: weighted fields of tokens, with a term bag, sentences and a phrase finder."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from matcher.analysis import Token

MIN_KEY_LENGTH = 2


@dataclass(frozen=True)
class Phrase:
    """A term or phrase to look for (profile term, exclusion, negation, synonym), analysed once."""

    text: str
    """As written in the configuration."""
    tokens: tuple[Token, ...]
    """Its tokens, punctuation left out."""

    def __len__(self) -> int:
        return len(self.tokens)

    def matches(self, tokens: list[Token], start: int) -> bool:
        """Whether the phrase stands at `start`: each word equal by folded surface or by lemma key."""
        if start + len(self.tokens) > len(tokens):
            return False
        pairs = zip(self.tokens, tokens[start : start + len(self.tokens)])
        return all(p.folded == t.folded or p.key == t.key for p, t in pairs)


def make_phrase(text: str, tokens: Iterable[Token]) -> Phrase | None:
    """A phrase from its analysed tokens; None when nothing but punctuation is left."""
    words = tuple(t for t in tokens if not t.is_punct)
    return Phrase(text, words) if words else None


@dataclass(frozen=True)
class Field:
    """One field of a record (title, description…), its tokens and how it counts."""

    name: str
    weight: float
    """Term frequencies in this field are multiplied by this weight (title above body)."""
    tokens: list[Token]
    evidence: bool = True
    """Whether its sentences may be quoted as evidence."""
    keywords: bool = False
    """A list of keywords typed by people: acronyms are matched regardless of case."""
    origin: Phrase | None = None
    """For a synonym expansion: the configured term found in the text that brought it in."""


@dataclass(frozen=True)
class Sentence:
    """A quotable sentence and the content keys it holds."""

    tokens: tuple[Token, ...]
    keys: frozenset[str]

    @property
    def text(self) -> str:
        """The sentence as written."""
        return surface(self.tokens)


@dataclass
class Document:
    """A record made of analysed fields; `stop_keys` are keys never counted as content."""

    stop_keys: frozenset[str]
    fields: list[Field] = field(default_factory=list)
    bag: Counter[str] = field(default_factory=Counter)
    """Content key → weighted term frequency."""
    sentences: list[Sentence] = field(default_factory=list)
    _index: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    _word_numbers: list[list[int]] = field(default_factory=list)
    _content_index: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    _sentence_index: dict[str, list[int]] | None = None

    @property
    def length(self) -> float:
        """Weighted number of content tokens."""
        return sum(self.bag.values())

    def is_content(self, token: Token) -> bool:
        """Whether a token carries meaning (no stop word, punctuation or bare number)."""
        return not (token.is_stop or token.is_punct or token.key in self.stop_keys
                    or len(token.key) < MIN_KEY_LENGTH or token.key.isdigit())

    def add(self, new: Field) -> None:
        """Append a field: update the bag, the phrase index and the sentences."""
        number = len(self.fields)
        self.fields.append(new)
        words = 0
        numbers = []
        index, content, bag, weight = self._index, self._content_index, self.bag, new.weight
        is_content = self.is_content
        for pos, token in enumerate(new.tokens):  # names bound outside the loop: millions of tokens per run
            numbers.append(words)
            words += not token.is_punct
            place = (number, pos)
            key = token.key
            index[token.folded].append(place)
            if key != token.folded:
                index[key].append(place)
            if is_content(token):
                bag[key] += weight
                content[key].append(place)
        self._word_numbers.append(numbers)
        self._sentence_index = None
        if new.evidence:
            self.sentences.extend(self._sentences(new.tokens))

    def find(self, phrase: Phrase) -> list[tuple[int, int]]:
        """Every (field number, token position) where the phrase stands."""
        first = phrase.tokens[0]
        starts = set(self._index.get(first.folded, ())) | set(self._index.get(first.key, ()))
        return sorted((f, p) for f, p in starts if phrase.matches(self.fields[f].tokens, p))

    def word_distance(self, field_number: int, before: int, after: int) -> int:
        """How many words separate token `before` from token `after` in a field (punctuation not counted)."""
        numbers = self._word_numbers[field_number]
        return numbers[after] - numbers[before]

    def occurrences(self, key: str, limit: int = 20) -> list[tuple[int, int]]:
        """Up to `limit` positions of content tokens whose key is `key`."""
        return self._content_index.get(key, [])[:limit]

    def sentences_with(self, key: str) -> list[int]:
        """Numbers of the sentences holding a content key."""
        if self._sentence_index is None:
            self._sentence_index = defaultdict(list)
            for number, sentence in enumerate(self.sentences):
                for k in sentence.keys:
                    self._sentence_index[k].append(number)
        return self._sentence_index.get(key, [])

    def token(self, field_number: int, pos: int) -> Token:
        """The token at a position."""
        return self.fields[field_number].tokens[pos]

    def _sentences(self, tokens: list[Token]) -> Iterable[Sentence]:
        groups: dict[int, list[Token]] = defaultdict(list)
        for token in tokens:
            groups[token.sent].append(token)
        for sent_tokens in groups.values():
            keys = frozenset(t.key for t in sent_tokens if self.is_content(t))
            if keys:
                yield Sentence(tuple(sent_tokens), keys)


def surface(tokens: Iterable[Token]) -> str:
    """Rebuild the text of consecutive tokens as written."""
    return "".join(t.text + (" " if t.space else "") for t in tokens).strip()
