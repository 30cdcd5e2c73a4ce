"""The French words by which a funder excludes a subject from its call, and the look-alikes that exclude nothing.

Every word is written folded (lowercase, no accents: see `models.french.fold`), as `Token.folded` holds it. A
trigger is a sequence of slots, each slot the set of forms it accepts. Its direction says where the excluded
subject stands: after it (« hors biomasse »), or on either side (« ne sont pas éligibles : … » /
« les véhicules ne sont pas éligibles ») — decided by what follows (see `call_exclusions`).
"""

from __future__ import annotations

from matcher.analysis import key_of

AFTER = "after"
"""The subject follows the trigger."""
EITHER = "either"
"""After the trigger when a colon or a determiner follows it (« sont exclus : … », « sont exclus les … »),
before it otherwise (« les projets de méthanisation sont exclus »)."""


def _forms(*words: str) -> frozenset[str]:
    return frozenset(words)


_NEGATED_VERBS = _forms("finance", "financent", "financera", "financeront", "soutient", "soutiennent",
                        "soutiendra", "subventionne", "subventionnent", "accompagne", "accompagnent")
_PLURAL_STATES = _forms("eligibles", "financees", "finances", "retenus", "retenues", "admis", "admises",
                        "subventionnables", "aides", "aidees", "concernes", "concernees")
_SINGULAR_STATES = _forms("eligible", "financee", "finance", "retenu", "retenue", "admis", "admise",
                          "subventionnable", "aide", "aidee", "concerne", "concernee")

TRIGGERS: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    ((_forms("hors"),), AFTER),
    ((_forms("a"), _forms("l'"), _forms("exclusion", "exception")), AFTER),
    ((_forms("exception"), _forms("faite")), AFTER),
    ((_forms("excepte", "exceptee", "exceptes", "exceptees"),), AFTER),
    ((_forms("sauf"),), AFTER),
    ((_forms("ne", "n'"), _NEGATED_VERBS, _forms("pas", "ni")), AFTER),
    ((_forms("ne"), _forms("prend", "prennent"), _forms("pas"), _forms("en"), _forms("charge")), AFTER),
    ((_forms("ne"), _forms("sont", "seront", "peuvent"), _forms("pas"), _PLURAL_STATES), EITHER),
    ((_forms("n'"), _forms("est", "sera"), _forms("pas"), _SINGULAR_STATES), EITHER),
    ((_forms("ne"), _forms("sont", "seront"), _forms("pas"), _forms("pris", "prises"), _forms("en"),
      _forms("charge")), EITHER),
    ((_forms("ne"), _forms("peuvent", "peut", "pourront", "pourra"), _forms("pas"), _forms("etre"),
      _PLURAL_STATES | _SINGULAR_STATES), EITHER),
    ((_forms("non"), _forms("eligible", "eligibles", "finance", "finances", "financee", "financees")), EITHER),
    ((_forms("non-eligible", "non-eligibles", "ineligible", "ineligibles"),), EITHER),
    ((_forms("exclu", "exclue", "exclus", "exclues"),), EITHER),
)
"""Every way of saying « this is excluded » that Vigie recognises."""

EXCEPTIONS = _forms("hors", "sauf", "excepte", "exceptee", "exceptes", "exceptees", "a", "exception")
"""First words of the triggers that make an exception: after another trigger of the same sentence they re-admit
(« les véhicules ne sont pas éligibles, sauf les véhicules électriques ») and are not read."""

NEGATIONS = _forms("ne", "n'", "pas", "non", "plus", "jamais", "aucun", "aucune", "nul", "nulle")
"""Before « exclu » or « inéligible », they turn it around (« aucun secteur n'est exclu »)."""

