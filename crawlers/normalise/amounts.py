"""Amounts and aid rates in free French text ("montant maximum de 350.000€", "70% maximum").

Deliberately simple regexes: a cue word ("jusqu'à", "plafonnée à", "au moins") then a number with a unit, or a
range "de 50 k€ à 2 M€". Each figure is told apart as the aid's or the project's (amount_subject.py): a floor or
ceiling of the aid is amount_min / amount_max, one of the project's budget (dépenses, assiette, investissement)
is project_min / project_max. A comparison ("supérieur à", "plus de") counts only when its subject is named; one
the sentence excludes (« inférieurs à 10 000 € ne sont pas retenus ») bounds the other side.
A text that names several ceilings keeps the largest (a ceiling for studies and one for works: the higher), several
floors the smallest. A raised ceiling (« portée à 500 € ») is a ceiling. The EU portal's English figures (« between
EUR 2 500 000 and EUR 20 000 000 », « up to », « at least ») are read the same way. The rate is read by
amount_rates.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawlers.normalise.amount_numbers import NUMBER as _NUMBER
from crawlers.normalise.amount_numbers import as_french_money
from crawlers.normalise.amount_numbers import number_of as _number
from crawlers.normalise.amount_rates import rate_max
from crawlers.normalise.amount_subject import AID, PROJECT, subject_after, subject_of

_UNITS = r"millions? d['’]euros|millions? €|md€|m€|meur|k€|keur|€|euros?"
_UNIT = rf"\s*({_UNITS})"
_PLAIN_MONEY = rf"\d[\d .,\u00a0\u202f]*?\s*(?:{_UNITS})"
"""A sum of money, matched without keeping its parts (the number and unit of another figure of the same phrase)."""
_GAP = r"[^\d.;:%€]{0,40}?"
_MAX_CUES = (
    r"montant (?:maximum|maximal|plafond)|plafonn[ée]+s? à|plafond de|plafond|jusqu['’]à|dans la limite de"
    r"|maximum de|au maximum|au plus|peut atteindre|pouvant atteindre|maxima(?:l|le|les|ux) de"
    r"|n['’]exc[ée]dant pas|limit[ée]+s? à|ne peu(?:t|vent) (?:d[ée]passer|exc[ée]der)|n['’]exc[ée]de(?:nt)? pas"
    r"|(?:port|major|relev)[ée]+s? à|up to|forfait(?:aire)? de"
)
_MIN_CUES = (
    r"montant (?:minimum|minimal|plancher)|minimum de|au moins|plancher de|[àa] partir de|minima(?:l|le|les|ux) de"
    r"|at least"
)
# Comparisons: a floor or a ceiling only when the words before say whose (« projets de plus de 1 M€ »).
_ABOVE_CUES = r"sup[ée]rieure?s?\s+(?:ou\s+[ée]ga(?:l|le|les|ux)\s+)?[àa]|(?<!au\s)plus\s+de|d[ée]pass(?:ant|ent|e)\b"
_BELOW_CUES = r"inf[ée]rieure?s?\s+(?:ou\s+[ée]ga(?:l|le|les|ux)\s+)?[àa]|(?<!au\s)moins\s+de"
_AMOUNT_MAX = re.compile(rf"(?:{_MAX_CUES}){_GAP}{_NUMBER}{_UNIT}", re.IGNORECASE)
_AMOUNT_MAX_NI = re.compile(rf"(?:{_MAX_CUES})[^.;:€]{{0,60}}?\bni\s+{_NUMBER}{_UNIT}", re.IGNORECASE)
"""« L'aide ne peut excéder 60 % du budget ni 1 M€ »: the euro ceiling after a rate."""
_AMOUNT_MAX_AND = re.compile(
    rf"(?:{_MAX_CUES}){_GAP}{_PLAIN_MONEY}[^.;:%€\d]{{0,40}}?\bet\s+(?:à|a)\s+"
    rf"{_NUMBER}{_UNIT}",
    re.IGNORECASE,
)
"""« plafonnée à 120 000 € par exploitation et à 300 000 € par entreprise »: a second ceiling of the same cue."""
_AMOUNT_EACH = re.compile(
    rf"(?:^|(?<=[.!?;:\n]))\s*{_NUMBER}{_UNIT}\s+(?:brut\w*\s+)?par\s+(?:contrats?|bourses?|laur[ée]at|projets?|doctorants?"
    r"|th[èe]ses?|apprentis?|salari[ée]s?|mois|an|ann[ée]e|[ée]quipes?|stagiaires?|postes?|emplois?)\b",
    re.IGNORECASE,
)
"""« 115 000 € par contrat doctoral. », « 1 500 € par mois »: a sentence that opens on the aid each one receives."""
_AMOUNT_AFTER = re.compile(rf"{_NUMBER}{_UNIT}(?:\s*(?:HT|TTC)\b)?\s*(?:maximum|max\b|au maximum|au plus)", re.IGNORECASE)
_AMOUNT_MIN = re.compile(rf"(?:{_MIN_CUES}){_GAP}{_NUMBER}{_UNIT}", re.IGNORECASE)
_AMOUNT_AFTER_MIN = re.compile(rf"{_NUMBER}{_UNIT}(?:\s*(?:HT|TTC)\b)?\s*(?:minimum|min\b|au minimum|au moins)",
                               re.IGNORECASE)
