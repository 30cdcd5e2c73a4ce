"""The role a type named in a sentence plays: an applicant, or a partner, an owner, a mandatary, a member of a group,
a circumstance, someone a relative clause speaks of… (crawlers/normalise/applicants.py decides with these).
"""

from __future__ import annotations

import re

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.mentions import (
    CLAUSE_END, OBJECT_LINK, TEXT, Mention, bracket_opening, clause_end, clause_start, first_of_complement, list_head,
    mentions,
)
from models.vocab import Beneficiary as B

_NOT_APPLYING = re.compile(T.NOT_APPLYING)
_NOT_RECEIVING = re.compile(T.NOT_RECEIVING)
_DEFINED_BY = re.compile(T.DEFINED_BY)
_COLON_LIST = re.compile(T.COLON_LIST)
_OWNED_BY = re.compile(T.OWNED_BY)
_MEMBERS_OF_A_BODY = re.compile(T.MEMBERS_OF_A_BODY)
_FOUNDED_BY = re.compile(T.FOUNDED_BY)
_PARTNER_LABEL = re.compile(
    r"(?:les )?(?:partenaires?|co-?financeurs?|prestataires?)"
    r"(?:\s+(?:obligatoires?|possibles?|associee?s?|techniques?|envisagee?s|pressentie?s"
    r"|non (?:financee?s?|aidee?s?|subventionnee?s?|remuneree?s?)|sans (?:financement|aide)))?\s*:"
)
"""« Partenaires obligatoires : », « Partenaires non aidés : » (not « Partenaires éligibles : », a list of applicants)."""
_LABEL_HEAD = re.compile(r"\s*(?:eligibles?|beneficiaires?|concernee?s|candidate?s|porteuses?)\s*:\s*")
_UNPAID_TAIL = re.compile(r",\s*(?:et |mais )?sans (?:aide|financement|subvention|contrepartie financiere"
                          r"|etre (?:financ|aide|subventionn|remunere)\w*)\s*$")
"""« Les grands groupes co-animent le programme, sans aide. »: said last, it is the subject's."""
PAID = re.compile(T.PARTNERS_PAID)
_HIRED_BEFORE = re.compile(T.HIRED_BEFORE)
_HIRED_AFTER = re.compile(T.HIRED_AFTER)
_ONE_KIND = re.compile(r"\b(?:un|une)\s+$")
_OTHER_STATUS = re.compile(r"[^,;:.]{0,80}?\b(?:ou|et)\s+")
_RELATIVE_NEXT = re.compile(r",\s*qui\b|\s*;\s*(?:ils?|elles?)\b|,\s*(?:chacune?|tous|toutes)\b"
                            r"|,\s*(?=(?:financee?s?|aidee?s?|subventionnee?s?) (?:pour|a hauteur de|sur)\b)")
_OWNERS_REACH = 80
"""« détenu par des habitants, des associations… »: how far before a list of owners its verb may stand."""
_RELATIVE_PRONOUN = re.compile(r"\b(?:dont|qui)\b")
_WHAT_IT_IS = re.compile(r"\s*qui (?:peu(?:t|vent) etre|doi(?:t|vent) etre|est|sont) ")
_MEMBERS = re.compile(r"dont\s+(?:les|des|la|le|l'|une?|au moins une?|deux|trois)?\s*")
"""« les établissements de formation, dont les CFA »: « , dont » right before a type lists members of the type before
(« les SEM dont les collectivités détiennent le capital » is a relative clause)."""
_JOINT = re.compile(r"\bco-?(?:depos|port|constru|pilot)\w*|\bconjointement\b")
"""« les PME, qui co-déposent avec un laboratoire »: the relative clause names a co-applicant."""
_APPOSITION = re.compile(r"qui\s+(?:sont|est|doi(?:t|vent) etre)\s+(?:obligatoirement\s+)?(?:des|une?|les?|la|l')?\s*")
"""« les sous-traitants qui sont des PME ou des ETI »: the relative clause says what the type before is."""
_GROUP_OF = re.compile(r"\b(?:associations?|federations?|unions?|groupements?|clubs?|reseaux|collectifs?|syndicats?)"
                       r"(?: \w+)? (?:de|d'|des)\s*$")
