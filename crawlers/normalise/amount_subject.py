"""Whose money an amount measures: the aid (« subvention plafonnée à 200 000 € », « avance remboursable de
50 à 500 k€ ») or the project it funds (« projets de 500 000 € à 3 M€ », « dépenses éligibles d'au moins
100 k€ », « assiette minimale de 50 000 € », « programme d'investissement supérieur à 1 M€»).

Read in the words before the figure, within its clause. The group of nouns nearest the figure decides by its
first noun: « aide à l'investissement » is aid, « dépenses d'investissement » is project. « projet » and
« opération » are everywhere in calls (« porteurs de projets », « par projet »), so they count only when the
figure hangs on them (« projets de… », « projets d'un montant d'au moins… », « le programme présenté atteint au
moins… »). « 30 % des dépenses » names the base of a rate, not a subject, unless the figure hangs on it (« 50 % d'un
budget d'au moins 60 000 € », « 40 % du programme d'investissement, qui doit atteindre au moins… »). A ceiling that
follows a rate caps the aid the rate measures, whatever part of the project the clause names first (« Travaux :
40 % du coût, dans la limite de 1 M€ »); the base runs to the first comma (« 50 % du coût des études et des
travaux, avec un plafond de… »). A company's turnover or the call's envelope is neither (OTHER: not a bound).
A noun right after the figure names it first: « 1 M€ d'investissement », « 50 000 € de subvention ».
"""

from __future__ import annotations

import re

AID, PROJECT, OTHER = "aid", "project", "other"

_AID = (
    r"aides?|subventions?|avances?|pr[êe]ts?|dotations?|primes?|bonus|financements?|soutiens?|participations?"
    r"|contributions?|interventions?|garanties?"
)
_PROJECT = (
    r"(?:montant|taille|envergure)s?\s+(?:total\s+|global\s+)?(?:du|des|de\s+(?:votre|chaque|l['’]))\s*"
    r"(?:projets?|op[ée]rations?)|d[ée]penses?|assiettes?|investissements?|co[ûu]ts?|budgets?|travaux|costs?"
)
_HANGING = r"projets?|op[ée]rations?|programmes?"
_OTHER = r"chiffres?\s+d['’]affaires|bilans?|enveloppes?"
_WORDS = re.compile(
    rf"\b(?:(?P<project>{_PROJECT})|(?P<aid>{_AID})|(?P<other>{_OTHER})|(?P<hanging>{_HANGING}))\b", re.IGNORECASE
)
_ADJECTIVE = (
    r"[\wéèêàâîôûç-]*(?:al|ale|ales|aux|el|elle|els|elles|if|ive|ifs|ives|ique|iques|able|ables|ible|ibles"
    r"|aire|aires|ier|iers|i[èe]re|i[èe]res)"
)
# Words that tie two nouns into one group: « aide régionale à l'investissement », « dépenses d'investissement ».
_TIE = re.compile(
    rf"(?:\s|['’]|\b(?:à|a|au|aux|de|du|des|d|l|la|le|les|en|pour|sur|un|une|dans|faveur|et|ou|{_ADJECTIVE})\b)*",
    re.IGNORECASE,
)
# What may stand between « projets » and its figure: « projets industriels d'un montant total d'au moins »,
# « les projets doivent représenter un montant de », « projets présentant des dépenses de ».
_PROJECT_VERBS = (
    r"pr[ée]sent(?:er|ent|ant)|repr[ée]sent(?:er|ent)|affich(?:er|ent|ant)|atteindre|atteignent|mobilis(?:er|ent|ant)"
    r"|totalis(?:er|ent|ant)|s|se|[ée]lev(?:er|ent|ant)|situ(?:er|ent|ant)|avoir|ont|ayant|atteint|atteindra"
    r"|pr[ée]sent[ée]+s?|d[ée]pos[ée]+s?|retenu(?:e|s|es)?"
)
_HANG = re.compile(
    rf"(?:\s|['’]|\b(?:de|d|du|des|un|une|le|l|dont|est|sont|doit|doivent|être|au|moins|plus|montant|co[ûu]t"
    rf"|budget|taille|total|globale?|minim(?:um|al|ale|aux)|maxim(?:um|al|ale|aux)|sup[ée]rieure?s?|inf[ée]rieure?s?"
    rf"|à|a|compris(?:es)?|entre|exc[ée]dant|d[ée]passant|atteignant|repr[ée]sentant|allant|HT|TTC|{_ADJECTIVE}"
    rf"|{_PROJECT_VERBS})\b|,\s*(?=qui\b|dont\b)|\bqui\b)*",
    re.IGNORECASE,
)
_AFTER = re.compile(
    rf"\s*(?:HT|TTC)?\s*(?:de\s+|d['’])(?:l['’]|la\s+|les\s+)?"
    rf"(?:(?P<project>{_PROJECT})|(?P<aid>{_AID})|(?P<other>{_OTHER}))\b",
    re.IGNORECASE,
)
# « 60 % du coût hors taxe des travaux »: the base of a rate, up to four words (« hors taxe(s) » counting as one).
_RATE_BASE = re.compile(
    r"%(?:\s*(?:hors\s+taxes?|toutes\s+taxes\s+comprises|au\s+plus|au\s+maximum|[^\s%\d]+)){0,4}\s*$", re.IGNORECASE
)
# « 50 % du coût hors taxes des études et des travaux »: the whole noun phrase after a rate, up to a comma, is its base.
_RATE_PHRASE = re.compile(r"%[^,;:%\d]*$")
_DISTRIBUTIVE = re.compile(r"\b(?:par|chaque)\s*$", re.IGNORECASE)


def subject_of(context: str) -> str | None:
    """AID, PROJECT or OTHER for the figure that ends `context` (its clause up to the number); None when the
    words do not say."""
    nouns = [(m, _kind(m)) for m in _WORDS.finditer(context) if _counts(m, context)]
    if not nouns:
        return None
    last, kind = nouns[-1]
    if "%" in context[last.end():]:
        return AID
    if last.lastgroup == "hanging":
        return PROJECT
    head = len(nouns) - 1
    while head > 0 and _TIE.fullmatch(context[nouns[head - 1][0].end():nouns[head][0].start()]):
        head -= 1
    return nouns[head][1]


def subject_after(words: str) -> str | None:
    """AID, PROJECT or OTHER when the words right after a figure name what it counts (« 1 M€ d'investissement »,
    « 50 000 € de subvention », « 40 M€ de chiffre d'affaires »); None when they do not."""
    found = _AFTER.match(words)
    return _kind(found) if found else None


def _kind(match: re.Match[str]) -> str:
    return {"project": PROJECT, "hanging": PROJECT, "aid": AID, "other": OTHER}[match.lastgroup or "other"]


def _counts(match: re.Match[str], context: str) -> bool:
    """A noun names the subject unless it is the base of a rate; « projets » only when the figure hangs on it."""
    before = context[max(0, match.start() - 60):match.start()]
    hangs = bool(_HANG.fullmatch(context[match.end():]))
    if _RATE_BASE.search(before) or _RATE_PHRASE.search(context, 0, match.start()):
        return hangs and match.lastgroup != "aid"
    if match.lastgroup != "hanging":
        return True
    return not _DISTRIBUTIVE.search(before) and hangs
