"""Reasons of a match as the chef de projet reads them: a French label per kind, no raw weights, and the
closest sentences of the fiche and of the call side by side with their shared terms marked (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from models.display import strip_weights
from models.french import WORD, plain_apostrophes, search_key, search_keys

PAIR = re.compile(r"^«\s?(?P<fiche>.*?)\s?»\s*↔\s*«\s?(?P<call>.*?)\s?»$", re.S)
"""The matcher's sentence-pair evidence: « fiche sentence » ↔ « call sentence »."""
LABELS = {"termes": "Termes communs", "profil": "Profil thématique", "exclusion": "Exclusion",
          "exclusion_appel": "Exclusion écrite dans l'appel",
          "beneficiaires_inconnus": "Bénéficiaires non précisés",
          "suggestion": "Suggestion", "semantique": "Proximité de sens", "phrase": "Phrases les plus proches",
          "decisions": "Décisions d'autres territoires"}


@dataclass(frozen=True)
class ReasonView:
    """One reason as shown: its French label, its text, and whether it counts against the match."""

    label: str
    text: str
    against: bool = False


@dataclass(frozen=True)
class SentencePair:
    """The fiche sentence and the call sentence, each as (text, shared?) segments."""

    fiche: list[tuple[str, bool]] = field(default_factory=list)
    call: list[tuple[str, bool]] = field(default_factory=list)


def shared_stems(first: str, second: str) -> set[str]:
    """The keys of the content words the two texts have in common."""
    return search_keys(first) & search_keys(second)


def segments(text: str, keys: set[str]) -> list[tuple[str, bool]]:
    """The text cut into (piece, marked) segments: words whose key is in `keys` are marked, neighbours
    joined by spaces or a linking word in one mark (« zéro artificialisation nette », « réseau de chaleur »)."""
    out: list[tuple[str, bool]] = []
    cursor = 0
    for match in WORD.finditer(text):
        if search_key(match.group()) in keys:
            gap = text[cursor : match.start()]
            if out and out[-1][1] and _bridges(gap):
                out[-1] = (out[-1][0] + gap + match.group(), True)
            elif gap:
                out.append((gap, False))
                out.append((match.group(), True))
            else:
                out.append((match.group(), True))
            cursor = match.end()
    if cursor < len(text):
        out.append((text[cursor:], False))
    return out


LINKS = frozenset({"de", "d", "du", "des", "a", "à", "au", "aux", "en", "l", "la", "le", "les"})
"""Words that hold a compound term together; « et », « pour »… split it (as the matcher's term reasons do)."""


def _bridges(gap: str) -> bool:
    """Whether two marked words separated by `gap` belong to one term."""
    words = WORD.findall(gap)
    rest = plain_apostrophes(WORD.sub("", gap)).replace("'", "")
    return len(words) <= 2 and all(w.lower() in LINKS for w in words) and (rest == "" or rest.isspace())


def sentence_pair(evidence: str) -> SentencePair | None:
    """The marked sentence pair of a "phrase" reason (None when the evidence is not a pair)."""
    found = PAIR.match(evidence.strip())
    if found is None:
        return None
    keys = shared_stems(found["fiche"], found["call"])
    return SentencePair(segments(found["fiche"], keys), segments(found["call"], keys))


def reason_view(reason: dict[str, Any]) -> ReasonView:
    """A stored reason ({feature, weight, evidence}) in words: the label, then what the matcher found."""
    feature, evidence = str(reason.get("feature", "")), str(reason.get("evidence", ""))
    head, _, rest = evidence.partition(" : ")
    label = LABELS.get(feature, feature.capitalize() or "Raison")
    if feature == "profil" and head.startswith("profil ") and rest:
        return ReasonView(f"{label} « {head.removeprefix('profil ')} »", strip_weights(rest))
    if feature in ("termes", "exclusion") and rest:
        return ReasonView(label, strip_weights(rest), against=feature == "exclusion")
    return ReasonView(label, evidence, against=float(reason.get("weight") or 0) < 0)


def explain(reasons: list[dict[str, Any]]) -> tuple[SentencePair | None, list[ReasonView]]:
    """The sentence pair (if any) and the other reasons, strongest kind first as the matcher ordered them."""
    pair = None
    views = []
    for reason in reasons:
        if reason.get("feature") == "phrase" and pair is None:
            pair = sentence_pair(str(reason.get("evidence", "")))
            if pair is not None:
                continue
        views.append(reason_view(reason))
    return pair, views