_GATHERS = re.compile(r"\b(?:clusters?|associations?|federations?|unions?|groupements?|clubs?|reseaux|poles?|grappes?)\b"
                      r"[^.;:]{0,100}?\b(?:regroupant|rassemblant|federant|comptant|qui (?:regroupe|rassemble|federe|compte)nt?)"
                      r"\s+(?:au moins |plus de |pres de |environ )?(?:\w+\s+)?$")
"""« un cluster, constitué en association et regroupant au moins quinze entreprises »: the group's members."""
_AMONG = re.compile(r"[^.;:,]{0,60}?\s*,?\s*dont (?:au moins |obligatoirement |notamment |si possible )?"
                    r"(?:une?|deux|trois|\d+|des|les|la|le|l')?\s*")
_LIST_ITEM = re.compile(r"\s*(?:(?:et|ou)\s+)?(?:les|des|la|le|l')\s*(?=\w)")
"""The start of a clause that goes on with a list of types (« …, les fabricants de machines-outils et l'OPCO »)."""
_TRADE_NOUN = re.compile(T.TRADES)
_DEFINITION_END = re.compile(r"[.;]")
_COUNTED = re.compile(r"(?:\b(?:avec|(?:perimetres?|territoires?|bassins?|secteurs?) (?:d'|de ))\s*"
                      r"(?:au moins |au minimum |un minimum de |plus de )?"
                      r"|^\W*(?:au moins|au minimum|un minimum de|minimum)\s+)" + T.COUNT + "$")
_FILES_AFTER = re.compile(r"[^.;:]*\b(?:porte|deposent|candidatent|sollicitent|peuvent|doivent)\b")
_CONDITION = re.compile(r"(?:lorsqu|quand\b|si\b|s'|dans le cas ou\b|en cas d)[^,;:]*,")
_PLACE_BEFORE = re.compile(r"\b(?:dans|sur) (?:les |le |la |l'|des |un |une |chaque |toute |ces |leurs? )?$"
                           r"|\bde ces (?:deux |trois |quatre |cinq )?$"
                           r"|\b(?:sur|dans) (?:le |l')?(?:territoire|perimetre|ressort) (?:de la |de l'|du |des |de |d')"
                           r"(?:[\w'-]+ ){0,4}$")
_TAKEN_UP = re.compile(r"\s*(?:celle-ci|celui-ci|celles-ci|ceux-ci|elles?|ils?)(?: aussi| egalement)? "
                       r"(?:peu(?:t|vent)|doi(?:t|vent)|depose(?:nt)?|porte(?:nt)?) ")
"""« Lorsque le bâtiment appartient à une commune, celle-ci peut porter les travaux »: the main clause's subject takes
up the type the condition named, which then applies."""
_CONSORTIUM_OF = re.compile(r"\bconsortiums? (?:\w+ )?(?:d'|de |des )(?:au moins |plus de )?(?:une? |deux |trois |\d+ )?$"
                            r"|\bequipes? (?:candidates? |issues? )?(?:d'|de |des )$")
_TEAMS_OF = re.compile(T.TEAMS_OF + r"\s*(?:a |aux |au )?(?:d'|de |des |du )?(?:la |l'|une? )?$")
_RELATIVE_END = re.compile(r"[,;:()—–]|\.\s|\b(?:et|ou) (?:(?:par|pour) )?(?:les|des|aux)\b"
                           r"|\b(?:et|ou) (?:par|pour) (?:une?|la|le|l')|\bainsi que\b")
_STATUS_OF = re.compile(T.STATUS_OF)
_MANDATARY_AFTER = re.compile(T.MANDATARY_AFTER)
_LIST_IN_BRACKETS = re.compile(r"[^().;:,]{0,40}\((?=[^()]*(?:,|\bou\b|\bet\b))")
CO_APPLICANT = re.compile(T.CO_APPLICANT)
SEGMENT_END = re.compile(r"[;:]|\bmais\b")


def is_partner(sentence: str, mention: Mention) -> bool:
    """The type's clause makes it a partner, a participant without aid or an audience (« sont partenaires »), or the
    sentence ends by saying its subject gets no aid; for a type in brackets, the clause of what the brackets follow
    (« Les maîtres d'œuvre (grands groupes) sont partenaires »)."""
    opening, closing = bracket_opening(sentence, mention.start), sentence.find(")", mention.end)
    if opening is not None and closing > 0:
        start, end = clause_start(sentence, opening), clause_end(sentence, closing + 1)
    else:
        start, end = clause_start(sentence, mention.start), clause_end(sentence, mention.end)
    unpaid_subject = start == 0 and _UNPAID_TAIL.search(sentence.rstrip(" .;!")) is not None
    return bool((_NOT_APPLYING.search(sentence[start:end]) or unpaid_subject)
                and not CO_APPLICANT.search(sentence, mention.end) and not PAID.search(sentence, start, end))