"""« Investissements de 50 000 € HT minimum »: a floor written after the figure."""
_AMOUNT_MIN_BARE = re.compile(rf"\bminimum\s*:?\s*{_NUMBER}{_UNIT}", re.IGNORECASE)
_AMOUNT_MAX_BARE = re.compile(rf"\bmaximum\s*:?\s*{_NUMBER}{_UNIT}", re.IGNORECASE)
_LABEL = r"\b[^\d.;:%€\n]{0,50}?:\s*"
_AMOUNT_MAX_LABEL = re.compile(rf"\b(?:plafond|maxim(?:um|al|ale|ales|aux)){_LABEL}{_NUMBER}{_UNIT}", re.IGNORECASE)
_AMOUNT_MIN_LABEL = re.compile(rf"\b(?:plancher|seuil|minim(?:um|al|ale|ales|aux)){_LABEL}{_NUMBER}{_UNIT}",
                               re.IGNORECASE)
"""« Montant maximal : 120 000 € », « Plancher de dépenses éligibles : 150 000 € HT »: a bound written as a label."""
_AMOUNT_ABOVE = re.compile(rf"(?:{_ABOVE_CUES})\s*{_NUMBER}{_UNIT}", re.IGNORECASE)
_AMOUNT_BELOW = re.compile(rf"(?:{_BELOW_CUES})\s*{_NUMBER}{_UNIT}", re.IGNORECASE)
# "de 50 k€ à 2 M€", "entre 50 000 et 200 000 €" (a unit written once counts for both ends), "entre 10 000 € HT et…".
_AMOUNT_RANGE = re.compile(
    rf"(?:\bde|\bentre|\bof|\bbetween|\bfrom)\s+{_NUMBER}(?:{_UNIT}(?:\s*(?:HT|TTC)\b)?)?\s*(?:à|a|et|to|and)\s+"
    rf"{_NUMBER}{_UNIT}",
    re.IGNORECASE,
)
_MULTIPLIERS = {"k€": 1e3, "keur": 1e3, "m€": 1e6, "meur": 1e6, "md€": 1e9}
# (regex, floor or ceiling, counts only with a named subject)
_CUED = (
    (_AMOUNT_MAX, "high", False), (_AMOUNT_AFTER, "high", False), (_AMOUNT_MAX_BARE, "high", False),
    (_AMOUNT_MAX_NI, "high", False), (_AMOUNT_MAX_AND, "high", False), (_AMOUNT_EACH, "high", False),
    (_AMOUNT_MIN, "low", False), (_AMOUNT_AFTER_MIN, "low", False), (_AMOUNT_MIN_BARE, "low", False),
    (_AMOUNT_MAX_LABEL, "high", False), (_AMOUNT_MIN_LABEL, "low", False),
    (_AMOUNT_ABOVE, "low", True), (_AMOUNT_BELOW, "high", True),
)
# « Les dossiers de moins de 10 000 € ne sont pas retenus »: a comparison the sentence excludes is the other bound.
_EXCLUDED = re.compile(
    r"[^.;!?\n]{0,60}?\b(?:ne\s+(?:sont|seront|peuvent|pourront)\s+pas(?:\s+être)?\s+(?:retenu|[ée]ligible|recevable"
    r"|financ|soutenu|subventionn|accept|aid[ée]|instruit|examin|[ée]tudi|pris\s+en\s+compte|prise?s?\s+en\s+charge)"
    r"|sont\s+(?:exclu|irrecevable|in[ée]ligible|rejet))",
    re.IGNORECASE,
)
_MONEY = re.compile(rf"{_NUMBER}{_UNIT}", re.IGNORECASE)
_PRIZES = re.compile(rf"\bprix\s+(?:de|d['’])\s*(?:{_PLAIN_MONEY}\s*,\s*)*{_PLAIN_MONEY}\s+et\s+(?:de\s+)?{_PLAIN_MONEY}",
                     re.IGNORECASE)
