"""Types a text says receive no aid: the subject of a sentence whose own predicate denies it the aid (« Les
entreprises locataires ne sont pas bénéficiaires de l'aide », « Les entreprises adhérentes participent aux actions ;
elles ne reçoivent pas directement l'aide »). Such a type is whom the project serves, not who applies, unless a
sentence plainly says it files (crawlers/normalise/beneficiaries.py decides)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.applicant_roles import PAID
from crawlers.normalise.applicants import applicant_sentences, precise_sentences, read_eligibility
from crawlers.normalise.mentions import Mention, mentions
from crawlers.normalise.text import fold
from models.french import singular
from models.vocab import Beneficiary as B

_NO_AID = re.compile(T.NO_AID)
_TRADE = re.compile(T.TRADES)
_PERSON_HIRED = re.compile(T.PERSON_HIRED)
_PAID_TO_PERSON = re.compile(T.PAID_TO_PERSON)
_SUBJECT_START = re.compile(r"(?:(?:les|des|ces|leurs|la|le|l')\s*)?")
_WORD = re.compile(r"\w{2,}")
_VERB = re.compile(r"\b\w{3,}(?:ent|ont)\s+(?:les|des|aux|leurs|ses|un|une|la|le|l')\b")
"""A verb in the plural and its object's article (« accueillent les », « forment des »)."""
_SUBJECT_LINK = re.compile(
    r"(?:\s+[\w'-]+){0,2}?(?:\s+qui(?:\s+[\w'-]+){1,6}?)?"
    r"(?:(?:\s*,\s*|\s+(?:et|ou)\s+)(?:(?:les|des|la|le|l'|leurs)\s*)?|\s*\(\s*)"
)
_SEMICOLON = re.compile(r"\s*;\s*")
_COMPLEMENT_BEFORE = re.compile(r"\b(?:aux|au|a|des|du|de|d'|par|pour|chez)\s*$")
"""« Les communes propriétaires de caves louées aux champignonnistes ne sont pas bénéficiaires »: a type named as a
complement inside the subject's own words is no new subject; the denial is still the subject's."""
_COORDINATED = re.compile(r"\b(?:et|mais)\s+$")
_PRONOUN = re.compile(r"\b(?:elles?|ils?|eux|lui)(?:-memes?)?\b")
"""« Les entreprises elles-mêmes ne sont pas bénéficiaires »: a pronoun does not narrow the subject."""


def unpaid_types(text: str, named: Mapping[B, set[str]] | None = None) -> set[B]:
    """The types that are the subject of a sentence denying them the aid (a company type takes its sizes along).

    A subject narrowed by the words that follow it (« Les entreprises qui s'installeront sur le site », « les
    entreprises locataires ») denies the aid to those alone: a type that `named` (type → the words naming it in the
    eligibility text, see `naming_words`) names by another word (« aménageurs privés ») is another part of that
    type, and stays."""
    found: set[B] = set()
    for sentence in _sentences_and_segments(text):
        mentioned = mentions(sentence)
        if not mentioned or not _SUBJECT_START.fullmatch(sentence, 0, mentioned[0].start):
            continue
        members = _subject_list(sentence, mentioned)  # « Les communes et les associations ne … »
        tail = members[-1]
        after = [m for m in mentioned if m.start > tail.start and not _COMPLEMENT_BEFORE.search(sentence, 0, m.start)]
        stop = after[0].start if after else len(sentence)
        denial = _NO_AID.search(sentence, tail.end, stop) or _second_predicate(sentence, tail, stop)
        if not denial:
            continue
        narrowed = _WORD.search(_PRONOUN.sub(" ", sentence[tail.end:denial.start()])) is not None
        words = {_word_of(sentence, m) for m in members}
        elsewhere = _sized_elsewhere(sentence, named) if narrowed else set()
        for subject in members:
            if narrowed and _TRADE.fullmatch(sentence, subject.start, subject.end):
                continue  # « l'aménageur privé qui réalise l'opération … n'est pas bénéficiaire »: that kind only
            found.update(b for b in subject.targets
                         if not (narrowed and ((named or {}).get(b, set()) - words or b in elsewhere)))
    if B.ENTREPRISE in found:
        found.update(T.SIZES)
    return found | _hired_people(text)


def _sized_elsewhere(sentence: str, named: Mapping[B, set[str]] | None) -> set[B]:
    """« entreprise » when the eligibility text names companies of some size in other words than this sentence's (« …
    et entreprises de moins de 250 salariés qui exploitent une plateforme »): companies denied the aid under a
    narrower name (« Les entreprises de travaux publics qui utilisent les graves ne sont pas bénéficiaires ») are then a
    part of them, and the others still apply (a bare « entreprises » elsewhere may be those very ones: the denial then
    stands)."""
    here = {_word_of(sentence, m) for m in mentions(sentence)}
    sized = any(b in T.SIZES and words - here for b, words in (named or {}).items())
    return {B.ENTREPRISE} if sized else set()


def _hired_people(text: str) -> set[B]:
    """People the applicant hires (« l'entreprise qui embauche un doctorant »), unless the aid is paid to them."""
    folded = fold(text)
    return {B.PARTICULIER} if _PERSON_HIRED.search(folded) and not _PAID_TO_PERSON.search(folded) else set()


def _sentences_and_segments(text: str) -> list[str]:
    """Each sentence, and each part of it after a semicolon (« Aide : 45 % pour les PME ; les grandes entreprises
    participent sur fonds propres »)."""
    found = []
    for sentence in applicant_sentences(text):
        found += [sentence, *_SEMICOLON.split(sentence)[1:]]
    return found


def _subject_list(sentence: str, mentioned: tuple[Mention, ...]) -> list[Mention]:
    """The types of the subject: the first one, and those joined to it by commas, « et » or « ou » (each may be
    qualified by a word or two or a relative clause: « les communes rurales et les associations », « les propriétaires
    qui cèdent les locaux et les entreprises qui les louent »), or its abbreviation in brackets
    (« L'établissement public foncier (EPF) »)."""
    members = [mentioned[0]]
    for mention in mentioned[1:]:
        if not _SUBJECT_LINK.fullmatch(sentence, members[-1].end, mention.start):
            break
        members.append(mention)
    return members


def _second_predicate(sentence: str, subject: Mention, stop: int) -> re.Match | None:
    """« Les entreprises du consortium accueillent les stagiaires et ne perçoivent pas de fonds »: a denial that the
    subject's own verb, past the types it takes as object, coordinates with « et » or « mais »."""
    if stop >= len(sentence) or not _VERB.search(sentence, subject.end, stop):
        return None
    denial = _NO_AID.search(sentence, stop)
    return denial if denial and _COORDINATED.search(sentence, 0, denial.start()) else None


def naming_words(text: str) -> dict[B, set[str]]:
    """Each type a text names, with the words that name it (« amenageur prive », « entreprise »: folded, singular); an
    audience line that precise sentences replace (« Public : Entreprise, Collectivité ») names none."""
    words: dict[B, set[str]] = {}
    for sentence in precise_sentences(text):
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
