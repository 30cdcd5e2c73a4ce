"""Every relève / wave / deadline date named in a call's text (France 2030 cahiers des charges…).

A date is a deadline only when a deadline cue labels it. A one-date cue ("date limite", "clôture",
"jusqu'au", "au plus tard", "date butoir", "à déposer avant le", a first stage's "lettre d'intention à
adresser avant le"…) names the date that follows it; a
list cue ("relèves", "vagues", "sessions", "échéances", "dates limites", "dates de dépôt") names the
dates that follow it in the same clause ("aux dates de relèves suivantes : • 9 novembre 2022 à
12h00 (midi) • 8 mars 2023 …"). A date whose own label is an opening, an update, a publication or
an event ("ouverture le", "mis à jour le", "dernière modification", "publié le", "webinaire",
"jury", "résultats le"…) is never a deadline, even inside a list; nor is the start of a range ("du
1er mars au 30 avril": 30 avril). "Calendrier" alone cues nothing: it heads openings and events too.
Years left out are inferred as `day_tokens` says, after the opening the text names if it names one.
Times ("à 12h", "midi") are ignored: a deadline is a Paris day. Accents may be missing, spaces may
be non-breaking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from crawlers.normalise.day_tokens import LIST_REACH, Token, as_date, day_tokens, prepare, with_years

# Folded text: no accents, lower case. A list cue is tried before a one-date cue ("dates limites").
_LIST_CUES = (
    r"releves?|(?:sont|seront|est|sera) relevee?s|vagues?|sessions?(?! d.information| de questions| de presentation)"
    r"|echeances?|dates limites?"
    r"|dates? (?:de depot|suivantes)"
    r"|clotures|calendrier (?:des? )?(?:depots?|candidatures?)|depots(?=\s*:)"
)
_FIRST_STAGE = r"lettres? d'intention|fiches? d'intention|expressions? d'interet"
"""A call's first stage, whose own deadline is a close date (« Lettre d'intention à adresser avant le 12 février »)."""
_STAGES = (
    rf"{_FIRST_STAGE}|pre-?propositions?|pre-?projets?|propositions? (?:completes?|detaillees?|finales?)"
    r"|dossiers? (?:complets?|finals?)|projets? complets?"
)
"""The stages of a call in two rounds, each with a close date of its own when a colon introduces it (« Pré-propositions :
16 mars ; propositions complètes : 15 septembre »)."""
_ONE_CUES = (
    r"date limite|date butoir|date de (?:fin|cloture|remise)|limite de (?:depot|remise|candidature)|cloture"
    r"|jusqu'au|au plus tard|fin (?:de|des) (?:depots?|candidatures?|publication)"
    rf"|(?:depot|remise|envoi|reception) des (?:dossiers|candidatures|projets|offres|{_FIRST_STAGE})|deadline"
    r"|(?:deposer|remettre|transmettre|soumettre|candidater|adresser|envoyer|parvenir|depot)\b[a-z' ]{0,30}?\bavant le"
    rf"|(?:{_STAGES})(?=\s*:)"
    rf"|\b(?:candidatures?|dossiers?|demandes?|reponses?|propositions?|{_FIRST_STAGE})\b[^.;]{{0,60}}?"
    r"\b(?:avant|jusqu'(?:au|a|en)|au plus tard|d'ici)\b(?! (?:de |d')?(?:commencer|demarrer|engager))"
    r"|\battendue?s (?:pour|avant|d'ici|au plus tard)\b|\bjusqu'a (?:la )?fin\b|\bclos(?:e|es)? (?:depuis )?le\b|\bclotur\w* (?:par anticipation )?le\b"
    r"|\b(?:candidatures?|dossiers?|demandes?)(?: sont)?(?: recu(?:e)?s| acceptee?s| deposee?s| ouvertes)?(?= du\b)"
    r"|\bpre-?depots?\b[^.;:]{0,40}(?=\s*:)"
    r"|\b(?:appels?(?: a (?:projets|candidatures|manifestation d'interet))?|campagnes?|periodes? de (?:depot|candidature)s?)"
    r"(?: \d{4})?(?=\s*:?\s*du\b)"  # « Appel 2027 : du 4 janvier au 26 février »: the end of the window
)
_CUE = re.compile(rf"\b(?:(?P<many>{_LIST_CUES})|(?P<one>{_ONE_CUES}))\b")
_FIRST_REACH = 160
"""Characters allowed between a cue and its first date (then `LIST_REACH` between two dates)."""
_CLAUSE_END = re.compile(r"[.;!?]\s+[a-z]{3,}\s[a-z]")
"""A new sentence or clause ("; date limite …") ends a cue's reach."""
_OPENING = r"ouverture|ouvert(?:e|s|es)? (?:le|du|des|a partir)|ouvri(?:ra|ront)|ouvre(?:nt)? le|lancement|a partir d"
NOT_DEADLINE_WORDS = (
    rf"{_OPENING}|debut|demarr|mis(?:e|es)? a jour|mise en ligne|modifi|actualis|publi(?:e|ee|es|ees|cation)"
    r"|webinaires?|reunions?|information|ateliers?|conferences?|salons?|forums?|evenements?|rencontres?"
    r"|presentations?|visioconferences?|visites?|permanences?|demonstrations?"
    r"|journees?|jury|comites?|auditions?|resultats?|laureats?|annonces?|notifications?|decisions?"
    r"|ceremonies?|remises? des prix|prix (?:seront |sont |sera |est )?(?:remis|decernes?)|palmares|proclamation"
    r"|commissions?|entretiens?|instruction"
    r"|questions?[- ]reponses?|\bfaq\b"
)
"""Labels (folded) that make the next date an opening, an update, a publication or an event, not a deadline."""
_NOT_DEADLINE = re.compile(rf"\b(?:{NOT_DEADLINE_WORDS})")
ASIDE = re.compile(r"\([^()]*\)")
"""An aside labels no date: "Date limite (après le webinaire) : 15 avril" is a deadline."""
_OPENING_CUE = re.compile(rf"\b(?:{_OPENING})")
_SUPERSEDED = re.compile(
    r"(?:initialement|d'abord|auparavant|precedemment)\s+(?:fixee?s?|prevue?s?|annoncee?s?|programmee?s?)"
    r"\s+(?:au|le|pour le|pour)\s*$|\bannon\w+ une cloture (?:au|le|pour le)\s*$"
)
_PLANNED = re.compile(r"\b(?:prevue?s?|fixee?s?) (?:au|le|pour le)\s*$")
_MOVED = re.compile(r"\b(?:report|proroge|repouss|decale|avance)\w*\b")
_SENTENCE = re.compile(r"[.!?](?:\s|$)")
_SUPERSEDED_REACH = 60
_OPENING_REACH = 40
_OPENS_REACH = 40
_EVENT_OF = re.compile(rf"\b(?:{NOT_DEADLINE_WORDS})[^.;,:!?()]*\b(?:de|du|des|d'|sur)\s+(?:la |les |l')?(?:\w+\s+)?$")
"""An event named just before a cue, the cue completing its name."""
_OPENS = re.compile(r"\b(?:ouverture|lancement|reouverture)\s+(?:de la|des|du|d'une|de l'|de)\s+(?:\w+\s+)?$")
"""« ouverture de la prochaine session », « lancement des relèves »: the list word is what opens."""
_RANGES = (
    (re.compile(r"\bdu\s*\Z"), re.compile(r"[^.;]{0,20}?\bau\b")),
    (re.compile(r"\bentre(?: le)?\s*\Z"), re.compile(r"[^.;]{0,20}?\bet\b")),
)
"""(words before, words after) a date that starts a range."""


