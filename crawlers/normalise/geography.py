"""Place names found in feeds ("Toutes les Régions", "Occitanie", "La Réunion") → COG codes."""

from __future__ import annotations

import re

from crawlers.normalise.text import fold
from models import geo

_NATIONAL = re.compile(r"toutes les regions|france entiere|\bnational(?:e|es|aux)?\b|toute la france")


def region_codes_in_text(text: str) -> list[str]:
    """COG codes of the régions a text names; "Toutes les Régions" is the whole country."""
    folded = fold(text)
    if _NATIONAL.search(folded):
        return [geo.FRANCE]
    found = [
        (folded.find(fold(name)), f"REG-{code}")
        for code, name in geo.regions().items()
        if re.search(rf"\b{re.escape(fold(name))}\b", folded)
    ]
    return [code for _, code in sorted(found)]
