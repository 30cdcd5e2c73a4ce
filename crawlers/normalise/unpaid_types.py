"""Types a text says receive no aid: the subject of a sentence whose own predicate denies it the aid (« Les
entreprises locataires ne sont pas bénéficiaires de l'aide », « Les entreprises adhérentes participent aux actions ;
elles ne reçoivent pas directement l'aide »). Such a type is whom the project serves, not who applies, unless a
sentence plainly says it files (crawlers/normalise/beneficiaries.py decides)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.applicant_roles import PAID
from crawlers.normalise.applicants import applicant_sentences, read_eligibility
from crawlers.normalise.mentions import Mention, mentions
from models.french import singular
from models.vocab import Beneficiary as B

_NO_AID = re.compile(T.NO_AID)
_SUBJECT_START = re.compile(r"(?:(?:les|des|ces|leurs|la|le|l')\s*)?")
_WORD = re.compile(r"\w{2,}")
_PRONOUN = re.compile(r"\b(?:elles?|ils?|eux|lui)(?:-memes?)?\b")
"""« Les entreprises elles-mêmes ne sont pas bénéficiaires »: a pronoun does not narrow the subject."""


def unpaid_types(text: str, named: Mapping[B, set[str]] | None = None) -> set[B]:
    """The types that are the subject of a sentence denying them the aid (a company type takes its sizes along).

    A subject narrowed by the words that follow it (« Les entreprises qui s'installeront sur le site », « les
    entreprises locataires ») denies the aid to those alone: a type that `named` (type → the words naming it in the
    eligibility text, see `naming_words`) names by another word (« aménageurs privés ») is another part of that
    type, and stays."""
    found: set[B] = set()
    for sentence in applicant_sentences(text):
        mentioned = mentions(sentence)
        if not mentioned or not _SUBJECT_START.fullmatch(sentence, 0, mentioned[0].start):
            continue
        subject = mentioned[0]
        stop = mentioned[1].start if len(mentioned) > 1 else len(sentence)
        denial = _NO_AID.search(sentence, subject.end, stop)
        if not denial:
            continue
        narrowed = _WORD.search(_PRONOUN.sub(" ", sentence[subject.end:denial.start()])) is not None
        word = _word_of(sentence, subject)
        found.update(b for b in subject.targets if not (narrowed and (named or {}).get(b, set()) - {word}))
    if B.ENTREPRISE in found:
        found.update(T.SIZES)
    return found


def naming_words(text: str) -> dict[B, set[str]]:
    """Each type a text names, with the words that name it (« amenageur prive », « entreprise »: folded, singular)."""
    words: dict[B, set[str]] = {}
    for sentence in applicant_sentences(text):
        for mention in mentions(sentence):
            for b in mention.targets:
                words.setdefault(b, set()).add(_word_of(sentence, mention))
    return words


def _word_of(sentence: str, mention: Mention) -> str:
    return " ".join(singular(w) for w in sentence[mention.start:mention.end].split())


def paid_types(text: str) -> set[B]:
    """The types a sentence saying they receive a part of the aid names as applicants."""
    return {b for sentence in applicant_sentences(text) if PAID.search(sentence)
            for b in read_eligibility(sentence).applicants}
