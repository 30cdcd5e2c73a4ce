"""Types a sentence excludes, and the exceptions that let some back in (« Sont exclues les sociétés commerciales, à
l'exception des SEM »); which sentences say who may apply (crawlers/normalise/applicants.py reads them).
"""

from __future__ import annotations

import re

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.applicant_roles import SEGMENT_END
from crawlers.normalise.mentions import (
    Mention, bracket_opening, clause_start, list_head, list_tail, mentions, without_brackets,
)

_CUE = re.compile("|".join(T.APPLICANT_CUES))
EXCLUDING_BEFORE = re.compile(T.EXCLUDING_BEFORE)
_ADDRESSEE = re.compile(T.ADDRESSEE)
_THING_FOR_USERS = re.compile(T.THING_FOR_USERS)
ON_BEHALF_OF = re.compile(f"{T.ON_BEHALF_OF}|{T.PLACE_OF}")
_FOR_A_THING = re.compile(T.FOR_A_THING)
_EXCLUDING_AFTER = re.compile(T.EXCLUDING_AFTER)
_EXCLUDING_HEAD = re.compile(T.EXCLUDING_HEAD)
_EXCLUDED_RIGHT_AFTER = re.compile(T.EXCLUDED_RIGHT_AFTER)
_WHOLE_TYPE = re.compile(T.WHOLE_TYPE)
_KIND_OF_TYPE = re.compile(T.EPCI_KINDS)
_TRADE = re.compile(T.TRADES)
_EXCEPTED = re.compile(T.EXCEPTED)
_NOT_A = re.compile(T.NOT_A)
_COMPLEMENT_OF = re.compile(r"\b(?:entre|chez|par|aupres (?:de|des|du|d')|au profit (?:de|des|du|d'))\s*"
                            r"(?:les |des |la |le |l')?$")
"""« les achats entre particuliers ne sont pas éligibles »: the type completes the excluded thing."""
_OF_ANOTHER = re.compile(r"(?:\bde (?:la |le |l')?|\bdes |\bdu |\bd')$")
"""« les prestataires de l'entreprise ; ils ne peuvent pas… »: the type completes another noun, the subject the
pronoun stands for."""
_CONTRACTOR_OF = re.compile(r"\b(?:prestataires?|fournisseurs?|sous-traitants?|clients?|salaries)\s+"
                            r"(?:de (?:la |le |l')?|des |du |d')$")
"""« les éditeurs sont des prestataires de l'entreprise et ne peuvent pas être bénéficiaires »: the contractors of the
applicant are excluded, not the applicant."""
_SUBORDINATE = re.compile(r"\b(?:lorsqu|quand|si|y compris|qui|dont|que|meme si)\b|\bqu'")
_RELATIVE = re.compile(r"\bqui\s+(?:ne\s+)?$")
_WHO = re.compile(r"\bqui\b")
_NEW_CLAUSE = re.compile(r",\s*(?:et|mais|puis|alors que)\s")
_POSSESSED = re.compile(r"\b(?:leurs?|son|sa|ses) $")
"""« Les communes transmettent leurs projets à leur intercommunalité ; elles ne déposent pas »: a type after a possessive
is the subject's own, not what the pronoun takes up."""
_SOME_OF_THEM = re.compile(r"\b(?:ses|leurs|sa|son) $")
"""« … et ses communes ne relèvent pas… »: the members of one body, not the type."""
_PRONOUN_EXCLUSION = re.compile(rf"(?:[;:]|,?\s*\bmais\b)\s*(?:ils|elles|ceux-ci|celles-ci)\s+(?:{T.EXCLUDING_BEFORE})")
_TERSE_REFUSAL = re.compile(
    r"(?:\s*(?:,|\bet\b|\bou\b)\s*(?!non\b)[\w'-]+(?:\s+[\w'-]+)?){0,3}?"  # « … et promoteurs : non éligibles »
    r"\s*:\s*(?:partenaires?(?: possibles?| associee?s?)?\s*,?\s*)?"
    r"(?:non (?:eligibles?|porteu(?:r|se)s?|candidate?s?)|ineligibles?|exclue?s?|exclus)\b"
)
"""A label line's refusal after a list of types, which may end on other words (« Entreprises : non éligibles »,
« Communes et entreprises : partenaires possibles, non porteuses », « Propriétaires privés et promoteurs : non
éligibles »)."""
_ADMITTED_IN_A_CASE = re.compile(
    r"[^.;]{0,60}?\b(?:ne (?:sont|est) pas eligibles?|ne peu(?:t|vent) pas (?:candidater|deposer|etre candidat\w*)"
    r"|(?:sont|est) exclue?s?|(?:sont|est) exclus)"
    r",? sauf (?:lorsqu|quand|si\b|s'|dans (?:le|les|un) cas|pour (?:leurs?|ses|son|sa)\b)"
)
"""After a type: excluded but for a case, in which it may apply (« Les SEM ne sont pas éligibles, sauf lorsqu'elles sont
concessionnaires »; « Les exploitations agricoles sont exclues, sauf pour leurs ateliers de transformation »)."""
_SOME_EXCEPTED = re.compile(
    r"(?:(?:\s+[\w'-]+){0,2}?|[^.;:]{0,60}?\b(?:ne (?:sont|est) pas eligibles?|(?:sont|est) exclue?s?"
    r"|ne peu(?:t|vent) pas (?:candidater|deposer)))\s*,?\s*"
    r"(?:a l'exception|a l'exclusion|exception faite|sauf|hormis|excepte)\s*(?:de |d')?\s*"
    r"(?:celles|ceux|celle|celui|les [\w'-]+s (?=qui\b|dont\b|d'|de |du |des ))"
)
"""After an excluded type: the exception of some of them (« les communes, à l'exception de celles qui… », « Les
particuliers ne sont pas éligibles, sauf les propriétaires d'une chaumière du Parc »)."""
_ONE_BODY_BEFORE = re.compile(r"\b(?:la|le|l') ?$")
_ONE_BODY_AFTER = re.compile(r" (?:de |d'|du )(?!(?:plus|moins)\b)\w")
_EXCEPTION_LINK = re.compile(T.OBJECT_LINK.replace(r"[\s,]+", r"[\s,()]+"))
_FORMED_LINK = re.compile(T.FORMED_LINK)
_MEMBER_OF = re.compile(T.MEMBER_OF)


