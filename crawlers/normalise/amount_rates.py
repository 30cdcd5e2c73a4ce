"""The highest aid rate a text states, in percent of the costs the aid covers.

Funders state it in a few ways: a cue before the figure (« jusqu'à 40 % », « à hauteur de 50 % », « dans la
limite de 30 % »), a label (« Taux maximal d'aide : 40 % », « taux d'intervention de 30 % », « The maximum EU
co-financing rate is 60% » on the EU portal, « Montant : 40 % des investissements »), the aid the figure measures
(« Aide de 50 % du coût », « subvention d'au plus 35 % », « aide publique (État et Région) de 40 % »,
« l'aide, composée de…, représente au plus 30 % », « prise en charge de 70 % », « projets financés à 60 % »,
« l'ADEME prend en charge 70 % », « the EU covers 90 % », « l'aide ne peut dépasser 50 % »), a range
(« subvention de 20 à 40 % », or « 30 % à 50 % des dépenses » when it names the costs), a label's rate (« Équipements :
30 % des dépenses », « Aide jusqu'à 600 000 € : 50 % pour les petites entreprises », « moins de 50 salariés : 40 % »),
a cost named as a label (« Études : 70 %. Travaux : 60 % »), the cells of a table's « Taux » column and, in the
sentence of
one of those, the rates that follow it (« 30 %, porté à 40 % pour les petites entreprises », « 30 % pour les
grandes entreprises, 40 % pour les moyennes et 50 % pour les petites »): the highest counts.
Words after a percentage say what it is a share of (« des dépenses », « du coût », « of the eligible costs »):
that must be a cost or the aid, so « jusqu'à 40 % des émissions » and « 30 % des emplois » are no aid rates. A
percentage without any of those words (« réduire de 20 % les émissions ») is not read either.
The rate named again to raise it (« ; le taux est de 35 % pour… ») and a rate after the euro ceiling of the same
cue (« plafonnée à 500 000 € et à 45 % des dépenses ») count too.
A sentence may open on the rate when a ceiling in euros follows it (« 50 % du coût du diagnostic, dans la limite
de 15 000 € »). The cap on all public aid together (« Le cumul des aides publiques ne peut dépasser 80 % ») is no
rate of this aid, nor is the share of the base one kind of expense may take (« les frais de conseil sont retenus
dans la limite de 20 % de l'assiette ») when its sentence names no aid.
"""

from __future__ import annotations

import re

from crawlers.normalise.amount_numbers import NUMBER, number_of

