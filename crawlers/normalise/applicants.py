"""Who may apply, read from prose: applicants named by eligibility sentences, types excluded, sizes.

A type named in prose is an applicant only where a sentence says who may apply (« sont éligibles »,
« réservé aux », « peuvent candidater »…), or anywhere in an eligibility text that has no such sentence
(« Communes et intercommunalités de la région »). Mentions elsewhere (« au bénéfice des habitants »,
« en lien avec les associations », « création d'entreprise »), and types that applicants act for or with (« pour le
compte d'une collectivité », « en partenariat avec les communes ») name no applicant. The tables are in
crawlers/normalise/beneficiary_tables.py, headcounts in crawlers/normalise/headcounts.py; the types a sentence names
and its clauses are found by crawlers/normalise/mentions.py, the role each type plays (partner, owner, member…) by
crawlers/normalise/applicant_roles.py.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace

from crawlers.normalise import beneficiary_tables as T
from crawlers.normalise.applicant_roles import (
    CO_APPLICANT,
    PAID,
    consortium_member,
    counted_others,
    defined_by_a_list,
    defined_in_brackets,
    heads_a_list_of_others,
    in_condition,
    in_relative_clause,
    kind_of_a_sized_heading,
    member_companies,
    is_hired,
    is_owner,
    is_partner,
    receives_nothing,
    said_of,
    named_as_place,
    on_a_partner_line,
    size_among_companies,
    status_or_mandatary,
    trade_of_a_type,
    what_a_partner_is,
)
from crawlers.normalise.applicant_exclusions import (
    EXCLUDING_BEFORE,
    ON_BEHALF_OF,
    in_exclusion,
    is_cued,
    is_excluded,
    is_kind,
    readmitted,
)
from crawlers.normalise.families import EVERY_SIZE, as_any_company, family_of
from crawlers.normalise.mentions import (
    Mention, OBJECT_LINK, clause_end, clause_start, list_head, list_tail, mentions, without_brackets,
)
from crawlers.normalise.paid_partners import partners_as_applicants
from crawlers.normalise.sentences import split_sentences
from models.vocab import Beneficiary as B

_FIRM_CUE = re.compile(T.FIRM_CUES)
_SIZE_LINE = re.compile(T.SIZE_LINE)
_HEADCOUNT_LINE = re.compile(r"(?=(?:moins|plus|au moins|au plus|de \d|entre \d)\b)")
"""A line that opens on a headcount (« Moins de 250 salariés et chiffre d'affaires inférieur à 50 M€ »): a size
condition on the companies the other lines name."""
_RATE_AFTER = re.compile(r"\s*:\s*\d+(?:[.,]\d+)?\s*%")
"""« moins de 50 salariés : 40 % »: a band of a rate table by headcount, a size that may apply."""
_TRADE_SIZED = re.compile(T.TRADE_SIZED)
_CONTRACTOR = re.compile(T.CONTRACTOR)
_ALL_SIZES = re.compile(T.ALL_SIZES)
_COMPLEMENT = re.compile(f"{T.COMPLEMENT}|{T.ASSOCIATED_TO}|{T.MANAGED}|{T.MEMBER_OF}|{T.OWN_THING}|{T.EMPLOYED_BY}")
_HELPS = re.compile(T.HELPS)
_PAYER = re.compile(T.PAYER)
_OBJECT_NEXT = re.compile(T.OBJECT_NEXT)
_FORMED_LINK = re.compile(T.FORMED_LINK)
_TABLE_OR_LABEL = re.compile(r"[:|]")
_ANY_VERB = re.compile(r"\b(?:est|sont|ne|n'|peu(?:t|vent)|doi(?:t|vent)|\w{3,}(?:ent|ont))\b")
_A_GROUP_OF = re.compile(r"\bgroupes? (?:de |d')$")
"""« qui appartiennent à un groupe de plus de 250 salariés »: the headcount is the group's, not an applicant's."""
_COUNTED_BEFORE = re.compile(rf"\b{T.COUNT}$")
_SAME_TERMS = re.compile(r"\b(?:aux|dans les) memes conditions\b")
_OF_THE_PREVIOUS = re.compile(r"\s+(?:de |d'|des |du )")
_OCCUPANT = re.compile(T.USER_OF_PREMISES)
_NAMES_LINK = re.compile(r"(?:\s+[\w'-]+){0,3}?\s*(?:,|\bet\b|\bou\b)\s*(?:les |des |la |le |l'|aux |a )?")
_QUALIFIED = re.compile(r"(?:\s+[\w'-]+){0,2}?\s+")
_NAMES_END = re.compile(r"(?:\s+(?!(?:sont|est|ne|n'|ont|seront|sera|qui|que|dont|sauf|hors|mais|peu\w*|doi\w*"
                        r"|beneficie\w*|particip\w*|depos\w*|recoi\w*|percoi\w*|intervien\w*)\b)[\w'-]+){0,6}\s*[.;]?\s*")
"""After the last type of a line that only names types: a few words that qualify it, no verb (« … gestionnaires de ports
de plaisance »)."""
_OPEN_TO = re.compile(r"\b(?:ouvert|destine|reserve|propose|accessible)e?s? (?:\w+ )?(?:aux|a)\b[^.;:]{0,60}$")
_THING_FOR_USERS_BEFORE = re.compile(T.THING_FOR_USERS)
_FORM_FIRST = re.compile(r"(?:les |des |l')?[\w' -]{1,60}?" + T.LEGAL_FORM)
_TRADE_FIRST = re.compile(r"(?:les |des )?[\w'-]+s(?: (?:de |d'|du |des )?[\w'-]+){0,3}? (?:et|ou) (?:les |des |aux )?")
"""« Bouilleurs de profession et distilleries coopératives, … »: a trade no table knows, listed with a type."""
_CALL_TO = re.compile(T.CALL_TO + r"\s*$")
_FOR_ANOTHER = re.compile(T.ON_BEHALF_OF)
_ITEM_END = re.compile(r"(?<=\.)(?<!\betc\.), (?=\S)")
_ONE_OF_THEM = re.compile(r"\b(?:la|cette) $")
_RATE_FOR = re.compile(r"(?:%|\btaux\b)[^.;:]{0,40}\bpour (?:les |des |la |le |l')?$")
_NOT_RECEIVING_HERE = re.compile(
    r"(?:(?:\s+(?!ne\b)[\w'-]+){0,3}?|\s+qui\b[^.;:]{0,80}?\s+(?=non plus))" + T.NOT_RECEIVING
)
"""« Les entreprises participantes ne sont pas bénéficiaires »: the type's own predicate says it receives nothing."""
_FAQ_ANSWER = re.compile(f"{T.FAQ_YES}|{T.FAQ_NO}")
_SUPPORTS = re.compile(T.SUPPORTS)
_PAYS_FOR = re.compile(T.PAYS_FOR)
_GRANTS_TO = re.compile(T.GRANTS_TO)
_SIZE_LINK = re.compile(T.SIZE_LINK)
_THING_OF = re.compile(T.THING_OF)
_WEAK_ROLE = re.compile(T.WEAK_ROLE)
_FUNDED_BY = re.compile(T.FUNDED_BY)
_RATE = re.compile(r"%|\btaux\b|\bbonifi|\bmajor")
"""Before « pour les PME »: a rate modulated by size (« 65 % du coût pour une PME »), not an audience."""
_LEADING_ARTICLE = re.compile(r"(?:(?:les|des|la|le|l'|aux?)\s*)?")
_LABEL_GLUE = re.compile(r"(?:[\s,;/&+.•·-]|\b(?:et|ou|les|des|la|le|l')\b)*")
_PRONOUN_START = re.compile(r"(?:elles?|ils?|celles-ci|ceux-ci|celle-ci|celui-ci)\b"
                            r"(?! (?:est|sont) (?:rappele|precise|possible|necessaire|recommande))")
_NEW_SUBJECT = re.compile(r"\bet (?:les|des|aux)\b")
"""« les entreprises implantées en Saône-et-Loire et les CFA… »: a new member of the list, not the place's."""
_AUDIENCE_WORDS = 10
"""At most this many words of labels after « Public : » (« Entreprise, Particulier, Collectivité »)."""
_LABEL_WORD = re.compile(r"\w+")
_AUDIENCE_LINE = re.compile(r"publics?(?: cibles?| concernes?| vises)?\s*:\s*")
"""« Public : », « Publics concernés : »: a page's coarse audience labels follow (not « Bénéficiaires : », which says
who may apply)."""
_PLURAL = re.compile(r"[sx]\b")
_ITEM_START = re.compile(r"\s*(?:(?:les|des|aux|et|ou)\s+)?[\w'-]+[sx]\b")
"""An item that opens on a plural noun (« recycleurs et démanteleurs de matelas », « les entreprises de recyclage »)."""
_ITEM_VERB = re.compile(r"\b(?:est|sont|ne|n'|peu(?:t|vent)|doi(?:t|vent))\b")
"""An item that says something (« les entreprises de négoce en sont exclues »), not one that names applicants."""
_SAME_ITEM = re.compile(r"\s*(?:elles?|ils?|celles-ci|ceux-ci|dont|qui|leur|leurs)\b")
"""After « ; », words that go on speaking of the item before (« les entreprises de la Creuse ; elles doivent compter
moins de 20 salariés »)."""
_SHARE_START = re.compile(r"(?:chacun|chacune|tous|toutes)\b")


@dataclass(frozen=True)
class Reading:
    """What a text says about who may apply."""

    applicants: tuple[B, ...] = ()
    """Types named as applicants, in reading order."""
    excluded: frozenset[B] = field(default_factory=frozenset)
    """Types the text excludes outright (« hors grandes entreprises »)."""
    all_sizes: bool = False
    """Companies are named without a size limit (« quelle que soit leur taille »)."""
    weak: bool = False
    """Named only as a doer, an owner or an audience (« par les communes »): narrows its family of labels, no more."""

    def __add__(self, other: Reading) -> Reading:
        applicants = tuple(dict.fromkeys((*self.applicants, *other.applicants)))
        weak = (self.weak or not self.applicants) and (other.weak or not other.applicants)
        return Reading(applicants, self.excluded | other.excluded, self.all_sizes or other.all_sizes, weak)


def read_eligibility(text: str) -> Reading:
    """An eligibility text: its sentences that say who may apply and its lines that only name types, or all of them
    when none says who may apply (or when those name only places: « Sont éligibles les sites situés dans les
    départements de… »)."""
    sentences = applicant_sentences(text)
    if _audience_labels(sentences):  # « Public : Entreprise » above « Entreprises de la filière soie de moins de … »
        return read_eligibility("\n".join(sentences[1:]))
    cued = [s for s in sentences if is_cued(s)]
    label_line = cued and sentences[0] not in cued and _is_label_line(sentences[0])
    if cued and sentences[0] not in cued and _starts_with_a_type(sentences[0]) and not label_line:
        cued.insert(0, sentences[0])
    if cued:  # « Entreprises de moins de 250 salariés et laboratoires publics. » beside a sentence on who applies
        cued += [s for s in sentences if s not in cued and (_names_only(s) or _terse_applicants(s))]
    reading = _read(sentences, cued or sentences)
    if not reading.applicants and cued:
        reading = _read(sentences, sentences)
    if reading.applicants:
        reading += _size_lines([s for s in sentences if s not in cued])
        if B.ENTREPRISE in reading.applicants:
            reading = _sized(reading + _headcount_lines(sentences))
        if any(b in T.SIZES for b in reading.applicants):
            reading += _rated_bands(sentences)
    else:  # a catalogue's size line alone (« … nombre de salariés : Moins de 250 salariés »): companies of that size
        reading += _size_lines(sentences)
    return _narrowing(sentences[0], reading) if label_line else reading


def _size_lines(sentences: list[str]) -> Reading:
    """The companies a catalogue's size line admits (« Eligibilité en fonction du nombre de salariés : Moins de 50
    salariés », « Toutes tailles »), beside the applicants the other sentences name: the line says that companies of
    that size apply. A band the headcount rules do not read (« 10 - 249 ») adds nothing."""
    found: list[B] = []
    for sentence in sentences:
        line = _SIZE_LINE.search(sentence)
        if line:
            value = sentence[line.end():]
            found += [b for b in _applicants(f"entreprises {value}") if b in T.SIZES or _ALL_SIZES.search(value)]
    return Reading(tuple(dict.fromkeys(found)))


def _names_only(sentence: str) -> bool:
    """« Entreprises de moins de 250 salariés et laboratoires de recherche publics »: a line that names two types or
    more (a headcount counts), joined by commas or « et » / « ou », and says nothing else."""
    named = mentions(sentence)
    if len(named) < 2 or _LEADING_ARTICLE.fullmatch(sentence, 0, named[0].start) is None:
        return False
    linked = all((_QUALIFIED if b.headcount else _NAMES_LINK).fullmatch(sentence, a.end, b.start)
                 for a, b in zip(named, named[1:]))
    return linked and _NAMES_END.fullmatch(sentence, named[-1].end) is not None


def _headcount_lines(sentences: list[str]) -> Reading:
    """The sizes of the lines that open on a headcount and name no type (« Moins de 250 salariés et chiffre d'affaires
    inférieur à 50 M€ »): a condition that narrows the companies the other lines name."""
    found = [b for s in sentences if _HEADCOUNT_LINE.match(s) and mentions(s) and all(m.headcount for m in mentions(s))
             for b in _applicants(f"entreprises {s}") if b in T.SIZES]
    return Reading(tuple(dict.fromkeys(found)))


def _rated_bands(sentences: list[str]) -> Reading:
    """The sizes of a rate table by headcount (« Taux selon l'effectif : moins de 50 salariés : 40 % ; de 50 à 249
    salariés : 30 % »), beside companies named elsewhere: each band with its rate is a size that may apply."""
    found = [b for s in sentences for m in mentions(s) if m.headcount and _RATE_AFTER.match(s, m.end)
             for b in m.targets if b in T.SIZES]
    return Reading(tuple(dict.fromkeys(found)))


def _is_label_line(sentence: str) -> bool:
    """« Entreprise », « Collectivité, Association »: a line of audience labels and nothing else (a page's « Pour
    qui ? » labels above the sentence that says who may apply)."""
    named, at = mentions(sentence), 0
    for mention in named:
        if not _LABEL_GLUE.fullmatch(sentence, at, mention.start):
            return False
        at = mention.end
    return bool(named) and _LABEL_GLUE.fullmatch(sentence, at) is not None


def _audience_labels(sentences: list[str]) -> str:
    """The labels of a page's audience line (« Public : Entreprise, Collectivité », or a line of a portal's labels
    alone: « Entreprise - Artisan - Société ; Etablissement public ; Collectivité territoriale ») when sentences follow
    that name applicants: coarse labels, which the precise sentences replace, as a page's « Bénéficiaires » section wins
    over its « Publics concernés »; "" otherwise."""
    if len(sentences) < 2:
        return ""
    line = _AUDIENCE_LINE.match(sentences[0])
    portal = " - " in sentences[0] and _is_label_line(sentences[0])  # « Entreprise - Artisan - Société ; … »
    labels = sentences[0][line.end():] if line else sentences[0] if portal else ""
    if (not labels or not mentions(labels) or len(_LABEL_WORD.findall(labels)) > _AUDIENCE_WORDS
            or _ITEM_VERB.search(labels)):
        return ""
    return labels if _read(sentences[1:], sentences[1:]).applicants else ""


def precise_sentences(text: str) -> list[str]:
    """The sentences on who applies, without a page's audience line when precise sentences follow that replace it."""
    sentences = applicant_sentences(text)
    return sentences[1:] if _audience_labels(sentences) else sentences


def _narrowing(labels: str, reading: Reading) -> Reading:
    """A label line's types, each narrowed by the text's applicants of its family (« Entreprise » over « réservé
    aux TPE et PME » reads as TPE and PME); a label whose family the text does not name stands."""
    named = set(reading.applicants)
    kept = tuple(b for b in _applicants(labels) if not family_of([b]) & named)
    return replace(reading, applicants=tuple(dict.fromkeys((*kept, *reading.applicants))))


def read_answers(text: str) -> Reading:
    """A FAQ's answered questions only (« Les ETI sont-elles éligibles ? Oui, à condition de… », « Un laboratoire
    peut-il être lauréat ? Non. »): they say who may apply as plainly as an eligibility text, wherever they stand."""
    answered = [s for s in applicant_sentences(text) if _FAQ_ANSWER.search(s)]
    return _read(answered, [s for s in answered if is_cued(s)])


def stated_applicants(text: str) -> tuple[B, ...]:
    """The applicants an eligibility text names in sentences that say who may apply (« Peuvent déposer : … »);
    none when no sentence says it."""
    sentences = applicant_sentences(text)
    return _read(sentences, [s for s in sentences if is_cued(s)]).applicants


def firmly_stated(text: str) -> tuple[B, ...]:
    """The applicants a text names in sentences that plainly say who files (T.FIRM_CUES); none without one."""
    sentences = applicant_sentences(text)
    return _read(sentences, [s for s in sentences if _FIRM_CUE.search(EXCLUDING_BEFORE.sub(" ", s))]).applicants


def _terse_applicants(sentence: str) -> bool:
    """« Équipes de recherche publiques, seules ou en consortium ; » beside « un CHU peut être partenaire et financé »:
    a verbless line that opens on a type in the plural names applicants (not « Le CFA atteste l'inscription », nor
    « Exploitants agricoles : voir l'aide aux ateliers à la ferme », nor a table row « Particuliers | Non »)."""
    named = mentions(sentence)
    plural = bool(named) and _PLURAL.search(sentence, named[0].start, named[0].end) is not None
    return (plural and not _TABLE_OR_LABEL.search(sentence) and _starts_with_a_type(sentence)
            and not _ANY_VERB.search(sentence))


def _starts_with_a_type(sentence: str) -> bool:
    """« Commerçants et artisans inscrits au RCS, … », « Groupements d'employeurs constitués en association … »,
    « Bouilleurs de profession et distilleries coopératives, … »: an eligibility text that opens on types names
    applicants there, even when a later sentence adds others (« Les communes peuvent aussi déposer… »)."""
    named = mentions(sentence)
    return bool(named) and (_LEADING_ARTICLE.fullmatch(sentence, 0, named[0].start) is not None
                            or _FORM_FIRST.fullmatch(sentence, 0, named[0].start) is not None
                            or _TRADE_FIRST.fullmatch(sentence, 0, named[0].start) is not None)


def applicant_sentences(text: str) -> list[str]:
    """The text's sentences, a clause that speaks of the previous one's types (« ; elles ne sont pas
    bénéficiaires ») and the « ; » items of a list announced by « : » kept with it."""
    joined: list[str] = []
    for sentence in (part for line in split_sentences(text) for part in _items(line)):
        continued = joined and joined[-1].endswith(";") and (
            _SHARE_START.match(sentence) or _starts_with_a_type(sentence) or ":" in joined[-1])
        if joined and (_PRONOUN_START.match(sentence) or continued):
            joined[-1] = f"{joined[-1]} {sentence}"
        else:
            joined.append(sentence)
    return partners_as_applicants(joined)


def _items(line: str) -> list[str]:
    """A list whose items are whole sentences (« - Entreprises industrielles, de toute taille. - Grands ports
    maritimes. »), joined into one line with no « : » to announce it: each item is a sentence of its own, so that an
    exclusion in one (« Les bureaux d'études ne peuvent pas déposer. ») stays there."""
    return [line] if ":" in line else _ITEM_END.split(line)


def read_description(text: str) -> Reading:
    """A description: only its sentences that say who may apply name applicants, a catalogue's size line, and the
    types a support verb takes as its object (« La Région accompagne les PME industrielles »)."""
    sentences = applicant_sentences(text)
    reading = _read(sentences, [s for s in sentences if is_cued(s)]) + _size_lines(sentences)
    supported = tuple(b for s in sentences for group in _supported(s) for b in _within(group, reading.applicants))
    if reading.applicants or supported:
        return _sized(reading + Reading(supported))
    return reading + Reading(tuple(b for s in sentences for b in _weakly_named(s)), weak=True)


def _weakly_named(sentence: str) -> list[B]:
    """A description that says nothing else of who applies: the types it names as the doer or the owner of what
    is aided (« construction de maisons de santé par les communes », « les investissements des PME », « pour
    les TPE »). Its audience labels still bound them (crawlers/normalise/beneficiaries.py)."""
    found: list[B] = []
    for mention in mentions(sentence):
        role = _WEAK_ROLE.search(sentence[: mention.start])
        if _CONTRACTOR.match(sentence, mention.end):
            continue  # « réalisée par une entreprise de travaux »: the contractor, paid by the applicant
        if occupant(sentence, mention) or _users_of_a_thing(sentence, mention):
            continue  # « des bâtiments destinés à la location pour des PME »: their future occupants
        if role and not role["for"] and _FUNDED_BY.search(sentence, 0, role.start()):
            continue  # « pris en charge par l'établissement public foncier »: the funder
        if role and not (role["for"] and _RATE.search(sentence[: role.start()][-60:])):
            found += _object_list(sentence, mention.start)
    return list(dict.fromkeys(found))


def _within(group: tuple[B, ...], named: Collection[B]) -> tuple[B, ...]:
    """A broad group (« les acteurs publics ») whose members a sentence on who may apply names: those members only."""
    return tuple(b for b in group if b in named) if len(group) > 2 and set(group) & set(named) else group


def _supported(sentence: str) -> list[tuple[B, ...]]:
    """The types of the object list right after a support verb or a grant paid to them (« verse une prime aux… »),
    mention by mention (none when the object is a thing)."""
    verb = _SUPPORTS.search(sentence) or _PAYS_FOR.search(sentence)
    if verb is None:
        grant = _GRANTS_TO.search(sentence)
        return _object_groups(sentence, grant.end()) if grant else []
    owner = _THING_OF.match(sentence, verb.end())
    if owner is None and verb.re is _PAYS_FOR:
        return []
    return _object_groups(sentence, owner.end() if owner else verb.end())


def _object_list(sentence: str, at: int) -> list[B]:
    """The types of the list that starts at `at` (« les communes et intercommunalités rurales »)."""
    return [b for group in _object_groups(sentence, at) for b in group]


def _object_groups(sentence: str, at: int) -> list[tuple[B, ...]]:
    """The types of each mention of the list that starts at `at`, and the sizes of its headcount (« aux entreprises
    industrielles de moins de 250 salariés », « les fabricants de jeux de société et de cartes à jouer de 10 à 249
    salariés »)."""
    found: list[tuple[B, ...]] = []
    opening = at
    for mention in mentions(sentence):
        if mention.end <= at:
            continue
        sizes = found and mention.headcount and (  # « …, chaudronniers et fondeurs de cloches de moins de 20 »
            _SIZE_LINK.fullmatch(sentence, at, mention.start) or _TRADE_SIZED.search(sentence, at, mention.start)
            or len(found) == 1 and _TRADE_SIZED.search(sentence, clause_start(sentence, opening), mention.start))
        if found and not sizes and _OF_THE_PREVIOUS.fullmatch(sentence, at, mention.start):
            continue  # « les associations d'éleveurs et les CUMA »: the members of the type before
        linked = (OBJECT_LINK.fullmatch(sentence, at, mention.start)
                  or _FORMED_LINK.fullmatch(sentence, at, mention.start)
                  or found and _OBJECT_NEXT.fullmatch(sentence, at, mention.start))
        if mention.start > at and not sizes and not linked:
            break
        found.append(mention.targets)
        at = mention.end
    return found


def _read(sentences: list[str], applying: list[str]) -> Reading:
    back = [b for s in sentences for m in mentions(s) if readmitted(s, m) for b in m.targets]
    applicants = tuple(dict.fromkeys([*_named(applying), *back]))
    excluded = frozenset(
        b for s in sentences for m in mentions(s) if is_excluded(s, m) for b in m.excludes
        if b not in back
        and not (is_kind(s, m) and (family_of([b]) & _named_by_type(applying, s, m.start) or not applicants)))
    return _sized(Reading(applicants, excluded, any(_said_of_companies(s) or _unsized_item(s) for s in applying)))


def _named_by_type(applying: list[str], other_than: str, before: int) -> set[B]:
    """The types the sentences on who may apply name by their own word (« les entreprises de manutention », « les PME »,
    not « les armateurs »), in `other_than` only before `before` and where not excluded themselves (« une entreprise de
    moins de 5 000 salariés, à l'exclusion des motoristes »): a kind of their family excluded leaves the others. When
    the text names no applicant at all, a kind excluded (« le transporteur ne dépose pas de demande ») leaves its type
    to the labels."""
    return {b for s in applying for m in mentions(s)
            if not is_kind(s, m) and (s != other_than or m.end <= before and not is_excluded(s, m)) for b in m.targets}


def _sized(reading: Reading) -> Reading:
    """Sizes named anywhere narrow « entreprises » named elsewhere (« réservé aux entreprises de la Creuse » and
    « de moins de 20 salariés »), unless companies of every size are named."""
    said = reading.applicants
    if reading.all_sizes or B.ENTREPRISE not in said or not any(b in T.SIZES for b in said):
        return reading
    return replace(reading, applicants=tuple(b for b in said if b != B.ENTREPRISE))


def _named(applying: list[str]) -> list[B]:
    """The applicants of the sentences that say who may apply. A broad group in the singular after « la » (« le
    dossier est porté par la collectivité propriétaire ») is one of the applicants named elsewhere, when they are of
    that group (« Sont éligibles les communes et les départements »): it adds none of its other members."""
    said = [b for found in _groups_narrowed(applying) for b in found]
    named = [b for s in applying for b in _applicants(s, referring=False)]
    groups = [m.targets for s in applying for m in mentions(s) if _refers_back(s, m) and _applies(s, m)]
    return named if groups and all(set(g) & set(named) for g in groups) else said


def _groups_narrowed(applying: list[str]) -> list[list[B]]:
    """The applicants of each sentence, a broad group (« aux acteurs publics ») kept to the members that another
    sentence on who may apply names (« Peuvent emprunter les communes, les intercommunalités et les SEM »)."""
    found = [_applicants(s) for s in applying]
    narrowed = []
    for i, sentence in enumerate(applying):
        others = {b for j, types in enumerate(found) if j != i for b in types}
        kept = found[i]
        for mention in mentions(sentence):
            group = _within(mention.targets, others)
            if group != mention.targets and _applies(sentence, mention):
                kept = [b for b in kept if b not in mention.targets or b in group]
        narrowed.append(kept)
    return narrowed


def _broad_or_company(mention: Mention) -> bool:
    """A broad group, or companies of some size: whom a rate named just before is for (« 45 % pour les PME, 30 % pour
    les autres entreprises »), among the applicants named elsewhere."""
    return len(mention.targets) > 2 or all(b == B.ENTREPRISE or b in T.SIZES for b in mention.targets)


def _refers_back(sentence: str, mention: Mention) -> bool:
    """A group of several types, in the singular, after « la » or « cette » (« la collectivité propriétaire »)."""
    singular = not sentence[mention.start: mention.end].split()[0].endswith("s")
    return len(mention.targets) > 1 and singular and bool(_ONE_OF_THEM.search(sentence, 0, mention.start))


def _applicants(sentence: str, referring: bool = True) -> list[B]:
    """Types the sentence names as applicants; size names and headcounts narrow « entreprises » there
    (a headcount alone, or next to sizes already named, adds nothing; it narrows a word that spans several sizes:
    « start-up qui emploient moins de 10 salariés » are TPE). `referring`: keep the groups that refer back
    (`_named`)."""
    kept = [m for m in mentions(sentence) if _applies(sentence, m) and (referring or not _refers_back(sentence, m))]
    counted = {b for m in kept if m.headcount for b in m.targets}
    kept = [_sized_by(m, counted) for m in kept]
    named = [b for m in kept if not m.headcount for b in m.targets]
    bare = B.ENTREPRISE in named and not any(b in T.SIZES for b in named)
    found = [b for m in kept if bare or not m.headcount or _sizes_a_trade(sentence, m) for b in m.targets]
    if _every_size_of_a_trade(sentence):
        found.append(B.ENTREPRISE)  # « Fabricants et réparateurs de skis, quelle que soit leur taille »
    if _unsized_item(sentence) and any(b in T.SIZES for b in found):
        found.append(B.ENTREPRISE)  # « les recycleurs de toute taille ; les fabricants de moins de 250 salariés »
    elif any(b in T.SIZES for b in found) and not _said_of_companies(sentence):
        found = [b for b in found if b != B.ENTREPRISE]
    return _every_size(found, {b for m in kept if not m.headcount for b in m.targets})


def _said_of_companies(sentence: str) -> bool:
    """« de toute taille », « quel que soit leur effectif » said of companies (the type named last before it is a company
    or none is), not of another type (« les associations employeuses, quel que soit leur effectif »)."""
    for every in _ALL_SIZES.finditer(sentence):
        before = [m for m in mentions(sentence) if m.start < every.start()]
        if not before or before[-1].headcount or any(b == B.ENTREPRISE or b in T.SIZES for b in before[-1].targets):
            return True
    return False


def _every_size_of_a_trade(sentence: str) -> bool:
    """« quelle que soit leur taille » said of an item that opens on a plural noun and names no type but companies
    (« Fabricants et réparateurs de skis, quelle que soit leur taille », « les sociétés coopératives, sans condition de
    taille »): companies of every size, whatever trade no table knows; not « les communes, quelle que soit leur
    taille »."""
    for every in _ALL_SIZES.finditer(sentence):
        start = max(sentence.rfind(";", 0, every.start()), sentence.rfind(":", 0, every.start())) + 1
        inside = [m for m in mentions(sentence) if start <= m.start < every.start()]
        if _ITEM_START.match(sentence, start) and all(B.ENTREPRISE in m.targets or m.headcount for m in inside):
            return True
    return False


def _unsized_item(sentence: str) -> bool:
    """An item of a « ; » list (after its « : ») that names companies (plural) with no size and says nothing else
    (« les entreprises de recyclage ; les fabricants de moins de 250 salariés »): a size another item names is that
    item's own, and companies of every size apply."""
    announced = sentence.find(":")
    if ";" not in sentence[announced + 1:]:
        return False
    kept, start = [m for m in mentions(sentence) if _applies(sentence, m)], announced + 1
    ends = [i for i, c in enumerate(sentence) if c == ";" and i > start and not _SAME_ITEM.match(sentence, i + 1)]
    for end in [*ends, len(sentence)]:
        inside = [m for m in kept if start <= m.start < end]
        sized = any(m.headcount or any(b in T.SIZES for b in m.targets) for m in inside)
        companies = any(B.ENTREPRISE in m.targets and _PLURAL.search(sentence, m.start, m.end)
                        and not _COUNTED_BEFORE.search(sentence, 0, m.start) for m in inside)  # not « au moins deux »
        named = _ITEM_START.match(sentence, start) and not _ITEM_VERB.search(sentence, start, end)
        same = _SAME_TERMS.search(sentence, start, end)  # « constructeurs de carrosseries, aux mêmes conditions »
        if not sized and named and companies and not same:
            return True
        start = end + 1
    return False


def _every_size(found: list[B], words: set[B]) -> list[B]:
    """« PME, ETI et grandes entreprises » name every size: « entreprise », which also admits a company whose size is
    not known (a headcount such as « plus de 9 salariés » does not)."""
    return as_any_company(found) if EVERY_SIZE <= words else found


def _sizes_a_trade(sentence: str, mention: Mention) -> bool:
    """A headcount right after a trade that is no type of its own (« les armateurs de moins de 10 salariés »): it names
    companies of that size."""
    return mention.headcount and bool(_TRADE_SIZED.search(sentence, clause_start(sentence, mention.start),
                                                          mention.start))


def _sized_by(mention: Mention, counted: set[B]) -> Mention:
    """A type that spans several sizes (« start-up »: TPE and PME) kept to the sizes a headcount admits."""
    sizes = [b for b in mention.targets if b in T.SIZES]
    narrowed = tuple(b for b in mention.targets if b not in sizes or b in counted)
    if mention.headcount or len(sizes) < 2 or not counted or narrowed == mention.targets or not set(narrowed) & counted:
        return mention
    return replace(mention, targets=narrowed)


def _applies(sentence: str, mention: Mention) -> bool:
    if in_exclusion(sentence, mention) or any(p.match(sentence, mention.end) for p in (_HELPS, _PAYER)):
        return False
    if (len(mention.targets) > 2 and not mention.headcount and defined_by_a_list(sentence, mention)
            or defined_in_brackets(sentence, mention) or heads_a_list_of_others(sentence, mention)):
        return False  # a broad group, defined by the list that follows; one kind its brackets name the types of
    if _broad_or_company(mention) and _RATE_FOR.search(sentence, max(0, mention.start - 60), mention.start):
        return False  # « taux jusqu'à 70 % pour les collectivités »: whom a rate is for, among those named elsewhere
    start, end = clause_start(sentence, mention.start), clause_end(sentence, mention.end)
    complement = (not mention.headcount and _COMPLEMENT.search(sentence[: mention.start])
                  and not consortium_member(sentence, mention))
    subject = max([start, *(m.end() for m in _NEW_SUBJECT.finditer(sentence, start, mention.start))])
    behalf = _FOR_ANOTHER if mention.headcount else ON_BEHALF_OF  # a headcount after « inscrites au » sizes them
    tail = list_tail(sentence, mention)
    paid = PAID.search(sentence, start, said_of(sentence, clause_end(sentence, tail.end)))
    acted_for = (behalf.search(sentence, subject, mention.start)
                 and not CO_APPLICANT.search(sentence, mention.end, end)
                 and not _CALL_TO.search(sentence, subject, mention.start)
                 and not paid)  # « en partenariat avec des laboratoires et des universités, financés pour leur part »
    partner = not paid and (is_partner(sentence, mention) or is_partner(sentence, tail)
                            or what_a_partner_is(sentence, mention) or on_a_partner_line(sentence, mention))
    return (not partner and not complement and not acted_for and not occupant(sentence, mention)
            and not is_owner(sentence, mention) and not is_hired(sentence, mention)
            and not receives_nothing(sentence, tail)
            and not _NOT_RECEIVING_HERE.match(sentence, tail.end)
            and not status_or_mandatary(sentence, mention) and not in_relative_clause(sentence, mention)
            and not member_companies(sentence, mention) and not in_condition(sentence, mention)
            and not counted_others(sentence, mention) and not kind_of_a_sized_heading(sentence, mention)
            and not trade_of_a_type(sentence, mention)
            and not (mention.headcount and _A_GROUP_OF.search(sentence, 0, mention.start))
            and not size_among_companies(sentence, mention) and not named_as_place(sentence, mention))


def _close_list_head(sentence: str, mention: Mention) -> int:
    """Where the list `mention` ends starts, its items joined by commas or « et » / « ou » only (« aux habitants, aux
    écoles et aux artisans »; not « pour les apprentis …, portées par des collectivités »)."""
    head = mention
    for named in reversed([m for m in mentions(sentence) if m.end <= mention.start]):
        if not _NAMES_LINK.fullmatch(sentence, named.end, head.start):
            break
        head = named
    return head.start


def occupant(sentence: str, mention: Mention) -> bool:
    """Named (alone or in a list) right after premises made for it (« des ateliers destinés à la location pour des
    artisans et des PME »): their future occupant, not an applicant."""
    return bool(_OCCUPANT.search(sentence, 0, _close_list_head(sentence, mention)))


def _users_of_a_thing(sentence: str, mention: Mention) -> bool:
    """Named (alone or in a list) as those a thing is open to (« des ateliers partagés ouverts aux habitants, aux
    écoles et aux artisans »): its users, not who applies."""
    head, masked = _close_list_head(sentence, mention), without_brackets(sentence)
    opened = _OPEN_TO.search(masked, 0, head)
    return bool(opened) and bool(_THING_FOR_USERS_BEFORE.search(masked, 0, opened.start()))

