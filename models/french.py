"""French text as Vigie compares it: one folding, one plural rule, the stop words (pure, no spaCy).

Every package compares French words through this module: collectors matching labels, the matcher's
analysis, the web app's search and highlighting, profile lint, duplicate titles, funders' and région names.
One rule, so that « Œuvre », « l’œuvre » and « oeuvre » are the same word everywhere.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
"""Typographic apostrophes written as the plain one (one character each: offsets hold)."""
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})

WORD = re.compile(r"\w+", re.U)
"""A word for search and highlighting (apostrophes and hyphens split words: « l’œuvre » → « l », « œuvre »)."""
STEM = 7
"""Search keys are the first characters of a folded, singular word (« industrie » ~ « industrielle »)."""

DEFAULT_STOP_WORDS = ("appel", "projet", "projets", "dispositif", "aide", "aides")
"""Words every call says: left out of matching (`[matching] stop_words`' default) and of search."""
FUNCTION_WORDS = frozenset("""
a afin ainsi alors au aucun aupres aussi autre autres aux avec avoir c ce ceci cela celle celles celui ces cet
cette chaque comme comment d dans de des deux donc dont du elle elles en encore entre est et etre etc eux il ils
je l la le les leur leurs lors lui m mais me meme memes moins n ne ni non nos notre nous on ont ou par parmi pas
peut plus pour qu quand que quel quelle quelles quels qui s sa sans se selon ses si son sont sous sur t ta te tel
telle tels tes toute toutes tous tout tres un une unes uns vers via vos votre vous y
""".split())
"""French function words, folded: never searched for nor marked as shared."""
SEARCH_STOP = FUNCTION_WORDS | frozenset(DEFAULT_STOP_WORDS)
"""What search and highlighting leave out (a plural of a stop word too: see `search_key`)."""


def fold(text: str) -> str:
    """The comparison form of a text: compatibility forms decomposed (NFKD), accents dropped, lower case
    (casefold), « œ » → « oe », « æ » → « ae », typographic apostrophes (’ ‘ ʼ) → ', ends trimmed.

    The result may be longer than the text (« œ », « ﬁ », « … »): never use its offsets in the text;
    `plain_apostrophes` is the form that keeps them.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return bare.translate(APOSTROPHES).translate(_LIGATURES).strip()


def plain_apostrophes(text: str) -> str:
    """The text with typographic apostrophes made plain, nothing else: same length, offsets hold."""
    return text.translate(APOSTROPHES)


def singular(word: str) -> str:
    """A word without its plural mark: one final s or x dropped from words of four letters or more, except
    -ss (« friches » → « friche », « réseaux » → « réseau », « process » kept)."""
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def light_stem(word: str) -> str:
    """The matcher's key of a lemma: folded, then every trailing e, s or x dropped down to three letters.

    Lemmatizers disagree with themselves (« biomasse » tagged ADJ becomes « biomass »; an unknown plural
    keeps its -s); this stem brings such variants together. Keys are never shown.
    """
    key = fold(word)
    while len(key) > 3 and key[-1] in "esx":
        key = key[:-1]
    return key


def search_key(word: str) -> str | None:
    """The web search's key of a word: folded, singular, feminine -e dropped, cut to `STEM` characters;
    None for stop words (and their plurals), single letters and numbers."""
    folded = fold(word)
    if len(folded) < 3 or folded.isdigit() or folded in SEARCH_STOP:
        return None
    folded = singular(folded)
    if folded in SEARCH_STOP:
        return None
    if len(folded) > 4 and folded.endswith("e"):
        folded = folded[:-1]  # feminine: « froide » ~ « froid »
    return folded[:STEM]


def search_keys(text: str) -> set[str]:
    """The search keys of a text's content words."""
    return {key for key in map(search_key, WORD.findall(text)) if key}
