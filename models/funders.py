"""One display name per funder: the sources write the same funder several ways ("ADEME", "AGENCE DE L
ENVIRONNEMENT ET DE LA MAITRISE DE L ENERGIE (ADEME)", "BPIFRANCE"…).

    names = FunderNames.from_table([("ADEME", ["Agence de l'environnement et de la maîtrise de l'énergie"])])
    names.display("AGENCE DE L ENVIRONNEMENT ET DE LA MAITRISE DE L ENERGIE (ADEME)")   # "ADEME"
    names.display("REGION BRETAGNE")                                                     # "Région Bretagne"

A name is looked up in the alias table (config/funders.toml) after folding case, accents and punctuation;
failing that, its trailing acronym in parentheses is looked up ("… (ADEME)"). A name the table does not know
is shown as found, its ALL-CAPS spelling tidied ("Région Bretagne", acronyms in parentheses kept).
`FunderNames.display` is the one function every page, export and letter should show funders through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from models.french import fold

_NON_WORD = re.compile(r"[\W_]+", re.U)
_ACRONYM = re.compile(r"\(\s*([^()]{2,20}?)\s*\)\s*$")
_TOKEN = re.compile(r"(\([^()]*\)|[^\s()]+)")

PARTICLES = frozenset("à au aux d de des du en et l la le les par pour sous sur".split())
"""French words kept in lower case inside a tidied name (never as its first word)."""
ACCENTED = {
    "region": "Région", "regional": "Régional", "regionale": "Régionale", "departement": "Département",
    "departemental": "Départemental", "departementale": "Départementale", "general": "Général",
    "generale": "Générale", "energie": "Énergie", "etat": "État", "economie": "Économie",
    "economique": "Économique", "ecologique": "Écologique", "developpement": "Développement",
    "europeenne": "Européenne", "europeen": "Européen", "cohesion": "Cohésion", "metropole": "Métropole",
    "communaute": "Communauté", "maitrise": "Maîtrise", "rhone": "Rhône", "ile": "Île",
    "prefecture": "Préfecture", "reseau": "Réseau", "societe": "Société", "federation": "Fédération",
    "chambre": "Chambre", "metiers": "Métiers", "universite": "Université", "pole": "Pôle",
    "deleguee": "Déléguée", "depots": "Dépôts", "education": "Éducation", "securite": "Sécurité", "sante": "Santé",
}
"""Accents an ALL-CAPS source dropped, restored for the words funders' names use most."""
ACRONYMS = frozenset("anct anr bpi cci cma dge dreal dreets epci eti feder fse pme sem sgpi tpe ue".split())
"""Short words that stay in capitals inside a tidied name."""


def funder_key(name: str) -> str:
    """The comparison key of a funder's name: lower case, no accents, punctuation as spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(name)).split())


def tidy_case(name: str) -> str:
    """A name as found, spaces tidied; an ALL-CAPS name of several words gets a sensible case: each word
    capitalised, French particles in lower case, accents restored for common words, acronyms in
    parentheses kept ("AGENCE DE L ENERGIE (ADEME)" → "Agence de l'Énergie (ADEME)"). A single ALL-CAPS word
    is most likely an acronym and stays as it is."""
    name = " ".join(name.split())
    letters = [c for c in re.sub(r"\([^()]*\)", "", name) if c.isalpha()]
    words = [w for w in _TOKEN.findall(name) if not w.startswith("(")]
    if not letters or any(c.islower() for c in letters) or len(words) < 2:
        return name
    tokens = [_tidy_token(token, first=n == 0) for n, token in enumerate(_TOKEN.findall(name))]
    return re.sub(r"\b([lLdD]) (?=\w)", r"\1'", " ".join(tokens))  # « DE L ENERGIE »: the apostrophe came off


def _tidy_token(token: str, first: bool) -> str:
    if token.startswith("("):
        return token
    parts = re.split(r"([-'’])", token)
    return "".join(_tidy_word(part, first and n == 0) for n, part in enumerate(parts))


def _tidy_word(word: str, first: bool) -> str:
    if not any(c.isalpha() for c in word):
        return word
    lower = word.lower()
    if lower in PARTICLES and not first:
        return lower
    if funder_key(lower) in ACRONYMS:
        return word
    known = ACCENTED.get(funder_key(lower))
    if known:
        return known
    if not any(c in "aeiouy" for c in funder_key(lower)):
        return word  # no vowel: an acronym ("CCI" has one, "SNCF" has none)
    return lower[:1].upper() + lower[1:]


class FunderNames:
    """The alias table: folded name or alias → display name."""

    def __init__(self, aliases: dict[str, str] | None = None) -> None:
        self.aliases = dict(aliases or {})

    @classmethod
    def from_table(cls, table: Iterable[tuple[str, Sequence[str]]]) -> FunderNames:
        """From (display name, aliases) pairs; the display name is an alias of itself. First one wins."""
        aliases: dict[str, str] = {}
        for name, others in table:
            for alias in (name, *others):
                key = funder_key(alias)
                if key:
                    aliases.setdefault(key, name)
        return cls(aliases)

    def display(self, name: str) -> str:
        """The one name to show for a funder as a source wrote it."""
        known = self.aliases.get(funder_key(name))
        if known:
            return known
        acronym = _ACRONYM.search(name)
        if acronym:
            known = self.aliases.get(funder_key(acronym.group(1)))
            if known:
                return known
        return tidy_case(name)

    def display_all(self, names: Iterable[str]) -> list[str]:
        """Display names of a call's funders, each once, in the source's order (empty names dropped)."""
        return list(dict.fromkeys(shown for n in names if n and n.strip() and (shown := self.display(n))))

    def present(self, found: Iterable[str]) -> list[str]:
        """The display names of funders as found in the data, each once, in French alphabetical order."""
        return sorted(set(self.display_all(found)), key=lambda n: (funder_key(n), n))

    def spellings(self, display: str, found: Iterable[str]) -> list[str]:
        """Every spelling among `found` shown as `display` (compared folded): what a filter must look for."""
        wanted = funder_key(display)
        return sorted({n for n in found if n and funder_key(self.display(n)) == wanted})
