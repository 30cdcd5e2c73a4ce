"""Types a text says receive no aid: the subject of a sentence whose own predicate denies it the aid (« Les
entreprises locataires ne sont pas bénéficiaires de l'aide », « Les entreprises adhérentes participent aux actions ;
elles ne reçoivent pas directement l'aide »). Such a type is whom the project serves, not who applies, unless a
sentence plainly says it files (crawlers/normalise/beneficiaries.py decides)."""

from __future__ import annotations

import re

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.applicant_roles import PAID
from crawlers.normalise.applicants import applicant_sentences, read_eligibility
from crawlers.normalise.mentions import mentions
from models.vocab import Beneficiary as B

_NO_AID = re.compile(T.NO_AID)
_SUBJECT_START = re.compile(r"(?:(?:les|des|ces|leurs|la|le|l')\s*)?")


def unpaid_types(text: str) -> set[B]:
    """The types that are the subject of a sentence denying them the aid (a company type takes its sizes along)."""
    found: set[B] = set()
    for sentence in applicant_sentences(text):
        named = mentions(sentence)
        if not named or not _SUBJECT_START.fullmatch(sentence, 0, named[0].start):
            continue
        stop = named[1].start if len(named) > 1 else len(sentence)
        if _NO_AID.search(sentence, named[0].end, stop):
            found.update(named[0].targets)
    if B.ENTREPRISE in found:
        found.update(T.SIZES)
    return found


def paid_types(text: str) -> set[B]:
    """The types a sentence saying they receive a part of the aid names as applicants."""
    return {b for sentence in applicant_sentences(text) if PAID.search(sentence)
            for b in read_eligibility(sentence).applicants}