"""« Prix de 20 000 €, 10 000 € et 5 000 € »: the prizes, from the lowest to the highest."""
# A line break ends a clause when a new sentence, heading or bullet starts; a wrapped line (lower case) does not.
_CLAUSE_BREAK = re.compile(r"[.!?;•](?=\s|$)|\n\s*\n|\n(?=\s*(?:[^\w\s]|[A-ZÀÂÄÉÈÊËÎÏÔÖÙÛÜÇ]))")
_CONTINUED = re.compile(r"[\s,]*(?:HT|TTC)?[\s,]*(?:et|ou)\s+(?:de\s+|d['’])?", re.IGNORECASE)


@dataclass(frozen=True)
class Amounts:
    """What a text says about money."""

    amount_min: float | None = None
    """Floor of the aid itself (subvention, avance, prêt), euros."""
    amount_max: float | None = None
    """Ceiling of the aid itself, euros."""
    rate_max: float | None = None
    """Percent of eligible costs."""
    project_min: float | None = None
    """Floor of the project's budget (dépenses éligibles, assiette, investissement), euros."""
    project_max: float | None = None
    """Ceiling of the project's budget, euros."""


@dataclass(frozen=True)
class _Figure:
    """One floor and/or ceiling found in the text, before its subject is known."""

    start: int
    end: int
    number_at: int
    low: float | None
    high: float | None
    needs_subject: bool = False


def extract_amounts(text: str) -> Amounts:
    """Floors and ceilings of the aid and of the project, and the maximum rate, named in `text`."""
    text = as_french_money(text)
    figures = _figures(text)
    aid, project = [], []
    for figure, subject in zip(figures, _subjects(text, figures)):
        if subject == PROJECT:
            project.append(figure)
        elif subject == AID or (subject is None and not figure.needs_subject):
            aid.append(figure)
    return Amounts(
        amount_min=_lowest(aid), amount_max=_highest(aid), rate_max=rate_max(text),
        project_min=_lowest(project), project_max=_highest(project),
    )


def _figures(text: str) -> list[_Figure]:
    """Every cued amount and every range, in reading order."""
    found = []
    for regex, side, needs_subject in _CUED:
        for m in regex.finditer(text):
            value = _euros(m)
            if needs_subject and _EXCLUDED.match(text, m.end()):
                side = "high" if side == "low" else "low"
            low, high = (value, None) if side == "low" else (None, value)
            found.append(_Figure(m.start(), m.end(), m.start(1), low, high, needs_subject))
    found += _ranges(text) + _prizes(text)
    return sorted(found, key=lambda f: (f.number_at, f.start))


def _subjects(text: str, figures: list[_Figure]) -> list[str | None]:
    """Whose money each figure is; « de 10 000 € minimum et de 200 000 € maximum » says it once for both."""
    subjects: list[str | None] = []
    for n, figure in enumerate(figures):
        subject = subject_after(text[figure.end:figure.end + 60]) or subject_of(_clause(text, figure.number_at))
        before = [i for i in range(n) if figures[i].end <= figure.start]
        if subject is None and before and _CONTINUED.fullmatch(text[figures[before[-1]].end:figure.start]):
            subject = subjects[before[-1]]
        subjects.append(subject)
    return subjects


def _clause(text: str, at: int) -> str:
    """The words before position `at`, back to the start of the sentence or to the amount before."""
    window = text[max(0, at - 200):at]
    cuts = [m.end() for regex in (_CLAUSE_BREAK, _MONEY) for m in regex.finditer(window)]
    return window[max(cuts, default=0):]


def _lowest(figures: list[_Figure]) -> float | None:
    values = [f.low for f in figures if f.low is not None]
    return min(values) if values else None


def _highest(figures: list[_Figure]) -> float | None:
    values = [f.high for f in figures if f.high is not None]
    return max(values) if values else None


def _ranges(text: str) -> list[_Figure]:
    """Every "de X à Y €" in euros; the lone unit of "de 50 à 200 k€" counts twice."""
    found = []
    for m in _AMOUNT_RANGE.finditer(text):
        high = _number(m[4], m[5]) * _multiplier(m[6])
        low = _number(m[1], m[2]) * _multiplier(m[3] or m[6])
        if low <= high:
            found.append(_Figure(m.start(), m.end(), m.start(1), low, high))
    return found


def _prizes(text: str) -> list[_Figure]:
    """Each list of prizes, as the range from its lowest prize to its highest."""
    found = []
    for m in _PRIZES.finditer(text):
        values = [_euros(money) for money in _MONEY.finditer(m[0])]
        found.append(_Figure(m.start(), m.end(), m.start(), min(values), max(values)))
    return found


def _euros(match: re.Match[str]) -> float:
    return _number(match[1], match[2]) * _multiplier(match[3])


def _multiplier(unit_text: str) -> float:
    unit = unit_text.lower().replace(" ", "")
    return 1e6 if unit.startswith("million") else _MULTIPLIERS.get(unit, 1.0)