def on_a_partner_line(sentence: str, mention: Mention) -> bool:
    """Listed after a label that names partners (« Partenaires obligatoires : au moins une entreprise et un OPCO, sans
    financement »), unless the line says they are paid."""
    label = _PARTNER_LABEL.match(sentence)
    return bool(label) and label.end() <= mention.start and not PAID.search(sentence)


def what_a_partner_is(sentence: str, mention: Mention) -> bool:
    """The type's list, in a relative clause, says what a partner, a cofinancer or an audience named before it may be
    (« un cofinanceur, qui peut être une entreprise ou une collectivité »): no applicant."""
    start = clause_start(sentence, list_head(sentence, mention))
    if not start or not _WHAT_IT_IS.match(sentence, start):
        return False
    before = clause_start(sentence, start - 1)
    return bool(_NOT_APPLYING.search(sentence, before, start))


def in_relative_clause(sentence: str, mention: Mention) -> bool:
    """Named inside a relative clause about the type before it (« les associations dont les ressources viennent
    d'une seule collectivité », « les SEM qui travaillent pour des communes »): no applicant. A headcount there
    sizes that type (« les entreprises qui emploient moins de 50 salariés »); « dont les CFA » lists members."""
    head = next((m for m in mentions(sentence) if m.start == list_head(sentence, mention)), mention)
    if head.start < mention.start:
        return in_relative_clause(sentence, head)  # « … qui accueillent des stagiaires ou des apprentis »
    before = [m for m in mentions(sentence) if m.end <= mention.start]
    if mention.headcount or not before:
        return False
    between = sentence[before[-1].end: mention.start]
    pronoun = _RELATIVE_PRONOUN.search(between)
    members = _MEMBERS.fullmatch(between, pronoun.start()) and between[: pronoun.start()].rstrip().endswith(",") \
        if pronoun else False
    if pronoun is None or members or _JOINT.search(between, pronoun.end()):
        return False
    if _APPOSITION.fullmatch(between, pronoun.start()):
        return False
    return not _RELATIVE_END.search(between, pronoun.end())


def member_companies(sentence: str, mention: Mention) -> bool:
    """« les fédérations de commerçants ou d'artisans », « un réseau de PME »: companies a group gathers are its
    members, not applicants (the group applies under its own type)."""
    if not all(b == B.ENTREPRISE or b in T.SIZES for b in mention.targets):
        return False
    start = first_of_complement(sentence, mention).start
    before = sentence[:start] + ("d'" if sentence.startswith("d'", start) else "")  # « clubs d'industriels »
    return bool(_GROUP_OF.search(before) or _GATHERS.search(before))


def named_as_place(sentence: str, mention: Mention) -> bool:
    """« les projets réalisés dans les départements du Nord et du Pas-de-Calais », « des stages dans les entreprises »,
    « les entreprises de ces deux départements », « sur le territoire d'Angers Loire Métropole »: right after « dans »,
    « sur », « de ces » or « sur le territoire de », the type is where something happens."""
    return bool(_PLACE_BEFORE.search(sentence, max(0, mention.start - 80), mention.start))


def size_among_companies(sentence: str, mention: Mention) -> bool:
    """« au moins deux entreprises, dont une PME », « les entreprises, dont les PME »: a size among companies named
    just before is what the group must include, not a limit on who applies."""
    if mention.headcount or not mention.targets or not all(b in T.SIZES for b in mention.targets):
        return False
    before = [m for m in mentions(sentence) if m.end <= mention.start]
    return bool(before) and B.ENTREPRISE in before[-1].targets and bool(
        _AMONG.fullmatch(sentence, before[-1].end, mention.start))