def find_releves(text: str, opened: date | None = None) -> list[date]:
    """Every deadline the text names after a cue, sorted, without duplicates. `opened`: the call's opening day
    from a field, for days written without their year when the text names no opening."""
    days = _read(prepare(text), opened)
    found: set[date] = set()
    for cue in days.cues:
        if not _opens(days.folded, cue):
            found.update(_dates_after(days, cue))
    return sorted(found)


def _opens(folded: str, cue: re.Match[str]) -> bool:
    """« ouverture de la prochaine session le 5 janvier »: the list word names what opens, not deadlines."""
    return bool(cue["many"]) and bool(_OPENS.search(folded, max(0, cue.start() - _OPENS_REACH), cue.start()))


def _names_an_event(folded: str, cue: re.Match[str]) -> bool:
    """« un webinaire de présentation de la seconde relève aura lieu le 12 janvier »: the cue completes an event's name;
    it is no cue, and the date is the event's."""
    return bool(_EVENT_OF.search(folded, max(0, cue.start() - _OPENS_REACH), cue.start()))


def dates_in(text: str) -> list[date]:
    """Every date in the text, in reading order (a day without its year takes its list's, see day_tokens)."""
    folded = prepare(text)
    return [d for d in (as_date(t) for t in with_years(folded, day_tokens(folded))) if d]


