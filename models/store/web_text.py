"""French word keys for the web app's search and highlighting: folded (case, accents), singular, cut to a
common stem, French function words left out (pure, no spaCy: the pages must answer in milliseconds)."""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"\w+", re.U)
STEM = 7
"""Words are compared on their first characters once folded and singular (« industrie » ~ « industrielle »)."""
STOP = frozenset("""
a afin ainsi alors au aucun aupres aussi autre autres aux avec avoir c ce ceci cela celle celles celui ces cet
cette chaque comme comment d dans de des deux donc dont du elle elles en encore entre est et etre etc eux il ils
je l la le les leur leurs lors lui m mais me meme memes moins n ne ni non nos notre nous on ont ou par parmi pas
peut plus pour qu quand que quel quelle quelles quels qui s sa sans se selon ses si son sont sous sur t ta te tel
telle tels tes toute toutes tous tout tres un une unes uns vers via vos votre vous y
appel appels projet projets dispositif aide aides
""".split())
"""French function words (and Vigie's matching stop words): never searched for nor marked as shared."""


def fold(text: str) -> str:
    """Lower case without accents."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def stem(word: str) -> str | None:
    """The comparison key of a word (None for function words, single letters and numbers)."""
    folded = fold(word)
    if len(folded) < 3 or folded in STOP or folded.isdigit():
        return None
    if len(folded) > 3 and folded[-1] in "sx" and not folded.endswith("ss"):
        folded = folded[:-1]
    if len(folded) > 4 and folded.endswith("e"):
        folded = folded[:-1]  # feminine: « froide » ~ « froid »
    return folded[:STEM]


def stems(text: str) -> set[str]:
    """The keys of a text's content words."""
    return {key for key in map(stem, WORD.findall(text)) if key}