def consortium_member(sentence: str, mention: Mention) -> bool:
    """« des consortiums d'universités, d'organismes de recherche et d'entreprises »: a consortium's members apply; so
    do the bodies candidate teams belong to (« Les équipes candidates relèvent d'organismes de recherche publics… »,
    « Équipes d'universités et d'établissements de santé »)."""
    start = first_of_complement(sentence, mention).start
    return bool(_CONSORTIUM_OF.search(sentence, 0, start) or _TEAMS_OF.search(sentence, 0, start))


def in_condition(sentence: str, mention: Mention) -> bool:
    """Named in the condition that opens the sentence (« Lorsque le réseau est délégué à une entreprise, la demande
    est présentée par la commune »): a circumstance, not an applicant."""
    condition = _CONDITION.match(sentence)
    return bool(condition) and mention.end <= condition.end() and not _TAKEN_UP.match(sentence, condition.end())


def counted_others(sentence: str, mention: Mention) -> bool:
    """Named after a number that the project must involve (« Convention avec au moins deux entreprises du secteur »,
    « Au moins dix éleveurs engagés dans la collecte », « Périmètre d'au moins quinze communes »): a condition on the
    project, not who files (unless the sentence goes on to say that they file: « Au moins deux entreprises portent le
    projet »)."""
    return (bool(_COUNTED.search(sentence, 0, list_head(sentence, mention)))
            and not _FILES_AFTER.match(sentence, mention.end))


def status_or_mandatary(sentence: str, mention: Mention) -> bool:
    """« … qu'ils soient reconnus établissement public » (a status of the applicant named before) or « une
    association, agissant comme mandataire du propriétaire » (it files for someone else)."""
    head = list_head(sentence, mention)
    if _STATUS_OF.search(sentence, max(0, head - 40), head):
        return True
    before = [m for m in mentions(sentence) if m.end <= head]
    if before and _OTHER_STATUS.fullmatch(sentence, before[-1].end, head) and status_or_mandatary(sentence, before[-1]):
        return True  # « reconnus établissement public d'aménagement (EPAGE) ou établissement public territorial »
    mandate = _MANDATARY_AFTER.match(sentence, mention.end)
    return bool(mandate) and not any(mention.end < m.start < mandate.end() for m in mentions(sentence))


def is_owner(sentence: str, mention: Mention) -> bool:
    """Named in the list of owners, founders or members after « détenu par », « créée par », « SCIC associant » (« des
    habitants, des associations ou des collectivités »)."""
    if _founders(sentence, mention):
        return True
    head = list_head(sentence, mention)
    members = list(_MEMBERS_OF_A_BODY.finditer(sentence, max(0, head - _OWNERS_REACH), mention.start))
    if members and not SEGMENT_END.search(sentence, members[-1].end(), mention.start):
        return True  # « SCIC associant éleveurs, transformateurs et collectivités »
    owners = list(_OWNED_BY.finditer(sentence, max(0, head - _OWNERS_REACH), head))
    return bool(owners) and not SEGMENT_END.search(sentence, owners[-1].end(), head)  # the last « détenu par »


def _founders(sentence: str, mention: Mention) -> bool:
    """« une SPL constituée par des communes et leur EPCI »: named, alone or in a list, right after the verb that says
    they founded the type before."""
    earlier = [m for m in mentions(sentence) if m.end <= mention.start]
    first = mention
    while (earlier and OBJECT_LINK.fullmatch(sentence, earlier[-1].end, first.start)
           and not _FOUNDED_BY.search(sentence, earlier[-1].end, first.start)):
        first = earlier.pop()
    before = earlier[-1].end if earlier else 0
    return _FOUNDED_BY.search(sentence, before, first.start) is not None


def defined_in_brackets(sentence: str, mention: Mention) -> bool:
    """« un aménageur public (société d'économie mixte ou société publique locale) »: the types listed in the
    brackets right after a type named in the singular, as one kind, say which it is (after a plural, « les
    associations (…) », they are examples)."""
    brackets = _LIST_IN_BRACKETS.match(sentence, mention.end)
    if not brackets or not _ONE_KIND.search(sentence, 0, mention.start):
        return False
    if any(mention.end <= m.start < brackets.end() for m in mentions(sentence)):
        return False  # « une CCI ou une société (SAS, SCIC) »: the brackets are the next type's
    end = sentence.find(")", brackets.end())
    inside = [m for m in mentions(sentence) if brackets.end() <= m.start and m.end <= end and not m.headcount]
    return end > 0 and bool(inside)


