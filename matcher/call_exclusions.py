"""Subjects a funder excludes in the text of its call: « hors biomasse », « ne sont pas éligibles : les
véhicules, les chaudières au fioul », « les projets de méthanisation sont exclus ». Pure: tokens in, spans out.

A subject is cut from the analysed tokens: determiners skipped, then a content word and its complements held
together by linking words (« chaudières au fioul »), up to the first stop word or punctuation. Subjects joined
by « et », « ou », « ni » (or by commas in a list after a colon, or in bullets) are separate exclusions. The
trigger words and the idioms that only look like them live in `call_exclusion_words`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matcher.analysis import Token, make_token
from matcher.call_exclusion_words import (
    AFTER, BOILERPLATE, BOUNDARIES, BULLETS, COORDINATORS, DETERMINERS, EXCEPTIONS, IGNORED_AFTER, LINKS,
    MAX_WORDS, NEGATIONS, PLACES, SCOPE, SEPARATORS, SKIPPED_BEFORE, TIMES, TRIGGERS,
)
from matcher.documents import Document, Phrase, surface

FIELDS = ("title", "summary", "description", "eligibility_text")
"""Fields of a call document where its funder writes exclusions (not themes, not synonym expansions)."""
MAX_ITEMS = 12
"""Items of one list read at most."""
QUOTE_BEFORE = 6
QUOTE_AFTER = 2
MAX_QUOTE_TOKENS = 28

Span = tuple[int, int]
"""Token positions [start, end) within one field."""


@dataclass(frozen=True)
class CallExclusion:
    """A subject the funder excludes from its call."""

    subject: str
    """As the call writes it, lowercased except acronyms (« chaudières au fioul »)."""
    keys: frozenset[str]
    """Content keys of the subject: the fiche must hold them all to be about it."""
    quote: str
    """The words of the call around the exclusion (« … chaleur bas carbone hors biomasse »)."""
    field: str
    """Name of the field it was found in."""


@dataclass(frozen=True)
class FoundSubject:
    """A trigger and one subject it excludes, as token spans."""

    trigger: Span
    subject: Span


def call_exclusions(doc: Document) -> list[CallExclusion]:
    """Every subject the call excludes, once per subject (first place it is written); a subject that holds another
    one (« chaufferies biomasse » beside « biomasse ») adds nothing and is left out."""
    found: dict[frozenset[str], CallExclusion] = {}
    for number in sorted({f for phrase in _FIRST_PHRASES for f, _ in doc.find(phrase)}):
        fld = doc.fields[number]
        if fld.name not in FIELDS:
            continue
        for hit in find_subjects(fld.tokens):
            tokens = fld.tokens[hit.subject[0]:hit.subject[1]]
            keys = frozenset(t.key for t in tokens if doc.is_content(t))
            if keys and not _boilerplate(tokens) and keys not in found:
                found[keys] = CallExclusion(_display(tokens), keys, quote(fld.tokens, hit), fld.name)
    return [e for e in found.values() if not any(other < e.keys for other in found)]


def find_subjects(tokens: Sequence[Token]) -> list[FoundSubject]:
    """Every (trigger, excluded subject) in a field's tokens."""
    found: list[FoundSubject] = []
    excluding = -1
    """Sentence of the last trigger that is no exception: an exception after it re-admits."""
    k = 0
    while k < len(tokens):
        hit = _trigger_at(tokens, k)
        if hit is None or _ignored(tokens, k, hit[0]):
            k += 1
            continue
        end, direction = hit
        is_exception = tokens[k].folded in EXCEPTIONS
        readmits = is_exception and tokens[k].sent == excluding
        excluding = excluding if is_exception else tokens[k].sent
        if not readmits and not _negated(tokens, k):
            spans = _after(tokens, end) if direction == AFTER else _either(tokens, k, end)
            found.extend(FoundSubject((k, end), s) for s in spans)
        k = end
    return found


_FIRST = frozenset(form for slots, _ in TRIGGERS for form in slots[0])
_FIRST_PHRASES = [Phrase(form, (make_token(form, form, 0, False, False, True),)) for form in sorted(_FIRST)]
"""The first words of the triggers, looked up in a document's index: fields without any are not read."""


def _trigger_at(tokens: Sequence[Token], k: int) -> tuple[int, str] | None:
    """(end of the trigger, its direction) when one starts at k; the longest wins."""
    if tokens[k].folded not in _FIRST:
        return None
    best = None
    for slots, direction in TRIGGERS:
        end = k + len(slots)
        if end <= len(tokens) and all(tokens[k + n].folded in slot for n, slot in enumerate(slots)):
            if best is None or end > best[0]:
                best = (end, direction)
    return best