def is_cued(sentence: str) -> bool:
    """The sentence says who may apply; « … ne peuvent pas candidater » says who may not; « des plateformes ouvertes
    aux entreprises », « des ateliers (découpe, usinage) ouverts aux artisans » say who uses a thing."""
    text = EXCLUDING_BEFORE.sub(" ", without_brackets(sentence))
    return any(not (_ADDRESSEE.fullmatch(cue.group()) and _THING_FOR_USERS.search(text, 0, cue.start()))
               for cue in _CUE.finditer(text))


def is_excluded(sentence: str, mention: Mention) -> bool:
    """Excluded as a whole type; « à l'exclusion des communes de plus de 10 000 habitants », « les associations
    cultuelles sont exclues » exclude only a group of it."""
    whole = (bool(_WHOLE_TYPE.match(sentence, mention.end))
             and not _KIND_OF_TYPE.fullmatch(sentence, mention.start, mention.end)
             and not _SOME_OF_THEM.search(sentence, 0, mention.start) and not _one_body(sentence, mention)
             and not _examples_of_another(sentence, mention))
    complement = _COMPLEMENT_OF.search(sentence, 0, list_head(sentence, mention))
    terse = _TERSE_REFUSAL.match(sentence, list_tail(sentence, mention).end) is not None
    return whole and not complement and not _for_a_thing(sentence, mention) and (
        terse or in_exclusion(sentence, mention))


def _one_body(sentence: str, mention: Mention) -> bool:
    """« la Métropole de Lyon … ne relève pas du Département »: one named body (singular, « de » and its name), not
    the type."""
    singular = not sentence[mention.start:mention.end].endswith("s")
    return singular and bool(_ONE_BODY_BEFORE.search(sentence, 0, mention.start)
                             and _ONE_BODY_AFTER.match(sentence, mention.end))


def _examples_of_another(sentence: str, mention: Mention) -> bool:
    """« Les occupants des ateliers (artisans, makers) ne sont pas éligibles »: types in brackets after a word that names
    no type are examples of what that word names."""
    opening = bracket_opening(sentence, mention.start)
    return opening is not None and not any(opening - 3 <= m.end <= opening for m in mentions(sentence))


def is_kind(sentence: str, mention: Mention) -> bool:
    """Named by a trade or a legal form (« les armateurs », « les CUMA »: T.TRADES), not by its type's own word."""
    return _TRADE.fullmatch(sentence, mention.start, mention.end) is not None