def defined_by_a_list(sentence: str, mention: Mention) -> bool:
    """« les acteurs publics, c'est-à-dire… », « Toute personne morale peut candidater (collectivités, associations…) »."""
    if _DEFINED_BY.match(sentence, mention.end) or _LIST_IN_BRACKETS.match(sentence, mention.end):
        return True
    colon = _COLON_LIST.match(sentence, mention.end)
    return bool(colon) and any(m.start >= colon.end() for m in mentions(sentence))


def heads_a_list_of_others(sentence: str, mention: Mention) -> bool:
    """« Sociétés éligibles : SEM, SEMOP et SPL-A »: companies in a label's head, the list after the colon naming
    other types, say what those are; the label names no applicant of its own."""
    label = _LABEL_HEAD.match(sentence, mention.end)
    return (mention.targets == (B.ENTREPRISE,) and label is not None
            and any(m.start >= label.end() and set(m.targets) - {B.ENTREPRISE, *T.SIZES} for m in mentions(sentence)))


def trade_of_a_type(sentence: str, mention: Mention) -> bool:
    """A trade followed right away by a type (« champignonnistes exploitants agricoles »): the type says what its
    members are; the trade names no company of its own."""
    if set(mention.targets) != {B.ENTREPRISE} or not _TRADE_NOUN.fullmatch(sentence, mention.start, mention.end):
        return False
    return any(m.start == mention.end + 1 and sentence[mention.end] == " " for m in mentions(sentence))


def kind_of_a_sized_heading(sentence: str, mention: Mention) -> bool:
    """« Entreprises de moins de 2 000 salariés : horlogers, décolleteurs, fabricants de composants »: companies listed
    after a colon whose heading names companies of some size are kinds of those, not companies of every size; so are
    trades that a colon defines as sized companies (« Constructeurs de tracteurs : entreprises de moins de 5 000
    salariés »)."""
    if set(mention.targets) != {B.ENTREPRISE}:
        return False
    colon, after = sentence.rfind(":", 0, mention.start), sentence.find(":", mention.end)
    if colon >= 0:
        named = [m for m in mentions(sentence) if m.end <= colon]
    elif after >= 0:  # « Constructeurs de tracteurs et leurs équipementiers : entreprises de moins de 5 000 salariés »
        end = _DEFINITION_END.search(sentence, after)
        named = [m for m in mentions(sentence) if after < m.start < (end.start() if end else len(sentence))]
    else:
        return False
    companies = {B.ENTREPRISE, *T.SIZES}
    return (any(m.headcount or set(m.targets) & set(T.SIZES) for m in named)
            and all(m.headcount or set(m.targets) <= companies for m in named))


def receives_nothing(sentence: str, mention: Mention) -> bool:
    """The clause right after the type's (past what qualifies it) says it receives no aid."""
    follows = CLAUSE_END.search(sentence, mention.end)
    while follows and _NOT_RECEIVING.match(sentence, follows.end()) is None:
        ahead = CLAUSE_END.search(sentence, follows.end())
        between = sentence[follows.end(): ahead.start() if ahead else len(sentence)]
        if ahead is None or any(pattern.search(between) for pattern, _ in TEXT) and not _list_item(between):
            return False  # another type's clause; not the next item of the same list (« …, les fabricants de … et »)
        follows = ahead
    return follows is not None


def _list_item(clause: str) -> bool:
    """The clause opens on a type after its article: the next item of a list (« les fabricants de machines-outils »)."""
    item = _LIST_ITEM.match(clause)
    return bool(item) and any(m.start == item.end() for m in mentions(clause))


def is_hired(sentence: str, mention: Mention) -> bool:
    """The applicant hires the type (« faire appel à un centre technique », « …, qui intervient comme prestataire »):
    a contractor it pays, not an applicant."""
    return bool(_HIRED_BEFORE.search(sentence, 0, mention.start) or _HIRED_AFTER.match(sentence, mention.end))


def said_of(sentence: str, end: int) -> int:
    """The end of a clause, or of the relative clause or pronoun clause that follows it (« les laboratoires
    partenaires, qui reçoivent directement leur part », « …partenaire ; elle reçoit alors une aide », « …, chacun aidé
    pour sa part »): what it says of the type before it."""
    relative = _RELATIVE_NEXT.match(sentence, end)
    return clause_end(sentence, relative.end()) if relative else end
