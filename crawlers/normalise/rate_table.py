"""Applicants named only by the rate each gets: a rate table (« Communes rurales et syndicats mixtes d'eau : 50 % ;
EPCI à fiscalité propre : 40 % ») or rates by type (« 100 % pour les laboratoires, 45 % pour les PME et les
associations »). When a text says who may apply nowhere else and gives rates to two groups at least, the types its
rates are for are its applicants (crawlers/normalise/beneficiaries.py)."""

from __future__ import annotations

import re

from crawlers.normalise.applicants import applicant_sentences
from crawlers.normalise.mentions import list_tail, mentions
from models.vocab import Beneficiary as B

_RATE_AFTER = re.compile(r"(?:\s+[\w'-]+|\s*\([^()]{1,30}\)){0,6}\s*:\s*(?:jusqu'a\s+)?\d+(?:[.,]\d+)?\s*%")
"""After a list of types (and up to six words or brackets qualifying it: « de moins de 2 000 habitants », « (OPH) »):
« : 50 % »."""
_RATE_BEFORE = re.compile(r"\d+(?:[.,]\d+)?\s*%[^.;%\d]{0,40}?\bpour (?:les |des |la |le |l')?$")
"""Before a type: « 45 % pour les »."""


def rate_table_applicants(text: str) -> tuple[B, ...]:
    """The types a text's rates are for, in reading order, when it gives rates to two groups at least (a table); one
    rate for one type (« Subvention jusqu'à 60 % pour les PME ») says how much that type gets, not who may apply."""
    found: list[B] = []
    groups = 0
    for sentence in applicant_sentences(text):
        named = mentions(sentence)
        for mention in named:
            tail = list_tail(sentence, mention)
            if _RATE_BEFORE.search(sentence, max(0, mention.start - 60), mention.start):
                found += [b for m in named if mention.start <= m.start <= tail.start for b in m.targets]
                groups += 1
            elif _RATE_AFTER.match(sentence, tail.end):
                found += mention.targets
                groups += mention is tail
    return tuple(dict.fromkeys(found)) if groups >= 2 else ()