def _for_a_thing(sentence: str, mention: Mention) -> bool:
    """« les équipements réservés à un club ne sont pas éligibles »: the clause opens on things the type uses; the
    exclusion removes those things, not the type (nor does the type apply)."""
    start = clause_start(sentence, mention.start)
    return bool(_FOR_A_THING.search(sentence, start, mention.start)) and not any(
        start <= m.start < mention.start for m in mentions(sentence))


def in_exclusion(sentence: str, mention: Mention) -> bool:
    opening = clause_start(sentence, mention.start)
    if (_NOT_A.search(sentence, 0, mention.start) or ON_BEHALF_OF.search(sentence, opening, mention.start)
            or _MEMBER_OF.search(sentence, 0, mention.start)):
        return False  # « … n'est pas une PME », « pour le compte de la commune », « l'employeur de l'apprenti » : the
        # exclusion is someone else's
    if readmitted(sentence, mention):
        return False
    if _EXCLUDING_HEAD.match(sentence) and not _SUBORDINATE.search(sentence, opening, mention.start):
        return True  # « Ne sont pas éligibles : les associations, … » (not « … loué à l'entreprise » in a subordinate)
    if _EXCLUDING_AFTER.search(sentence, opening, mention.start):
        return True
    if _EXCLUDED_RIGHT_AFTER.match(sentence, mention.end):
        return True
    if _SUBORDINATE.search(sentence, opening, mention.start):
        return False  # « les associations, lorsqu'elles envisagent une transformation en SCIC, ne sont pas… »
    segment_end = SEGMENT_END.search(sentence, mention.end)
    if segment_end and _PRONOUN_EXCLUSION.match(sentence, segment_end.start()) and not _OF_ANOTHER.search(
            sentence, 0, mention.start) and not _POSSESSED.search(sentence, 0, mention.start):
        return True  # « les départements, les intercommunalités … ; ils ne peuvent pas candidater »
    after = sentence[mention.end: segment_end.start() if segment_end else len(sentence)]
    verb = EXCLUDING_BEFORE.search(after)
    if not verb or _CUE.search(after, 0, verb.start()) or _CONTRACTOR_OF.search(sentence, 0, mention.start):
        return False
    if _NEW_CLAUSE.search(after, 0, verb.start()):
        return False  # « … attribuée à la collectivité, et la SEM ne peut pas déposer »: another subject's verb
    relative = _RELATIVE.search(after, 0, verb.start())  # « …, à l'exception des micro-entreprises, qui sont orientées »
    return not relative or not any(mention.end < m.start and m.end <= mention.end + relative.start()
                                   for m in mentions(sentence))


def readmitted(sentence: str, mention: Mention) -> bool:
    """Named after the exception to an exclusion (« Sont exclues les sociétés commerciales, à l'exception des
    SEM »), or excluded but for a case in which it may then apply (« Les chambres consulaires ne sont pas éligibles,
    sauf lorsqu'une convention leur confie l'animation ; elles peuvent alors être candidates »), or excluded but for
    some of them (« Ne sont pas éligibles : les communes, à l'exception de celles qui gèrent un port en régie »): it may
    apply."""
    if _ADMITTED_IN_A_CASE.match(sentence, mention.end) or _SOME_EXCEPTED.match(sentence, mention.end):
        return True
    exceptions = list(_EXCEPTED.finditer(sentence, 0, mention.start))
    if not exceptions or not _excluding_around(sentence, exceptions[-1]):
        return False
    at = exceptions[-1].end()
    for named in mentions(sentence):  # the list right after the exception, and no further
        if named.end <= at:
            continue
        if (named.start > at and not _EXCEPTION_LINK.fullmatch(sentence, at, named.start)
                and not _FORMED_LINK.fullmatch(sentence, at, named.start)):
            return False
        if named.start == mention.start:
            return True
        at = named.end
    return False


def _excluding_around(sentence: str, exception: re.Match[str]) -> bool:
    """The exception is one to an exclusion: the sentence opens on it or says it before the exception (« Sont
    exclues les sociétés commerciales, à l'exception… »), or right after the list it interrupts (« Les sociétés, à
    l'exception des SEM, ne sont pas éligibles »), not in a relative clause about the exception (« …, qui sont
    orientées vers… ») nor in a sentence that says who may apply."""
    if _EXCLUDING_HEAD.match(sentence) or EXCLUDING_BEFORE.search(sentence, 0, exception.start()):
        return not is_cued(sentence[: exception.start()])
    verb = EXCLUDING_BEFORE.search(sentence, exception.end())
    return bool(verb) and not _WHO.search(sentence, exception.end(), verb.start()) and not is_cued(sentence)