_PERCENT = rf"{NUMBER}\s*%"
_GAP = r"[^\d.;!?%€]{0,40}?"
_CUES = (
    r"jusqu['’]à|à hauteur (?:maximale )?de|hauteur maximale de|plafonn[ée]+s? à|maximum de|au maximum"
    r"|dans la limite de|peu(?:t|vent) atteindre|pourr(?:a|ont) atteindre|pouvant atteindre|au taux de|à un taux de"
)
# « taux » alone is any rate (« taux de recyclage de 70 % »): it counts when it says whose, heads a « : », or opens a
# sentence with its figure (« Taux de 50 % pour les études et de 20 % pour les travaux. »).
_QUALIFIERS = (
    r"maxim(?:um|al|ale|aux)|plafond|de base|bonifi[ée]|major[ée]|d['’]aide|d['’]intervention|de subvention"
    r"|de (?:co-?)?financement|de prise en charge|de soutien|d['’]accompagnement|de participation|publics?"
    r"|publiques?|r[ée]gional\w*|port[ée]+s?|relev[ée]+s?"
)
_LABELS = (
    rf"taux(?:\s+(?:{_QUALIFIERS}))+|taux(?=\s*:)|montant(?:\s+de\s+l['’]aide)?(?=\s*:)"
    r"|(?:^|(?<=\n)|(?<=\. ))taux(?=\s+de\s+\d)"
    rf"|(?:co-?)?(?:financing|funding)\s+rates?|reimbursement\s+rates?"
)
_AID_NOUNS = (
    r"aides?|subventions?|prises?\s+en\s+charge|(?:co-?)?financements?|participations?|soutiens?|interventions?"
    r"|contributions?|bonifications?|primes?|dotations?"
)
_AID_VERBS = r"(?:co-?)?financ[ée]+s?|subventionn[ée]+s?|aid[ée]+s?|soutenu(?:e|s|es)?|pris(?:es?)?\s+en\s+charge"
_AID_ACTS = (
    r"prend(?:ra|nent|ront)?\s+en\s+charge|(?:co-?)?financ(?:e|ent|era|eront)|subventionn(?:e|ent|era|eront)"
    r"|couvr(?:e|ent|ira|iront|ant)|covers?|covering|(?:will|shall)\s+cover|reimburses?|(?:will|shall)\s+reimburse"
)
_UP_TO = r"(?:\s+(?:au\s+plus|au\s+maximum|jusqu['’]à|up\s+to))?"
_CEILINGS = (
    r"ne\s+(?:peut|peuvent|pourra|pourront|doit|saurait)\s+(?:pas\s+)?(?:d[ée]passer|exc[ée]der)"
    r"|n['’]exc[ée]dant\s+pas|sans\s+d[ée]passer|limit[ée]+s?\s+à|plafonn[ée]+s?\s+à"
)
_MEASURES = (
    r"de|d['’]|à|a|:|[ée]ga(?:l|le|les|ux)\s+à|repr[ée]sent(?:ant|e|ent|era|eront)|correspondant\s+à|couvrant"
    r"|fix[ée]+s?\s+à|atteint|atteindra|s['’][ée]l[èe]ve(?:nt|ra|ront)?\s+à"
)
# « d'au plus 35 % », « représente au maximum 30 % »: the words that make the measured figure a ceiling.
_AT_MOST = r"(?:(?:au\s+plus|au\s+maximum|maximum|jusqu['’]à)\s*)?"
# The applicant's own share (« participation du porteur de 30 % », « contribution minimale du bénéficiaire »).
_OWN_SHARE = re.compile(
    r"\b(?:porteurs?|b[ée]n[ée]ficiaires?|demandeurs?|candidats?|ma[îi]tres?\s+d['’]ouvrage|autofinanc\w*"
    r"|apports?|propres?|minim(?:um|al|ale|aux))\b",
    re.IGNORECASE,
)
# All public aid together, in the rate's clause (« le cumul des aides publiques », « toutes aides confondues »).
_CUMULATION = re.compile(
    r"\bcumul\w*|\b(?:aides|financements|concours|subventions)\s+publi(?:cs|ques)\b|\btoutes\s+aides\b",
    re.IGNORECASE,
)
_ALL_AID_AFTER = re.compile(r"\btoutes\s+aides\b|\b(?:aides|financements)\s+publi(?:cs|ques)\s+cumul", re.IGNORECASE)
# A kind of expense counted up to a share of the base (« les frais de conseil sont retenus dans la limite de 20 % »).
_COUNTED_COSTS = re.compile(
    r"\b(?:d[ée]penses?|frais|co[ûu]ts?|charges?)\b[^.;:!?\n]*?\b(?:pris(?:es)?\s+en\s+compte|retenu(?:e|s|es)?"
    r"|admis(?:es)?|plafonn[ée]+s?|limit[ée]+s?)\b",
    re.IGNORECASE,
)
_AID_WORDS = re.compile(rf"\b(?:{_AID_NOUNS}|{_AID_VERBS}|{_AID_ACTS})\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,.;:!?()\n]")
_BY_AID = (
    re.compile(
        rf"\b(?:{_AID_NOUNS})(?:\s+\(?(?:[^\W\d]+['’])?[^\W\d]+\)?){{0,4}}?\s*,?\s*(?:{_MEASURES})\s*{_AT_MOST}"
        rf"{_PERCENT}",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?:{_AID_NOUNS}){_GAP}(?:{_CEILINGS})\s*{_PERCENT}", re.IGNORECASE),
)
_STATED = (
    re.compile(rf"\b(?:{_CUES}|{_LABELS}){_GAP}{_PERCENT}", re.IGNORECASE),
    re.compile(rf"\b(?:{_AID_VERBS})\s+(?:à|a)\s+{_PERCENT}", re.IGNORECASE),
    re.compile(rf"\b(?:{_AID_ACTS}){_UP_TO}\s+{_PERCENT}", re.IGNORECASE),
    re.compile(rf"{_PERCENT}\s*(?:maximum|max\b|au maximum|au plus)", re.IGNORECASE),
    # « ; le taux est de 35 % pour… »: the aid's rate, named again to raise it.
    re.compile(rf"\b(?:le|ce)\s+taux\s+(?:est|sera|passe|s['’][ée]l[èe]ve)\s+(?:alors\s+)?(?:port[ée]\s+)?(?:de|à|a)\s+"
               rf"{_PERCENT}", re.IGNORECASE),
    # « Avance de 50 000 € à 500 000 €, représentant au plus 40 % des dépenses »: the share the aid stands for.
    re.compile(rf"\brepr[ée]sent(?:ant|e|ent)\s+(?:au\s+plus|au\s+maximum|jusqu['’]à)\s+{_PERCENT}", re.IGNORECASE),
    # « 50 % des études et 30 % des travaux. »: a line that opens on the share of costs the aid covers.
    re.compile(rf"(?:^|(?<=\n))\s*{_PERCENT}(?=\s+(?:des|du|de\s+la|de\s+l['’])\s)", re.IGNORECASE),
    # « Équipements : 30 % des dépenses éligibles », « Aide jusqu'à 600 000 € : 50 % pour les petites entreprises »,
    # « moins de 50 salariés : 40 % »: a label's rate, of costs, for some applicants, or for a size.
    re.compile(rf":\s*{_PERCENT}(?=\s+(?:des|du|de\s+la|de\s+l['’]|pour\s+(?:les|des|la|le|l['’]))\s*)", re.IGNORECASE),
    re.compile(rf"\b(?:salari[ée]s|TPE|PME|ETI)\s*:\s*{_PERCENT}", re.IGNORECASE),
    # « Études : 70 %. Travaux : 60 % »: a label that names costs, at the start of a sentence.
    re.compile(rf"(?:^|(?<=[\n.;]))\s*(?:[ée]tudes?|travaux|investissements?|[ée]quipements?|diagnostics?|conseils?"
               rf"|mat[ée]riels?|ing[ée]nierie)(?:\s+[^\W\d]+){{0,2}}\s*:\s*{_PERCENT}", re.IGNORECASE),
    # « plafonnée à 500 000 € et à 45 % des dépenses »: a rate after the euro ceiling of the same cue.
    re.compile(rf"(?:{_CEILINGS})[^.;!?%\d]{{0,20}}\d[\d\s.,\u00a0\u202f]*(?:k€|m€|€|euros?)(?:\s*(?:HT|TTC))?"
               rf"\s*,?\s*et\s+(?:à\s+|a\s+)?{_PERCENT}", re.IGNORECASE),
    # "de 30 % à 60 %", "entre 20 et 40 %": the upper end is the rate.
    re.compile(
        rf"(?:taux|aide|subvention|financ\w*|intervention|hauteur)[^.;%\d]{{0,40}}?(?:\bde|\bentre)\s+{NUMBER}\s*%?"
        rf"\s*(?:à|a|et)\s+{_PERCENT}",
        re.IGNORECASE,
    ),
    # « 50 % du coût du conseil, plafonné à 25 000 € »: a sentence opening on the rate the ceiling that follows caps.
    re.compile(
        rf"(?:^|(?<=[;:!?\n])|(?<=\D\.))\s*{_PERCENT}(?=[^.;!?]{{0,160}}?"
        rf"(?:plafonn|dans\s+la\s+limite\s+d|limit[ée]+s?\s+à|jusqu['’]à|n['’]exc[ée]dant)"
        rf"[^.;!?%\d]{{0,30}}\d[\d\s.,\u00a0\u202f]*(?:k€|m€|€|euros?))",
        re.IGNORECASE,
    ),
)
# « 30 % à 50 % des investissements »: a range written with both percentages is a rate when it names the costs.
_COSTS_RANGE = re.compile(rf"{NUMBER}\s*%\s*(?:à|a|-|–)\s*{_PERCENT}", re.IGNORECASE)
# A rate listed or raised after an aid rate: « , 40 % pour les PME », « et 50 % pour … », « porté à 40 % ».
_FOLLOWING = re.compile(
    rf"(?:[,;(]|\b(?:et|ou|voire|puis|mais)\b|\b(?:port|major|bonifi|relev|augment|[ée]lev)[ée]+s?\s+(?:à|a)\b)"
    rf"\s*(?:jusqu['’]à\s*|(?:à|de)\s+)?{_PERCENT}",
    re.IGNORECASE,
)
_OF = r"(?:de\s+l['’]|d['’]|(?:de\s+la|des|du|de|of(?:\s+the)?)\b)"
# What a percentage is a share of: the noun after « de / des / du / of » and its determiners or fore-adjectives.
_SHARE_OF = re.compile(
    rf"\s*(?:maximum|max\b|au maximum|au plus|HT|TTC)?\s*{_OF}\s*(?:total\s*{_OF}\s*)?"
    r"(?:(?:the|its|their|leurs?|son|sa|ses|ce|cet|cette|ces|vos|votre|nos|notre|un|une|total\w*|eligible|[ée]ligibles?"
    r"|admissibles?|direct\w*|overall|relevant)\s+)*([^\W\d]+)",
    re.IGNORECASE,
)
_FLOOR = re.compile(r"\s*(?:minimum|min\b|au minimum|au moins)", re.IGNORECASE)
_COSTS = re.compile(
    r"^(?:(?:sur)?co[ûu]ts?|d[ée]penses?|investissements?|montants?|budgets?|frais|assiettes?|prestations?"
    r"|diagnostics?|[ée]tudes?|programmes?|projets?|op[ée]rations?|travaux|prix|factures?|salaires?|besoins?"
    r"|acquisitions?|achats?|d[ée]ficits?|honoraires|r[ée]mun[ée]rations?|loyers?|[ée]quipements?|actions?"
    r"|conseils?|missions?|charges?|postes?|HT|TTC|costs?|expenses?"
    r"|expenditures?|aides?|subventions?|financements?)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?\n]")