IGNORED_AFTER: dict[str, frozenset[str]] = {
    # « hors taxes », « hors du commun », « hors de prix », « hors période », « hors zone », « hors France »…
    "hors": _forms("taxe", "taxes", "ht", "tva", "ttc", "de", "du", "des", "d'", "periode", "periodes", "delai",
                   "delais", "saison", "commun", "prix", "norme", "normes", "service", "ligne", "forfait",
                   "cadre", "champ", "budget", "contrat", "plafond", "hors-taxe", "hors-taxes"),
    # « sauf mention contraire », « sauf exception », « sauf si », « sauf en cas de »…
    "sauf": _forms("mention", "exception", "exceptions", "si", "s'il", "s'ils", "lorsque", "lorsqu'", "quand",
                   "cas", "en", "derogation", "derogations", "indication", "avis", "accord", "disposition",
                   "dispositions", "erreur", "pour", "a", "contre-indication", "demande", "autorisation"),
    "excepte": _forms("si", "s'il", "s'ils", "lorsque", "lorsqu'", "quand", "pour", "en"),
}
"""Words that, right after a trigger word, make it an idiom rather than an exclusion."""

PLACES = _forms(
    "zone", "zones", "territoire", "territoires", "region", "regions", "departement", "departements", "commune",
    "communes", "metropole", "france", "europe", "ue", "union", "qpv", "zrr", "dom", "drom", "outre-mer",
    "hexagone", "agglomeration", "perimetre", "quartier", "quartiers", "ville", "villes", "pays",
)
"""Geographic exclusions are read from `geo_exclusions`, not from the text: « hors zone urbaine » says nothing
about a fiche's subject."""

TIMES = _forms(
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
    "decembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "week-end", "week-ends",
    "weekend", "jour", "jours", "ferie", "feries", "vacances", "ete", "hiver", "annee", "annees", "mois",
)
"""« hors juillet et août », « sauf le dimanche »: a time, not a subject."""

DETERMINERS = _forms("le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette", "ces",
                     "tout", "toute", "tous", "toutes", "leur", "leurs", "certains", "certaines", "notamment")
"""Skipped before the excluded subject."""

LINKS = _forms("de", "d'", "du", "des", "a", "au", "aux", "en", "la", "le", "les", "l'", "sur")
"""Words that hold a subject and its complement together (« chaudières au fioul », « projets de méthanisation »)."""

COORDINATORS = _forms("et", "ou", "ni")
"""Join two excluded subjects (« hors biomasse et géothermie »)."""

SCOPE = _forms("dispositif", "present", "presente", "aide", "aides", "appel", "programme", "financement",
               "financements", "fonds", "soutien", "subvention", "subventions", "cadre", "titre", "operation",
               "presentes", "ce", "cet", "cette", "l'", "le", "la", "de", "du", "d'", "des", "au", "dans")
"""« sont exclus du présent dispositif : … »: words between a trigger and its colon that name the call itself."""

SKIPPED_BEFORE = _forms("sont", "est", "seront", "sera", "restent", "reste", "demeurent", "ne", "n'", "pas",
                        "egalement", "aussi", "toutefois", "cependant", "donc", "expressement", "explicitement",
                        "strictement", "totalement", "systematiquement")
"""Between a subject and a trigger that follows it (« la biomasse est également exclue »)."""

BOUNDARIES = _forms("exclu", "exclue", "exclus", "exclues", "eligible", "eligibles", "ineligible", "ineligibles",
                    "non-eligible", "non-eligibles")
"""Words that end a subject even though they are no stop words (« projets éligibles »)."""

SEPARATORS = _forms(",", ";")
"""Between the items of a list (« ne sont pas éligibles : X, Y ; Z »)."""

BULLETS = _forms("-", "–", "—", "•", "*", "·", "◦", "▪")

MAX_WORDS = 4
"""Content words of one subject at most: longer, the cut is not trusted and the subject is dropped (a subject
is cut at the first stop word or punctuation, so a participle stays in it: « projets portés par… » needs
« porté » in the fiche too — a missed exclusion costs less than a wrong one)."""

BOILERPLATE = tuple(frozenset(key_of(w) for w in words.split()) for words in (
    "entreprises difficulté", "dossiers incomplets", "dépenses engagées", "projets engagés", "projets commencés",
    "travaux commencés", "tva", "taxes",
))
"""Subjects nearly every call excludes, about the applicant or the file, never about a fiche's subject."""
