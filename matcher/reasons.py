"""Reasons shown to people: shared terms as written in the call, profile hits, exclusions, a sentence pair."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from math import fsum

from models.records import Reason

from matcher.affinity import PairProfile
from matcher.analysis import Token
from matcher.documents import Document, Phrase, Sentence, surface
from matcher.labels import signed
from matcher.neighbours import Evidence
from matcher.thesaurus import is_concept_key

MAX_TERMS = 5
MAX_OCCURRENCES = 5
"""Occurrences of a key looked at (title first): enough to find how the call writes a term."""
MAX_KEYS = 12
"""Only the best shared keys are looked for in the call (the rest would not be shown)."""
MAX_QUOTE = 180
"""Characters of a quoted sentence."""


def term_reason(score: float, contributions: Mapping[str, float], call: Document) -> Reason | None:
    """ "termes communs : chaufferie, biomasse, réseau de chaleur" — best shared terms, as the call writes them.

    Terms brought in by a synonym come last, named with what the call says ("zéro artificialisation
    nette (ZAN)"), and are left out when that is already shown.
    """
    words = [k for k in contributions if not is_concept_key(k)]  # sectors have their own reason
    top_keys = set(sorted(words, key=lambda k: (-contributions[k], k))[:MAX_KEYS])
    spans = _spans(call, top_keys)
    spans.sort(key=lambda s: (s.origin is not None, -fsum(contributions[k] for k in s.keys), -len(s.keys)))
    chosen: list[str] = []
    covered: set[str] = set()
    for span in spans:
        origin = span.origin
        if span.keys <= covered or (origin and {t.key for t in origin.tokens if not t.is_stop} <= covered):
            continue
        text = f"{_display(span.tokens)} ({origin.text})" if origin else _display(span.tokens)
        if text not in chosen:
            chosen.append(text)
            covered |= span.keys
        if len(chosen) == MAX_TERMS:
            break
    if not chosen:
        return None
    return Reason(feature="termes", weight=round(score, 3), evidence="termes communs : " + ", ".join(chosen))


@dataclass(frozen=True)
class _Span:
    tokens: list[Token]
    keys: frozenset[str]
    origin: Phrase | None


def _spans(doc: Document, keys: set[str]) -> list[_Span]:
    """Runs of shared terms in the call, joined across linking words ("réseau de chaleur"); first of each kind."""
    positions = sorted({pos for key in keys for pos in doc.occurrences(key, limit=MAX_OCCURRENCES)})
    runs: list[list[int]] = []
    for field_number, pos in positions:
        last = runs[-1] if runs else None
        if last and last[0] == field_number and _bridgeable(doc.fields[field_number].tokens, last[2], pos):
            last[2] = pos
        else:
            runs.append([field_number, pos, pos])
    spans: dict[frozenset[str], _Span] = {}
    for field_number, start, end in runs:
        tokens = doc.fields[field_number].tokens[start : end + 1]
        keys_in = frozenset(t.key for t in tokens if t.key in keys)
        if keys_in not in spans:
            spans[keys_in] = _Span(tokens, keys_in, doc.fields[field_number].origin)
    return list(spans.values())


_LINKS = frozenset({"de", "d'", "du", "des", "a", "au", "aux", "en", "l'", "la", "le", "les"})
"""Words that hold a compound term together ("réseau de chaleur"); "et", "pour"… split it."""


def _bridgeable(tokens: list[Token], end: int, pos: int) -> bool:
    between = tokens[end + 1 : pos]
    return len(between) <= 2 and all(t.folded in _LINKS for t in between)


def _display(tokens: list[Token]) -> str:
    """Surface text, lowercased except acronyms ("ZAN", "PME")."""
    words = (t.text if t.text.isupper() and len(t.text) > 1 else t.text.lower() for t in tokens)
    return "".join(w + (" " if t.space else "") for w, t in zip(words, tokens)).strip()


def profile_reasons(parts: list[PairProfile]) -> list[Reason]:
    """One reason per profile that brings points to the pair, one per exclusion that takes some off; a profile
    the fiche is not about (affinity 0) claims nothing."""
    reasons = []
    for part in parts:
        if part.affinity <= 0:
            continue
        if part.shared or part.call_only:
            evidence = f"profil {part.profile_id} : {profile_evidence(part)}"
            reasons.append(Reason(feature="profil", weight=round(part.term_points, 3), evidence=evidence))
        for term in part.exclusions:
            evidence = f"exclusion du profil {part.profile_id} : {term} ({signed(round(part.exclusion_points, 1))})"
            reasons.append(Reason(feature="exclusion", weight=round(part.exclusion_points, 3), evidence=evidence))
    return reasons


def profile_evidence(part: PairProfile) -> str:
    """ "« chaleur fatale » (+4) dans la fiche et dans l'appel ; dans l'appel seulement, comptés à 50 % :
    décarbonation (+5)"; a profile named by the fiche lists the call's terms as they count, in full."""
    said = []
    if part.shared:
        said.append(", ".join(f"« {t} » ({signed(w)})" for t, w in part.shared) + " dans la fiche et dans l'appel")
    if part.call_only:
        found = ", ".join(f"{t} ({signed(w)})" for t, w in part.call_only)
        counted = "compté" if len(part.call_only) == 1 else "comptés"
        share = "" if part.affinity >= 1 else f", {counted} à {round(100 * part.affinity)} %"
        said.append(f"dans l'appel seulement{share} : {found}" if part.shared or share else found)
    return " ; ".join(said)


def sentence_reason(fiche: Document, call: Document, idf: Callable[[str], float]) -> Reason | None:
    """The fiche sentence and the call sentence sharing the most (idf-weighted) terms, quoted.

    Ties go to the earliest sentences (keys are visited sorted so that nothing depends on hash order).
    """
    best: tuple[float, Sentence, Sentence] | None = None
    for mine in fiche.sentences:
        overlap: dict[int, float] = defaultdict(float)
        for key in sorted(mine.keys):
            for number in call.sentences_with(key):
                overlap[number] += idf(key)
        for number, value in sorted(overlap.items()):
            if best is None or value > best[0]:
                best = (value, mine, call.sentences[number])
    if best is None:
        return None
    value, mine, theirs = best
    shared = mine.keys & theirs.keys
    evidence = f"« {quote(mine, shared)} » ↔ « {quote(theirs, shared)} »"
    return Reason(feature="phrase", weight=round(value, 3), evidence=evidence)


def quote(sentence: Sentence, shared: frozenset[str], limit: int = MAX_QUOTE) -> str:
    """The sentence, cut to about `limit` characters around its first shared term."""
    text = sentence.text
    if len(text) <= limit:
        return text
    tokens = sentence.tokens
    first = next((i for i, t in enumerate(tokens) if t.key in shared), 0)
    start = max(0, first - 4)
    end, size = start, 0
    while end < len(tokens) and size + len(tokens[end].text) + 1 <= limit:
        size += len(tokens[end].text) + 1
        end += 1
    prefix = "… " if start else ""
    suffix = " …" if end < len(tokens) else ""
    return prefix + surface(tokens[start:end]) + suffix


DECISIONS = "decisions"
"""Feature of the reasons that tell what other territories decided on the call for similar fiches."""


def decision_reasons(evidence: Evidence, names: Mapping[str, str]) -> list[Reason]:
    """ "acceptée pour 3 fiches semblables dans d'autres territoires (Vosges, Finistère)", then the rejections:
    territories by their display name (most similar fiche first), never a porteur or a fiche."""
    reasons = []
    for verb, territories, weight in (("acceptée", evidence.accepted, evidence.weights[0]),
                                      ("rejetée", evidence.rejected, -evidence.weights[1])):
        if territories:
            shown = ", ".join(dict.fromkeys(names.get(t, t) for t in territories))
            count = len(territories)
            where = "dans un autre territoire" if len(set(territories)) == 1 else "dans d'autres territoires"
            fiches = "fiche semblable" if count == 1 else "fiches semblables"
            reasons.append(Reason(feature=DECISIONS, weight=round(weight, 3),
                                  evidence=f"{verb} pour {count} {fiches} {where} ({shown})"))
    return reasons