_RATE_SENTENCE_END = re.compile(r"(?<!\d)\.|[!?\n]")
"""A rate goes on past « ; » and « ( » (« 30 % des investissements ; 45 % pour les équipements de recyclage »)."""
# A table whose column says « Taux » of the aid (« Type de dépense | Taux maximal … | 20 % … | 35 % »; not « Taux de
# recyclage »): its cells are rates.
_RATE_COLUMN = re.compile(rf"\|\s*taux\b(?:\s+(?:{_QUALIFIERS}))*(?!\s+(?:de|d['’]|du|des)\b)", re.IGNORECASE)
_RATE_CELL = re.compile(rf"\|\s*{_PERCENT}")


def rate_max(text: str) -> float | None:
    """The highest aid rate `text` states, in percent; None when it states none."""
    by_aid = [m for regex in _BY_AID for m in regex.finditer(text) if not _OWN_SHARE.search(m[0])]
    stated = [m for regex in _STATED for m in regex.finditer(text)] + by_aid
    stated += [m for m in _COSTS_RANGE.finditer(text) if _of_named_costs(text, m.end())]
    if _RATE_COLUMN.search(text):
        stated += list(_RATE_CELL.finditer(text))
    stated = [
        m for m in stated
        if _of_costs(text, m.end()) and not _of_all_public_aid(text, m) and not _share_of_the_base(text, m)
    ]
    following = [m for m in _FOLLOWING.finditer(text) if _of_costs(text, m.end()) and _after_a_rate(text, m, stated)]
    rates = [number_of(*m.groups()[-2:]) for m in (*stated, *following)]
    rates = [r for r in rates if 0 < r <= 100]
    return max(rates) if rates else None