def _ignored(tokens: Sequence[Token], k: int, end: int) -> bool:
    """« hors taxes », « sauf mention contraire », « hors zone urbaine », « hors Occitanie », « sauf le dimanche »."""
    if end >= len(tokens) or tokens[end].sent != tokens[k].sent:
        return False
    word = "excepte" if tokens[k].folded.startswith("except") else tokens[k].folded
    following = tokens[end]
    if following.folded in IGNORED_AFTER.get(word, ()):
        return True
    if tokens[k].folded not in EXCEPTIONS:
        return False
    head = _skip(tokens, end, DETERMINERS, tokens[k].sent)
    if head < len(tokens) and tokens[head].folded in PLACES | TIMES:
        return True
    written = tokens[head].text if head < len(tokens) else ""
    return tokens[k].text.islower() and written[:1].isupper() and not written.isupper()


def _negated(tokens: Sequence[Token], k: int) -> bool:
    """« aucun secteur n'est exclu », « ne sont pas non éligibles » (a trigger that holds its own « ne » is not)."""
    if tokens[k].folded in {"ne", "n'"}:
        return False
    q = k
    while q > 0 and tokens[q - 1].sent == tokens[k].sent and tokens[q - 1].folded in SKIPPED_BEFORE | NEGATIONS:
        q -= 1
        if tokens[q].folded in NEGATIONS:
            return True
    return False


def _after(tokens: Sequence[Token], p: int) -> list[Span]:
    """Subjects after a trigger: one, or several joined by « et », « ou », « ni »."""
    if p < len(tokens) and tokens[p].folded == ":":
        return _list(tokens, p + 1)
    return _coordinated(tokens, p, len(tokens), in_list=False)


def _either(tokens: Sequence[Token], k: int, end: int) -> list[Span]:
    """« sont exclus (du dispositif) : X, Y », else the subject before (« X sont exclus »), else the one after
    (« sont exclus les X »)."""
    sent = tokens[k].sent
    past = _skip(tokens, end, SCOPE, sent)
    if past < len(tokens) and tokens[past].folded == ":" and tokens[past].sent == sent:
        return _list(tokens, past + 1)
    before = _before(tokens, k)
    if before:
        return before
    start = past if past < len(tokens) and tokens[past].folded in DETERMINERS else end
    return _coordinated(tokens, start, len(tokens), in_list=False)


def _before(tokens: Sequence[Token], k: int) -> list[Span]:
    """The subject standing right before a trigger, within its sentence."""
    sent = tokens[k].sent
    end = k
    while end > 0 and tokens[end - 1].sent == sent and tokens[end - 1].folded in SKIPPED_BEFORE:
        end -= 1
    start = end
    while start > 0 and tokens[start - 1].sent == sent and _in_subject_region(tokens[start - 1]):
        start -= 1
    while start < end and (tokens[start].folded in LINKS or tokens[start].folded in COORDINATORS):
        start += 1
    spans = _coordinated(tokens, start, end, in_list=False) if start < end else []
    return spans if spans and spans[-1][1] == end else []


def _in_subject_region(token: Token) -> bool:
    return _is_word(token) or token.folded in LINKS | DETERMINERS | COORDINATORS


def _list(tokens: Sequence[Token], p: int) -> list[Span]:
    """Items after a colon: separated by commas, « ; », « et »/« ou »/« ni », or one per bullet line."""
    items: list[Span] = []
    sent = tokens[p - 1].sent
    q = p
    while q < len(tokens) and len(items) < MAX_ITEMS:
        if tokens[q].sent != sent:
            if not _continues(tokens, q):
                break
            sent = tokens[q].sent
        if tokens[q].folded in BULLETS | SEPARATORS | COORDINATORS:
            q += 1
            continue
        spans = _coordinated(tokens, q, len(tokens), in_list=True)
        items.extend(spans)
        q = _next_item(tokens, spans[-1][1] if spans else q, sent)
    return items[:MAX_ITEMS]


def _continues(tokens: Sequence[Token], q: int) -> bool:
    """A list goes on into the next line when it starts with a bullet or the line before ended with « : » or « ; »."""
    return tokens[q].folded in BULLETS or tokens[q - 1].folded in {":", ";"}


def _next_item(tokens: Sequence[Token], q: int, sent: int) -> int:
    """The next separator of the list, or the start of the next sentence."""
    while q < len(tokens) and tokens[q].sent == sent:
        if tokens[q].folded in SEPARATORS | COORDINATORS:
            return q
        q += 1
    return q


