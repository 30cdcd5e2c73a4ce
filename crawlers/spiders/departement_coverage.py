"""The départements a call is limited to, when its coverage block names them.

Under a coverage heading ("Territoires concernés", "Zone géographique", "Localisation"…) a page may limit
a regional call to some départements: « ouvert aux seuls territoires du Gers (32), du Tarn (81) et de
l'Aveyron (12) », or a line made of names only, « Gers, Tarn et Aveyron ». A département counts when
its name is written with its own number, or when a line is wholly a list of département names; a name
met in passing in a sentence ("un site du Tarn") gives nothing: a coverage left unclear stays as the
listing gave it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from crawlers.normalise.departement_limits import departement_by_name, name_key, numbered_departements
from crawlers.normalise.text import fold

# ── What is read (folded: lower case, no accents) ────────────────────────────────────────────────
COVERAGE_HEADINGS = re.compile(
    r"territoires? (?:concerne|eligible|couvert|vise)|zones? geographiques?|localisation|perimetre"
    r"|departements? (?:concerne|eligible)|couverture geographique|\bou\b.*\bprojet\b.*\?$"
)
SEPARATORS = re.compile(r"\s*[,;/•]\s*|\s+(?:et|ou)\s+")
ARTICLE = re.compile(r"^(?:(?:le |la |les |l')?departements? (?:du |de la |de l'|des |de )?|le |la |les |l'|du |de la |de l')")
# ────────────────────────────────────────────────────────────────────────────────────────────────


def departement_codes(sections: Iterable[tuple[str, str]]) -> list[str]:
    """DEP codes of the départements the coverage blocks name, in reading order; [] when they name none."""
    found: dict[str, None] = {}
    for heading, body in sections:
        if COVERAGE_HEADINGS.search(fold(heading).strip()):
            for line in body.split("\n"):
                found.update(dict.fromkeys(_numbered(fold(line)) or _listed(fold(line))))
    return list(found)


def _numbered(line: str) -> list[str]:
    """Départements written « Nom (NN) » whose name matches their number."""
    return [code for code, _ in numbered_departements(line)]


def _listed(line: str) -> list[str]:
    """A line made of département names only (« Gers, Tarn et Aveyron »); [] otherwise."""
    label = line.strip(" .:")
    label = label.split(":", 1)[1] if ":" in label else label
    parts = [ARTICLE.sub("", part.strip()) for part in SEPARATORS.split(label) if part.strip()]
    codes = [departement_by_name().get(name_key(part)) for part in parts]
    return [f"DEP-{code}" for code in codes if code] if parts and None not in codes else []
