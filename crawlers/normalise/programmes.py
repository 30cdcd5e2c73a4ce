"""National and European programmes named in a call's text ("France 2030", "Fonds vert"…)."""

from __future__ import annotations

import re

from crawlers.normalise.text import fold

_PROGRAMMES: list[tuple[str, str]] = [
    (r"france ?2030", "France 2030"),
    (r"fonds vert|fonds d'acceleration de la transition ecologique", "Fonds vert"),
    (r"fonds chaleur", "Fonds Chaleur"),
    (r"fonds friches?|recyclage (du|des) foncier", "Fonds friches"),
    (r"territoires? d'industrie", "Territoires d'industrie"),
    (r"\bfeder\b", "FEDER"),
    (r"\bfeader\b", "FEADER"),
    (r"\bfse\+?(?=\W|$)", "FSE+"),
    (r"\b(programme|fonds|gal|dispositif) leader\b", "LEADER"),
    (r"france relance|plan de relance", "France Relance"),
    (r"\bhorizon europe\b", "Horizon Europe"),
    (r"\blife\b", "LIFE"),
    (r"\bfonds (pour une )?transition juste\b|\bftj\b", "Fonds pour une transition juste"),
    (r"\bfonds economie circulaire\b", "Fonds économie circulaire"),
]
_COMPILED = [(re.compile(pattern), name) for pattern, name in _PROGRAMMES]


def programmes_in_text(text: str) -> list[str]:
    """Programme names the text mentions, in the table's order."""
    folded = fold(text)
    return [name for pattern, name in _COMPILED if pattern.search(folded)]