def _coordinated(tokens: Sequence[Token], p: int, limit: int, in_list: bool) -> list[Span]:
    """A subject and those joined to it; outside a list, commas join only when « et »/« ou »/« ni » ends the chain
    (« hors biomasse, géothermie et solaire »), so that « hors biomasse, les entreprises… » keeps one subject."""
    first = _subject(tokens, p, limit)
    if first is None:
        return []
    kept, pending = [first], []
    while first[1] < limit and tokens[first[1]].sent == tokens[first[0]].sent:
        separator = tokens[first[1]].folded
        if separator not in COORDINATORS and separator not in SEPARATORS:
            break
        nxt = _subject(tokens, first[1] + 1, limit)
        if nxt is None:
            break
        if separator in COORDINATORS:
            kept.extend(pending)
            pending = []
            kept = _joined(tokens, kept, nxt)
        else:
            pending.append(nxt)
        first = nxt
    return kept + pending if in_list else kept


def _joined(tokens: Sequence[Token], kept: list[Span], nxt: Span) -> list[Span]:
    """« dépenses de recherche et développement » is one subject (the second item has no determiner of its own and
    the first has a complement); « hors biomasse et géothermie » are two."""
    last = kept[-1]
    own_determiner = tokens[nxt[0] - 1].folded in DETERMINERS
    has_complement = any(t.folded in LINKS for t in tokens[last[0]:last[1]])
    if has_complement and not own_determiner:
        return [*kept[:-1], (last[0], nxt[1])]
    return [*kept, nxt]


def _subject(tokens: Sequence[Token], p: int, limit: int) -> Span | None:
    """The subject starting at p (determiners skipped): a content word and its complements; None when there is
    none or when it runs past `MAX_WORDS` content words (the cut would not be trusted)."""
    sent = tokens[p].sent if p < limit else -1
    p = _skip(tokens, p, DETERMINERS, sent, limit)
    if p >= limit or tokens[p].sent != sent or not _is_word(tokens[p]):
        return None
    end, words, q = p + 1, 1, p + 1
    while q < limit and tokens[q].sent == sent:
        if _is_word(tokens[q]):
            words, end, q = words + 1, q + 1, q + 1
            continue
        r = _skip(tokens, q, LINKS | DETERMINERS, sent, limit)
        if r == q or r >= limit or tokens[r].sent != sent or not _is_word(tokens[r]):
            break
        q = r
    return (p, end) if words <= MAX_WORDS else None


def _is_word(token: Token) -> bool:
    """A word that can be part of a subject: no stop word, punctuation, number or exclusion word."""
    return not (token.is_stop or token.is_punct or token.folded.isdigit() or token.folded in BOUNDARIES
                or token.folded in COORDINATORS or token.folded in DETERMINERS)


def _skip(tokens: Sequence[Token], p: int, words: frozenset[str], sent: int, limit: int | None = None) -> int:
    limit = len(tokens) if limit is None else limit
    while p < limit and tokens[p].sent == sent and tokens[p].folded in words:
        p += 1
    return p


def _boilerplate(tokens: Sequence[Token]) -> bool:
    keys = {t.key for t in tokens if _is_word(t)}
    return any(common <= keys for common in BOILERPLATE)


def quote(tokens: Sequence[Token], hit: FoundSubject) -> str:
    """The trigger and the subject with a few words before, « … » where the sentence is cut."""
    first, last = min(hit.trigger[0], hit.subject[0]), max(hit.trigger[1], hit.subject[1])
    sent, last_sent = tokens[first].sent, tokens[last - 1].sent
    start = first
    while start > 0 and tokens[start - 1].sent == sent and first - start < QUOTE_BEFORE:
        start -= 1
    end = last
    while end < len(tokens) and tokens[end].sent == last_sent and end - last < QUOTE_AFTER:
        end += 1
    if end - start > MAX_QUOTE_TOKENS and hit.subject[0] > hit.trigger[1]:
        text = surface(tokens[start:hit.trigger[1]]) + " … " + surface(tokens[hit.subject[0]:end])
    else:
        text = surface(tokens[start:end])
    prefix = "… " if start > 0 and tokens[start - 1].sent == sent else ""
    suffix = " …" if end < len(tokens) and tokens[end].sent == last_sent else ""
    return prefix + text + suffix


def _display(tokens: Sequence[Token]) -> str:
    """Surface text, lowercased except acronyms (« PME »)."""
    words = (t.text if t.text.isupper() and len(t.text) > 1 else t.text.lower() for t in tokens)
    return "".join(w + (" " if t.space else "") for w, t in zip(words, tokens)).strip()
