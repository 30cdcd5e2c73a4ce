"""Intercommunalities a call's text leaves out: « Hors Métropole de Lyon, qui dispose de son propre programme », « Hors
territoire de Bordeaux Métropole », « La Métropole Aix-Marseille-Provence, couverte par son propre plan, n'est pas
éligible ».

An EPCI counts when its name, as the EPCI table knows it (models/communes.py), follows « hors » / « sauf » / « à
l'exception de » (with « le territoire de » or an article between), or opens a sentence that leaves it out (a negative
predicate: region_limits.EXCLUDED_AFTER). A name the table does not know, or knows for several EPCI, gives nothing.
« Métropole Aix-Marseille-Provence » is read as « Métropole d'Aix-Marseille-Provence ». Pure: folded sentences in,
`EPCI-` codes out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crawlers.normalise.region_limits import EXCLUDED_AFTER, LEAVING_OUT
from models import communes

_AFTER_LEAVING = re.compile(
    LEAVING_OUT + r"\w*\s+(?:(?:du|le|la|l')\s*)?(?:(?:territoire|perimetre)s?\s+(?:de la |de l'|du |des |de |d'))?"
)
_SUBJECT = re.compile(r"^(?:la |le |l')")
_LONGEST = 7
"""Words of the longest EPCI name tried (« Communauté d'agglomération du Pays de Saint-Omer »)."""
_METROPOLE = re.compile(r"^(metropole|communaute (?:urbaine|d'agglomeration|de communes)) (?!(?:de|du|des|d')\b)")


def epcis_left_out(sentences: Iterable[str]) -> list[str]:
    """`EPCI-` codes of the intercommunalities the sentences leave out, in reading order."""
    found: list[str] = []
    for sentence in sentences:
        starts = [m.end() for m in _AFTER_LEAVING.finditer(sentence)]
        subject = _SUBJECT.match(sentence)
        if subject and EXCLUDED_AFTER.search(sentence):
            starts.append(subject.end())
        found += [code for at in starts if (code := _epci_at(sentence, at))]
    return list(dict.fromkeys(found))


def _epci_at(sentence: str, at: int) -> str | None:
    words = re.split(r"[\s,;.()]+", sentence[at:].strip(), maxsplit=_LONGEST)[:_LONGEST]
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        siren = communes.epci_named(name) or communes.epci_named(_METROPOLE.sub(r"\1 d'", name))
        if siren:
            return f"EPCI-{siren}"
    return None