def _of_costs(text: str, end: int) -> bool:
    """Whether the percentage ending at `end` is a share of costs (or of nothing named), and no floor."""
    if _FLOOR.match(text, end):
        return False
    share = _SHARE_OF.match(text, end)
    return share is None or bool(_COSTS.match(share[1]))


def _of_named_costs(text: str, end: int) -> bool:
    """Whether the words after the percentage ending at `end` name costs (« des investissements »)."""
    share = _SHARE_OF.match(text, end)
    return share is not None and _of_costs(text, end)


def _share_of_the_base(text: str, rate: re.Match[str]) -> bool:
    """« Les dépenses immatérielles sont prises en compte dans la limite de 25 % de l'assiette »: the sentence
    counts a kind of expense up to a share of the base and names no aid."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, rate.start())]
    sentence = text[starts[-1] if starts else 0:rate.end()]
    return bool(_COUNTED_COSTS.search(sentence)) and not _AID_WORDS.search(sentence)


def _of_all_public_aid(text: str, rate: re.Match[str]) -> bool:
    """« Le cumul des aides publiques ne peut dépasser 80 % », « 80 % toutes aides publiques confondues »: the cap
    on every public aid together, said in the rate's own clause."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, rate.start())]
    end = _CLAUSE_START.search(text, rate.end())
    before = _CUMULATION.search(text, starts[-1] if starts else 0, rate.end())
    return bool(before or _ALL_AID_AFTER.search(text, rate.end(), end.start() if end else len(text)))


def _after_a_rate(text: str, following: re.Match[str], stated: list[re.Match[str]]) -> bool:
    """« , 40 % pour les PME » or « porté à 40 % » goes on an aid rate stated before it in the same sentence."""
    return any(
        m.end() <= following.start() and not _RATE_SENTENCE_END.search(text, m.end(), following.start()) for m in stated
    )