def date_range(text: str) -> tuple[date | None, date | None]:
    """(start, end) of "17/04/2025 au 02/06/2026" or "du 17 janvier 2022 au 09 septembre 2025"."""
    found = dates_in(text)
    if not found:
        return None, None
    return (found[0], found[1]) if len(found) > 1 else (found[0], None)


@dataclass(frozen=True)
class _Days:
    """The days of one folded text, as the deadline cues read them."""

    folded: str
    cues: list[re.Match[str]]
    written: list[Token]
    """Every day, in reading order, years as written."""
    otherwise: frozenset[int]
    """Starts of the days labelled as openings, updates, publications or events: never deadlines."""
    dated: dict[int, Token]
    """The other days by start, with their year (written or inferred); a day of unknown year is absent."""


def _read(folded: str, opened: date | None = None) -> _Days:
    written, cues = day_tokens(folded), [c for c in _CUE.finditer(folded) if not _names_an_event(folded, c)]
    otherwise = frozenset(
        t.start for i, t in enumerate(written) if _labelled_otherwise(folded, written[:i], cues, t)
    )
    # A date labelled otherwise is no part of a list of deadlines: it lends the list no year.
    candidates = [t for t in written if t.start not in otherwise]
    dated = {t.start: t for t in with_years(folded, candidates, _opening(folded, written) or opened)}
    return _Days(folded, cues, written, otherwise, dated)


def _labelled_otherwise(folded: str, earlier: list[Token], cues: list[re.Match[str]], token: Token) -> bool:
    """Whether the words since the last cue or day before `token` make it an opening, an update, an event…,
    or a deadline since moved (« initialement fixée au 15 décembre, est reportée au… »)."""
    cue_ends = [c.end() for c in cues if c.end() <= token.start]
    label = folded[max(0, token.start - _FIRST_REACH, *(t.end for t in earlier[-1:]), *cue_ends):token.start]
    return bool(_NOT_DEADLINE.search(ASIDE.sub(" ", label))) or is_superseded(folded, token)


def is_superseded(folded: str, token: Token) -> bool:
    """« la date limite, initialement fixée au 15 décembre 2026, est reportée au… », « le calendrier annonçait une
    clôture au 31 décembre » (then « clôturé par anticipation le… »): a deadline the text says was replaced."""
    before = folded[max(0, token.start - _SUPERSEDED_REACH):token.start]
    if _SUPERSEDED.search(before):
        return True
    sentence_end = _SENTENCE.search(folded, token.end)
    after = folded[token.end:sentence_end.start() if sentence_end else len(folded)]
    return bool(_PLANNED.search(before) and _MOVED.search(after))


def superseded_days(text: str) -> set[date]:
    """The days a text says were replaced by another deadline (a record's date field may hold one)."""
    folded = prepare(text)
    tokens = day_tokens(folded)
    dated = with_years(folded, tokens)
    return {d for t in dated if is_superseded(folded, t) and (d := as_date(t))}


def _dates_after(days: _Days, cue: re.Match[str]) -> list[date]:
    many, position, reach, dates = bool(cue["many"]), cue.end(), _FIRST_REACH, []
    for token in (t for t in days.written if t.start >= cue.end()):
        gap = days.folded[position:token.start]
        if len(gap) > reach or _CLAUSE_END.search(gap) or (dates and not many and not _LIST_JOIN.fullmatch(gap)):
            break
        position = token.end
        if token.start in days.otherwise or _starts_range(days.folded, token):
            continue
        day = as_date(days.dated[token.start]) if token.start in days.dated else None
        if day:
            dates.append(day)
        elif not many:
            break
        reach = LIST_REACH
    return dates


_LIST_JOIN = re.compile(r",\s*(?:le|au)\s+|\s+(?:et|ou)\s+(?:(?:le|au)\s+)?")
"""What joins the dates of a one-date cue that names several (« avant le 15 février, le 14 mai ou le 13 septembre »)."""


def _starts_range(folded: str, token: Token) -> bool:
    """Whether the day opens a range ("du 1er mars au 30 avril", "entre le 2 et le 30 novembre 2026")."""
    before, after = folded[max(0, token.start - 12):token.start], folded[token.end:token.end + 24]
    return any(opens.search(before) and closes.match(after) for opens, closes in _RANGES)


def _opening(folded: str, tokens: list[Token]) -> date | None:
    """The first day written with its year right after an opening cue ("ouverture le 1er octobre 2026")."""
    for cue in _OPENING_CUE.finditer(folded):
        token = next((t for t in tokens if t.start >= cue.end()), None)
        if token and token.year and len(folded[cue.end():token.start]) <= _OPENING_REACH:
            return as_date(token)
    return None
