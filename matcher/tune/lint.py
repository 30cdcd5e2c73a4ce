"""Profile lint: warnings (never errors) about profiles, synonyms and [matching] weights, with file and key.

Static rules read the configuration only; data rules take what the shell found in the stored calls
(which terms match at least one call, which exclusions fire on calls the chef de projet accepted).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from models import display
from models.config.messages import format_loc
from models.config.schema import MatchingConfig, ProfileConfig, SynonymsConfig
from models.french import fold, singular

from matcher.thresholds import UNREVIEWED_THRESHOLD

MAX_SIGNAL_WEIGHT = 10.0
"""Same range as profile term weights (0 < weight ≤ 10): beyond it one signal silences the others."""

Fold = Callable[[str], str]


@dataclass(frozen=True)
class LintWarning:
    """One warning: the file (relative to the configuration folder), the key path, the French message."""

    file: str
    key: str
    message: str

    def line(self, folder: str = "") -> str:
        """`config/profiles/x.toml: terms."friche": message`."""
        name = f"{folder}/{self.file}" if folder else self.file
        return f"{name}: {self.key}: {self.message}" if self.key else f"{name}: {self.message}"


def term_key(text: str) -> str:
    """A term's comparison form: folded (models.french), each word singular, punctuation as single spaces
    ("Friches " → "friche", "l’Œuvre" → "l oeuvre")."""
    return " ".join(singular(w) for w in re.findall(r"[a-z0-9]+", fold(text)))


def _file(pid: str) -> str:
    return f"profiles/{pid}.toml"


def duplicated_terms(profiles: Mapping[str, ProfileConfig], same: Fold = term_key) -> list[LintWarning]:
    """Terms of one profile that are the same term written twice ("friche" / "Friches"), and terms that are
    also one of the profile's exclusions."""
    warnings = []
    for pid, profile in sorted(profiles.items()):
        seen: dict[str, str] = {}
        for term in profile.terms:
            if (first := seen.setdefault(same(term), term)) != term:
                message = f"terme en double : « {term} » est le même terme que « {first} » (les deux comptent)"
                warnings.append(LintWarning(_file(pid), format_loc(("terms", term)), message))
        for n, exclusion in enumerate(profile.exclusions):
            if (term := seen.get(same(exclusion.term))) is not None:
                message = f"« {exclusion.term} » est à la fois un terme (« {term} ») et une exclusion du profil"
                warnings.append(LintWarning(_file(pid), format_loc(("exclusions", n, "term")), message))
    return warnings


def shadowed_terms(profiles: Mapping[str, ProfileConfig], synonyms: SynonymsConfig,
                   same: Fold = term_key) -> list[LintWarning]:
    """A term whose synonym (same group, or acronym ↔ expansion) is also a term of the profile: a call
    that says one gains the other, so both fire and the weight counts twice."""
    classes = _synonym_classes(synonyms, same)
    warnings = []
    for pid, profile in sorted(profiles.items()):
        first_of: dict[int, str] = {}
        for term in profile.terms:
            group = classes.get(same(term))
            if group is None:
                continue
            if (first := first_of.setdefault(group, term)) != term:
                message = (f"« {term} » est masqué par le synonyme « {first} » (synonyms.toml) : un appel qui dit "
                           f"l'un reçoit l'autre, les deux poids s'additionnent")
                warnings.append(LintWarning(_file(pid), format_loc(("terms", term)), message))
    return warnings


def _synonym_classes(synonyms: SynonymsConfig, same: Fold) -> dict[str, int]:
    """Folded term → number of its equivalence class (acronym with its expansion, each group)."""
    classes: dict[str, int] = {}
    sets = [[acronym, full] for acronym, full in synonyms.acronyms.items()] + [list(g) for g in synonyms.groups]
    for number, members in enumerate(sets):
        for member in members:
            classes.setdefault(same(member), number)
    return classes


def weight_warnings(matching: MatchingConfig) -> list[LintWarning]:
    """[matching] weights beyond the allowed range, all weights zero, a threshold no score can reach."""
    warnings = []
    weights = matching.weights.model_dump()
    for name, value in weights.items():
        if value > MAX_SIGNAL_WEIGHT:
            message = f"poids hors limites : {value:g} (attendu 0 ≤ poids ≤ {MAX_SIGNAL_WEIGHT:g})"
            warnings.append(LintWarning("settings.toml", f"matching.weights.{name}", message))
    if not any(weights.values()):
        warnings.append(LintWarning("settings.toml", "matching.weights", "tous les poids sont nuls : tout score vaut 0"))
    if matching.threshold > 1:
        message = f"seuil {matching.threshold:g} : les scores vont de 0 à 1, aucune correspondance ne le franchira"
        warnings.append(LintWarning("settings.toml", "matching.threshold", message))
    unreviewed = not matching.review_required and matching.calibration.enabled
    if unreviewed and matching.threshold < UNREVIEWED_THRESHOLD:
        message = (f"seuil {display.decimal(matching.threshold)} sans relecture (review_required = false) : les lettres "
                   "partent sans que le chef de projet les lise et, sur les jeux de réglage, la moitié des propositions "
                   f"ne sont pertinentes qu'à partir de {display.decimal(UNREVIEWED_THRESHOLD)}")
        warnings.append(LintWarning("settings.toml", "matching.threshold", message))
    return warnings


def unused_terms(profiles: Mapping[str, ProfileConfig], found: Mapping[str, set[str]], calls: int
                 ) -> list[LintWarning]:
    """Terms that match none of the `calls` stored calls (`found`: profile id → terms found at least once)."""
    warnings = []
    for pid, profile in sorted(profiles.items()):
        for term in profile.terms:
            if term not in found.get(pid, set()):
                message = f"« {term} » ne se trouve dans aucun des {calls} appels enregistrés"
                warnings.append(LintWarning(_file(pid), format_loc(("terms", term)), message))
    return warnings


def accepted_exclusions(profiles: Mapping[str, ProfileConfig],
                        fired: Iterable[tuple[str, str, str, str]]) -> list[LintWarning]:
    """Exclusions that fire on calls the chef de projet accepted: (profile id, exclusion term, fiche id, call
    title) each; the exclusion would push that call down or out of the fiche's list."""
    warnings = []
    for pid, term, fiche_id, title in sorted(set(fired)):
        index = next(n for n, e in enumerate(profiles[pid].exclusions) if e.term == term)
        message = (f"l'exclusion « {term} » retirerait l'appel « {title} » accepté par le chef de projet "
                   f"pour la fiche {fiche_id}")
        warnings.append(LintWarning(_file(pid), format_loc(("exclusions", index, "term")), message))
    return warnings


def static_warnings(profiles: Mapping[str, ProfileConfig], synonyms: SynonymsConfig,
                    matching: MatchingConfig) -> list[LintWarning]:
    """Every rule that needs the configuration only."""
    return duplicated_terms(profiles) + shadowed_terms(profiles, synonyms) + weight_warnings(matching)
